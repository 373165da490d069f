using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Faelle.Notizen;

/// <summary>Writes a note; a note may record a contact with the client.</summary>
public sealed class NotizHandler(FallBearbeitung bearbeitung)
{
    public async Task<NotizDetail> VerfassenAsync(Guid fallId, string text, DateOnly? kontaktAm, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.NotizSchreiben, ct);
        var n = fall.NotizVerfassen(Guid.CreateVersion7(bearbeitung.Kalender.Jetzt), text, kontaktAm, bearbeitung.Benutzer.Id, bearbeitung.Kalender.Heute, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return new NotizDetail(n.Id, n.Text, n.VerfasstVon, n.VerfasstAm);
    }
}
