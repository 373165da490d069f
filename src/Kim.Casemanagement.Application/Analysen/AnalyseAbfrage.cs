namespace Kim.Casemanagement.Application.Analysen;

/// <summary>One analysis request as the data port sees it: tenant, filter, today (for censoring and open waits) and the cohort rules.</summary>
public sealed record AnalyseAbfrage(string Mandant, AnalyseFilter Filter, DateOnly Heute, IReadOnlyList<KohortenRegel> Regeln);
