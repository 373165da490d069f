namespace Kim.Casemanagement.Application.Analysen;

/// <summary>Writes the event log of the selected Fälle as XES (IEEE 1849-2016), streamed: one trace per Fall under a pseudonym, no personal attributes.</summary>
public interface IXesExport
{
    Task SchreibenAsync(Stream ziel, AnalyseAbfrage abfrage, XesEinstellungen einstellungen, CancellationToken ct);
}
