namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>
/// Two selections of Fälle side by side (A: before, B: after a decision), each under the analyses' suppression: the
/// milestone durations with their overlaid Kaplan-Meier curves, medians with 95 % confidence intervals and the log-rank
/// test; the variant shares on the process track; the conformance to the ideal flow. A difference is given only between
/// two published figures. <see cref="Gesperrt"/>: one of the selections failed the selection check (<see cref="Hinweis"/>).
/// </summary>
public sealed record Vergleich(
    string BezeichnungA,
    string BezeichnungB,
    IReadOnlyList<DauerVergleich> Dauern,
    Variantenanalyse VariantenA,
    Variantenanalyse VariantenB,
    IReadOnlyList<KonformitaetsVergleich> Konformitaet,
    int KurvenIntervallTage,
    bool Gesperrt,
    string? Hinweis,
    string Erlaeuterung);

/// <summary>
/// One milestone in both selections: each as on the durations page (suppressed alike), the 95 % confidence interval of
/// each Kaplan-Meier median (null limit: open to that side), the difference of the medians (B − A) and the log-rank test
/// (null unless both curves are published).
/// </summary>
public sealed record DauerVergleich(
    MeilensteinDauer A,
    MeilensteinDauer B,
    Konfidenzintervall? MedianA,
    Konfidenzintervall? MedianB,
    double? MedianDifferenzTage,
    LogRankTest? LogRank);

/// <summary>A 95 % confidence interval; a null limit means the interval is open to that side.</summary>
public sealed record Konfidenzintervall(double? Unten, double? Oben);

/// <summary>The log-rank test of two published curves: observed and expected reached milestones, χ² (1 degree of freedom), p-value, and what it says in plain German.</summary>
public sealed record LogRankTest(long BeobachtetA, double ErwartetA, long BeobachtetB, double ErwartetB, double Statistik, double PWert, string Aussage);

/// <summary>The share of Fälle following the ideal flow on a track (or on all) in both selections, and the difference in percentage points (B − A).</summary>
public sealed record KonformitaetsVergleich(KonformitaetsAnteil A, KonformitaetsAnteil B, double? DifferenzProzentpunkte);
