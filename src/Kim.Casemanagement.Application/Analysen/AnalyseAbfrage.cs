using Kim.Casemanagement.Application.Einstellungen;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// One analysis request as the data port sees it: tenant, filter, today (for censoring and open waits) and the cohort rules.
/// <see cref="Einstellungen"/>: the tenant's effective settings (minimum group size, FTE, ideal flow) the request is
/// computed and suppressed with; null: the installation's (<see cref="AnalysenOptionen"/>).
/// </summary>
public sealed record AnalyseAbfrage(string Mandant, AnalyseFilter Filter, DateOnly Heute, IReadOnlyList<KohortenRegel> Regeln)
{
    public WirksameEinstellungen? Einstellungen { get; init; }
}
