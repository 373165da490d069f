using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Faelle.Ziele;

/// <summary>Agrees a SMART goal, or rates its attainment.</summary>
public sealed class ZielHandler(FallBearbeitung bearbeitung)
{
    public async Task<ZielDetail> VereinbarenAsync(Guid fallId, string was, DateOnly bisWann, string wer, string? messgroesse, DateOnly vereinbartAm, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.ZielVerwalten, ct);
        var z = fall.ZielVereinbaren(Guid.CreateVersion7(bearbeitung.Kalender.Jetzt), was, bisWann, wer, messgroesse, vereinbartAm, bearbeitung.Kalender.Heute, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return new ZielDetail(z.Id, z.Was, z.BisWann, z.Wer, z.Messgroesse, z.VereinbartAm, null, null);
    }

    public async Task<int> BewertenAsync(Guid fallId, Guid zielId, ZielBewertung bewertung, DateOnly am, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.ZielVerwalten, ct);
        fall.ZielBewerten(zielId, bewertung, am, bearbeitung.Kalender.Heute, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return fall.Version;
    }
}
