using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>
/// Where Fälle wait for an authority: a waiting state of its track and the step out of it (median and 80th percentile of
/// the days), or, with <see cref="NochWartend"/>, the open Fälle that are still in it (days until today).
/// </summary>
public sealed record Engpass(string Zustaendig, Spur Spur, string Zustand, string Bezeichnung, string? Nach, string? NachBezeichnung, bool NochWartend, long Faelle, double? MedianTage, double? P80Tage);
