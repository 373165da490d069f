using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>
/// One state of a process map before suppression: how often it was entered (<paramref name="Anzahl"/>) by how many
/// Fälle, how many traces started in it, and the median and 80th percentile of the days spent in it before the next
/// step. <paramref name="Gruppe"/> is the receiving authority of a referral (track Überleitung), otherwise null.
/// </summary>
public sealed record KnotenRoh(Spur Spur, string? Gruppe, string Zustand, long Anzahl, long Faelle, long Starts, long StartFaelle, double? MedianTage, double? P80Tage)
{
    public string Schluessel => Knotenschluessel.Von(Spur, Gruppe, Zustand);
}
