namespace Kim.Casemanagement.Application.Sicherheit;

/// <summary>The kind of view a caller has of a Fall.</summary>
public enum FallSichtArt
{
    Keine,
    Voll,
    Partner,
}
