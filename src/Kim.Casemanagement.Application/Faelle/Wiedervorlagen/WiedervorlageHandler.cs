using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Faelle.Wiedervorlagen;

/// <summary>Creates a manual follow-up, or marks one as done.</summary>
public sealed class WiedervorlageHandler(FallBearbeitung bearbeitung)
{
    public async Task<WiedervorlageDetail> AnlegenAsync(Guid fallId, DateOnly faellig, string betreff, string? zustaendigId, int? version, CancellationToken ct)
    {
        var heute = bearbeitung.Kalender.Heute;
        if (faellig < heute.AddYears(-1) || faellig > heute.AddYears(10))
        {
            throw new DomainException("Das Fälligkeitsdatum ist unplausibel.", new Dictionary<string, string[]> { ["faellig"] = ["Das Datum muss zwischen einem Jahr zurück und zehn Jahren voraus liegen."] });
        }

        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.WiedervorlageVerwalten, ct);
        var w = fall.WiedervorlageAnlegen(Guid.CreateVersion7(bearbeitung.Kalender.Jetzt), faellig, betreff, WiedervorlageArt.Manuell, null, zustaendigId, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return new WiedervorlageDetail(w.Id, w.Faellig, w.Betreff, w.Art.ToString(), w.ZustaendigId, w.ErledigtAm);
    }

    public async Task<int> ErledigenAsync(Guid fallId, Guid wiedervorlageId, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.WiedervorlageVerwalten, ct);
        fall.WiedervorlageErledigen(wiedervorlageId, bearbeitung.Benutzer.Id, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return fall.Version;
    }
}
