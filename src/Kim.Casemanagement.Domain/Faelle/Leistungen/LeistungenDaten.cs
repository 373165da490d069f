namespace Kim.Casemanagement.Domain.Faelle.Leistungen;

/// <summary>The persisted state of the benefits track.</summary>
public sealed class LeistungenDaten
{
    public LeistungenZustand Zustand { get; internal set; } = LeistungenZustand.KeinLeistungsbezug;

    public DateOnly Seit { get; internal set; }

    /// <summary>Day the current Kooperationsplan was agreed or last reviewed (review due every 6 months, see rule table).</summary>
    public DateOnly? KooperationsplanAm { get; internal set; }

    public Massnahmeart? Massnahme { get; internal set; }

    /// <summary>Start of the current employment, if any.</summary>
    public DateOnly? BeschaeftigtSeit { get; internal set; }

    public int? Wochenstunden { get; internal set; }
}
