using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Faelle.Notizen;

/// <summary>The notes of one Fall, newest first.</summary>
public sealed class NotizenHandler(IFallAbfragen abfragen)
{
    public async Task<IReadOnlyList<NotizDetail>> HandleAsync(Guid fallId, CancellationToken ct)
    {
        if (!await abfragen.ExistiertAsync(fallId, ct))
        {
            throw new NichtGefundenException("Der Fall wurde nicht gefunden.");
        }

        return await abfragen.NotizenAsync(fallId, ct);
    }
}
