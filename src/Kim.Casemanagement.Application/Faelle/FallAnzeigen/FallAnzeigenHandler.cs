using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Faelle.FallAnzeigen;

/// <summary>Reads one Fall with each track's state, its possible steps and its blocked steps with the German reasons.</summary>
public sealed class FallAnzeigenHandler(FallBearbeitung bearbeitung, FallDetailZwischenspeicher zwischenspeicher)
{
    public async Task<FallDetail> HandleAsync(Guid fallId, CancellationToken ct)
    {
        var (fall, sicht, sperre, cachebar, berechnen) = await LadenAsync(fallId, ct);
        return cachebar ? zwischenspeicher.Holen(fall.Id, fall.Version, sicht, bearbeitung.Kalender.Heute, berechnen, sperre) : berechnen();
    }

    /// <summary>The same read, as the API sends it: the version (for the ETag) and the read model serialised with <paramref name="serialisieren"/>.</summary>
    public async Task<(int Version, ReadOnlyMemory<byte> Json)> JsonAsync(Guid fallId, Func<FallDetail, byte[]> serialisieren, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(serialisieren);
        var (fall, sicht, sperre, cachebar, berechnen) = await LadenAsync(fallId, ct);
        return (fall.Version, cachebar
            ? zwischenspeicher.JsonHolen(fall.Id, fall.Version, sicht, bearbeitung.Kalender.Heute, berechnen, serialisieren, sperre)
            : serialisieren(berechnen()));
    }

    private async Task<(Fall Fall, FallSicht Sicht, Abstractions.FallSperrvermerk? Sperre, bool Cachebar, Func<FallDetail> Berechnen)> LadenAsync(Guid fallId, CancellationToken ct)
    {
        // Load, access decision (404/403) and audit entry on every request; the read model is built once per version, view
        // and day, from an instance of the Fall of its own (the read's may be shared with other reads of this version).
        var (gelesen, sicht) = await bearbeitung.LesenMitSichtAsync(fallId, ct);
        var fall = gelesen.Fall;
        var jetzt = bearbeitung.Kalender.Jetzt;
        FallDetail Berechnen() => FallDetailAbbildung.Abbilden(gelesen.Eigener(), bearbeitung.Probe(), bearbeitung.Regeln, jetzt, sicht, gelesen.Sperre);

        // A withdrawal recorded "later" than now (another instance's clock running ahead) would change the view within
        // the day: such a Fall is not cached.
        return (fall, sicht, gelesen.Sperre, fall.Einwilligungen.All(e => e.WiderrufenAm is null || e.WiderrufenAm <= jetzt), Berechnen);
    }
}
