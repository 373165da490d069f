namespace Kim.Casemanagement.Domain.Faelle.Bildung;

/// <summary>Result of a language test (DTZ / telc / Goethe): the level reached, or below A2.</summary>
public enum Kursergebnis
{
    UnterA2 = 0,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
}
