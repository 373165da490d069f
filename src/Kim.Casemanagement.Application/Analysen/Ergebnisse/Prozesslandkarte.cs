using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>
/// The process map of one track, or across tracks (<see cref="Spuruebergreifend"/>): states as nodes, directly-follows
/// steps as edges, with <c>Beginn</c> and <c>Ende</c> for where traces start and where they stand now.
/// <see cref="Verlaeufe"/>: traces (one per Fall and track; per referral on the track Überleitung).
/// </summary>
public sealed record Prozesslandkarte(
    Spur? Spur,
    bool Spuruebergreifend,
    long? Verlaeufe,
    IReadOnlyList<ProzessKnoten> Knoten,
    IReadOnlyList<ProzessKante> Kanten,
    bool Gesperrt,
    string? Hinweis);
