namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>Outcome of a recognition procedure for a foreign qualification.</summary>
public enum AnerkennungsErgebnis
{
    Voll = 1,
    Teilweise = 2,
    Abgelehnt = 3,
}
