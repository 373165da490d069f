namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// The precomputed per-Fall projection of the event log (ADR 0004): the report page computes a filter or a track from it
/// instead of over the whole event log. It answers through the same data port as the on-request computation and gives the
/// same figures for the data it was read from; it is refreshed in the background, so it may lag behind by up to the
/// refresh interval ("Stand" on the page).
/// </summary>
public interface IAnalysenProjektion
{
    /// <summary>The projection as last read, or null while it has not been built (then the page computes on request).</summary>
    AnalysenProjektionsStand? Aktuell { get; }
}

/// <summary>A data port answering from the projection, and when the projection was read from the database.</summary>
public sealed record AnalysenProjektionsStand(IAnalysenDaten Daten, DateTimeOffset Stand);

/// <summary>No projection: every page is computed on request (tests of the handler alone).</summary>
public sealed class KeineAnalysenProjektion : IAnalysenProjektion
{
    public static KeineAnalysenProjektion Instanz { get; } = new();

    public AnalysenProjektionsStand? Aktuell => null;
}
