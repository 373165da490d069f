using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>How many traces (and distinct Fälle) a process map covers: per track, or with <paramref name="Spur"/> null across tracks.</summary>
public sealed record VerlaufSummeRoh(Spur? Spur, long Verlaeufe, long Faelle);
