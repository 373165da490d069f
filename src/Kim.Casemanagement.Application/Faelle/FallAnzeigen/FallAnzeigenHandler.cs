using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Faelle.FallAnzeigen;

/// <summary>Reads one Fall with each track's state, its possible steps and its blocked steps with the German reasons.</summary>
public sealed class FallAnzeigenHandler(FallBearbeitung bearbeitung, FallDetailZwischenspeicher zwischenspeicher)
{
    public async Task<FallDetail> HandleAsync(Guid fallId, CancellationToken ct)
    {
        // Load, access decision (404/403) and audit entry on every request; the read model is built once per version, view and day.
        var (fall, sicht) = await bearbeitung.LadenMitSichtAsync(fallId, null, FallAktion.Lesen, ct);
        var heute = bearbeitung.Kalender.Heute;
        var jetzt = bearbeitung.Kalender.Jetzt;
        FallDetail Berechnen() => FallDetailAbbildung.Abbilden(fall, bearbeitung.Probe(), bearbeitung.Regeln, jetzt, sicht);

        // A withdrawal recorded "later" than now (another instance's clock running ahead) would change the view within
        // the day: such a Fall is not cached.
        return fall.Einwilligungen.All(e => e.WiderrufenAm is null || e.WiderrufenAm <= jetzt)
            ? zwischenspeicher.Holen(fall.Id, fall.Version, sicht, heute, Berechnen)
            : Berechnen();
    }
}
