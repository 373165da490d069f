namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>A published count: its value, or null with <see cref="Gesperrt"/> when it is withheld (too few Fälle, or it would reveal one that is).</summary>
public sealed record GeschuetzteZahl(long? Wert, bool Gesperrt)
{
    public static GeschuetzteZahl Geschuetzt { get; } = new(null, true);
}
