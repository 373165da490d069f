namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>
/// The size of the selection (<paramref name="Gefiltert"/>) and, for each active cohort or team filter, the size of the
/// selection without that one filter: the query-set-size check compares them.
/// </summary>
public sealed record Population(long Gefiltert, IReadOnlyList<long> OhneEinenFilter);
