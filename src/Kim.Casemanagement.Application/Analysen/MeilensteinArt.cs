namespace Kim.Casemanagement.Application.Analysen;

/// <summary>What marks a milestone: the client's entry (Einreise), the intake (Aufnahme), or the first time a Fall reaches one of some states.</summary>
public enum MeilensteinArt
{
    Einreise = 1,
    Aufnahme = 2,
    Zustand = 3,
}
