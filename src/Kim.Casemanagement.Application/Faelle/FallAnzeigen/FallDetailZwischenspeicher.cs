using System.Collections.Concurrent;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Faelle.FallAnzeigen;

/// <summary>
/// The read model of recently shown Fälle, per instance. A <see cref="FallDetail"/> depends only on the Fall as stored at
/// one version, on what the caller may see of it (<see cref="FallSicht"/>), on the business day (ages, dated rules,
/// consent periods, the steps possible today) and on its active hold (read with every load, never cached; setting and
/// lifting a hold raise the version too); every change raises the version. So an entry is reused only for exactly
/// that key; loading the Fall, the access decision and the audit entry still happen on every request. Bounded: when it
/// holds more than <see cref="Kapazitaet"/> entries it starts empty again.
/// </summary>
public sealed class FallDetailZwischenspeicher
{
    public const int Kapazitaet = 1000;

    private readonly ConcurrentDictionary<Schluessel, Eintrag> _eintraege = new();

    /// <summary>How many read models are held now.</summary>
    public int Anzahl => _eintraege.Count;

    public FallDetail Holen(Guid fallId, int version, FallSicht sicht, DateOnly heute, Func<FallDetail> berechnen, Abstractions.FallSperrvermerk? sperre = null)
    {
        var detail = EintragHolen(fallId, version, sicht, heute, sperre, berechnen).Detail;

        // The profile is the one mutable part of the read model: every caller gets a copy of its own.
        return detail.Kompetenzprofil is { } profil ? detail with { Kompetenzprofil = profil.Kopie() } : detail;
    }

    /// <summary>
    /// The read model already serialised (the API's answer): serialised once per entry with <paramref name="serialisieren"/>,
    /// which must not change the model. The bytes are shared and never changed.
    /// </summary>
    public ReadOnlyMemory<byte> JsonHolen(Guid fallId, int version, FallSicht sicht, DateOnly heute, Func<FallDetail> berechnen, Func<FallDetail, byte[]> serialisieren, Abstractions.FallSperrvermerk? sperre = null)
    {
        ArgumentNullException.ThrowIfNull(serialisieren);
        var eintrag = EintragHolen(fallId, version, sicht, heute, sperre, berechnen);
        return eintrag.Json ??= serialisieren(eintrag.Detail);
    }

    private Eintrag EintragHolen(Guid fallId, int version, FallSicht sicht, DateOnly heute, Abstractions.FallSperrvermerk? sperre, Func<FallDetail> berechnen)
    {
        ArgumentNullException.ThrowIfNull(berechnen);
        var schluessel = new Schluessel(fallId, version, sicht, heute, sperre);
        if (!_eintraege.TryGetValue(schluessel, out var eintrag))
        {
            eintrag = new Eintrag(berechnen());
            if (_eintraege.Count >= Kapazitaet)
            {
                _eintraege.Clear();
            }

            _eintraege[schluessel] = eintrag;
        }

        return eintrag;
    }

    private readonly record struct Schluessel(Guid FallId, int Version, FallSicht Sicht, DateOnly Heute, Abstractions.FallSperrvermerk? Sperre);

    /// <summary>One read model and, once asked for, its JSON (set at most a few times by racing callers, always the same bytes).</summary>
    private sealed class Eintrag(FallDetail detail)
    {
        public FallDetail Detail { get; } = detail;

        public byte[]? Json { get; set; }
    }
}
