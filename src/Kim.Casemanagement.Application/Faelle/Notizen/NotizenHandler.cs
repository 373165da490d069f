using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Faelle.Notizen;

/// <summary>The notes of one Fall, newest first (case management only; partners do not see notes).</summary>
public sealed class NotizenHandler(FallBearbeitung bearbeitung, IFallAbfragen abfragen)
{
    public async Task<IReadOnlyList<NotizDetail>> HandleAsync(Guid fallId, CancellationToken ct)
    {
        await bearbeitung.LadenAsync(fallId, null, FallAktion.NotizenLesen, ct);
        return await abfragen.NotizenAsync(fallId, ct);
    }
}
