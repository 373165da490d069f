using System.Collections.Concurrent;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Faelle.FallAnzeigen;

/// <summary>
/// The read model of recently shown Fälle, per instance. A <see cref="FallDetail"/> depends only on the Fall as stored at
/// one version, on what the caller may see of it (<see cref="FallSicht"/>) and on the business day (ages, dated rules,
/// consent periods, the steps possible today); every change raises the version. So an entry is reused only for exactly
/// that key; loading the Fall, the access decision and the audit entry still happen on every request. Bounded: when it
/// holds more than <see cref="Kapazitaet"/> entries it starts empty again.
/// </summary>
public sealed class FallDetailZwischenspeicher
{
    public const int Kapazitaet = 1000;

    private readonly ConcurrentDictionary<Schluessel, FallDetail> _eintraege = new();

    /// <summary>How many read models are held now.</summary>
    public int Anzahl => _eintraege.Count;

    public FallDetail Holen(Guid fallId, int version, FallSicht sicht, DateOnly heute, Func<FallDetail> berechnen)
    {
        ArgumentNullException.ThrowIfNull(berechnen);
        var schluessel = new Schluessel(fallId, version, sicht, heute);
        if (!_eintraege.TryGetValue(schluessel, out var detail))
        {
            detail = berechnen();
            if (_eintraege.Count >= Kapazitaet)
            {
                _eintraege.Clear();
            }

            _eintraege[schluessel] = detail;
        }

        // The profile is the one mutable part of the read model: every caller gets a copy of its own.
        return detail.Kompetenzprofil is { } profil ? detail with { Kompetenzprofil = profil.Kopie() } : detail;
    }

    private readonly record struct Schluessel(Guid FallId, int Version, FallSicht Sicht, DateOnly Heute);
}
