namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// A country of origin as seen in NRW case management: its share of clients, names, typical situations at intake,
/// asylum outcomes and education profile. Figures are plausible orders of magnitude for demo data, not statistics.
/// </summary>
internal sealed record Herkunftsland(
    string Name,
    double Anteil,
    double MaennlichAnteil,
    Namensliste Latein,
    Namensliste? Originalschrift,
    double OriginalschriftAnteil,
    IReadOnlyList<(Szenario Wert, double Gewicht)> Szenarien,
    double Anerkennung,
    double Abschiebungsverbot,
    double FluechtlingseigenschaftAnteil,
    double Alphabetisierungsbedarf,
    double Akademisch,
    IReadOnlyList<string> Sprachen,
    DateOnly? EinreiseFruehestens = null);
