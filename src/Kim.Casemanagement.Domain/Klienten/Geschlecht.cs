namespace Kim.Casemanagement.Domain.Klienten;

/// <summary>Gender as recorded in the case file.</summary>
public enum Geschlecht
{
    Unbekannt = 0,
    Weiblich = 1,
    Maennlich = 2,
    Divers = 3,
}
