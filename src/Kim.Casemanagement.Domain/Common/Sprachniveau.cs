namespace Kim.Casemanagement.Domain.Common;

/// <summary>German language level on the Common European Framework of Reference (GER), ordered.</summary>
public enum Sprachniveau
{
    Keine = 0,
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}
