using Kim.Casemanagement.Application.Faelle.Ereignisse;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Application.Faelle.Notizen;

namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>Read-side queries over the case files (projections, no aggregate loading).</summary>
public interface IFallAbfragen
{
    Task<Seite<FallZeile>> SuchenAsync(FallSuche suche, Sicherheit.FallListenSicht sicht, DateOnly heute, CancellationToken ct);

    /// <summary>Workload of the visible open Fälle with a case manager, aggregated in the database.</summary>
    Task<Faelle.Auslastung.AuslastungRoh> AuslastungAsync(Sicherheit.FallListenSicht sicht, DateOnly heute, int ohneKontaktTage, CancellationToken ct);

    Task<bool> ExistiertAsync(Guid fallId, CancellationToken ct);

    Task<IReadOnlyList<EreignisDetail>> EreignisseAsync(Guid fallId, CancellationToken ct);

    Task<IReadOnlyList<NotizDetail>> NotizenAsync(Guid fallId, CancellationToken ct);
}
