namespace Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;

/// <summary>One page of the consent register (newest recorded first) with the number of all matching consents.</summary>
public sealed record RegisterSeite(IReadOnlyList<EinwilligungsEintrag> Eintraege, int Gesamt, int Seite, int Groesse)
{
    public int Seiten => Groesse == 0 ? 0 : (Gesamt + Groesse - 1) / Groesse;
}
