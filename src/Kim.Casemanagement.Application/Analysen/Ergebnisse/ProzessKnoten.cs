using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>
/// A state of the process map (or the pseudo-states <c>Beginn</c> and <c>Ende</c>): how often it was entered, by how
/// many Fälle, who owns the waiting in it, and the median and 80th percentile of the days spent in it before the next step.
/// </summary>
public sealed record ProzessKnoten(
    string Id,
    Spur? Spur,
    string? Zustand,
    string Bezeichnung,
    string? Zustaendig,
    long? Anzahl,
    long? Faelle,
    double? MedianVerweildauerTage,
    double? P80VerweildauerTage,
    bool Gesperrt);
