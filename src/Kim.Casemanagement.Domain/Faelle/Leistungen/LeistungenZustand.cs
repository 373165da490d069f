namespace Kim.Casemanagement.Domain.Faelle.Leistungen;

/// <summary>Benefits track (Jobcenter / Sozialamt), DOMAIN.md §3.3.</summary>
public enum LeistungenZustand
{
    KeinLeistungsbezug,
    AsylbLG,
    RechtskreiswechselFaellig,

    /// <summary>Superstate of SGB II states.</summary>
    Sgb2,
    Sgb2Beantragt,
    Sgb2Bewilligt,
    Potenzialanalyse,
    Kooperationsplan,
    Schlichtung,
    Massnahme,
    ArbeitAufstockend,

    ArbeitBedarfsdeckend,
    Sgb12,
}
