using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Faelle.Ereignisse;

/// <summary>The event timeline of one Fall across all tracks, in the order recorded.</summary>
public sealed class EreignisseHandler(IFallAbfragen abfragen)
{
    public async Task<IReadOnlyList<EreignisDetail>> HandleAsync(Guid fallId, CancellationToken ct)
    {
        if (!await abfragen.ExistiertAsync(fallId, ct))
        {
            throw new NichtGefundenException("Der Fall wurde nicht gefunden.");
        }

        return await abfragen.EreignisseAsync(fallId, ct);
    }
}
