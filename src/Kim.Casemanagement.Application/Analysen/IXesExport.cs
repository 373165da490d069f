namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// Writes the event log of the selected Fälle as XES (IEEE 1849-2016), k-anonymous (<see cref="XesAnonymisierung"/>): one trace
/// per Fall of a variant with at least the minimum group size, random trace ids, weeks since intake instead of dates, no
/// personal attributes.
/// </summary>
public interface IXesExport
{
    Task SchreibenAsync(Stream ziel, AnalyseAbfrage abfrage, XesEinstellungen einstellungen, CancellationToken ct);
}
