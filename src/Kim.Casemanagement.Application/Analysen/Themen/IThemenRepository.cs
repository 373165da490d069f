using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Themen;

/// <summary>Stores generative Themen; every write carries the request's open audit entries in its transaction.</summary>
public interface IThemenRepository
{
    Task HinzufuegenAsync(Thema thema, CancellationToken ct);

    /// <summary>The Thema of the tenant, or null.</summary>
    Task<Thema?> LadenAsync(Guid id, string mandant, CancellationToken ct);

    /// <summary>Writes a changed Thema; throws <see cref="Common.KonfliktException"/> when someone else changed it meanwhile.</summary>
    Task SpeichernAsync(Thema thema, CancellationToken ct);

    /// <summary>The Themen flagged on one Fall, newest first.</summary>
    Task<IReadOnlyList<Thema>> DesFallsAsync(Guid fallId, CancellationToken ct);
}
