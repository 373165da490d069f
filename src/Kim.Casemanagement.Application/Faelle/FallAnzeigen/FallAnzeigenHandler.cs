using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Faelle.FallAnzeigen;

/// <summary>Reads one Fall with each track's state, its possible steps and its blocked steps with the German reasons.</summary>
public sealed class FallAnzeigenHandler(FallBearbeitung bearbeitung)
{
    public async Task<FallDetail> HandleAsync(Guid fallId, CancellationToken ct)
    {
        var (fall, sicht) = await bearbeitung.LadenMitSichtAsync(fallId, null, FallAktion.Lesen, ct);
        return FallDetailAbbildung.Abbilden(fall, bearbeitung.Probe(), bearbeitung.Regeln, bearbeitung.Kalender.Jetzt, sicht);
    }
}
