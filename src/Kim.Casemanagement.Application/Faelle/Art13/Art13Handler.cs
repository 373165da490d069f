using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Faelle.Art13;

/// <summary>Notes that the client received the information under Art. 13 DSGVO.</summary>
public sealed class Art13Handler(FallBearbeitung bearbeitung)
{
    public async Task<int> VermerkenAsync(Guid fallId, DateOnly am, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.Art13Vermerken, ct);
        fall.Art13InformationVermerken(am, bearbeitung.Kalender.Heute, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return fall.Version;
    }
}
