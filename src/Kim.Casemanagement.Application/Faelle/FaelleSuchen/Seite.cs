namespace Kim.Casemanagement.Application.Faelle.FaelleSuchen;

/// <summary>One page of a result.</summary>
public sealed record Seite<T>(IReadOnlyList<T> Eintraege, int Gesamt, int SeiteNr, int Groesse)
{
    public int Seiten => Groesse == 0 ? 0 : (Gesamt + Groesse - 1) / Groesse;
}
