namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>Conformance with the configured ideal flow, the most common deviations and the bottlenecks per authority; <see cref="Definition"/> states the measure in German.</summary>
public sealed record Abweichungsanalyse(
    IReadOnlyList<KonformitaetsAnteil> Anteile,
    IReadOnlyList<Abweichung> Abweichungen,
    IReadOnlyList<Engpass> Engpaesse,
    string Definition,
    bool Gesperrt,
    string? Hinweis);
