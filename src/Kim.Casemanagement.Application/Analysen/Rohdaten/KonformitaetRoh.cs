using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>How many Fälle have events on the track (<paramref name="Spur"/> null: over all evaluated tracks) and how many of them follow the ideal flow.</summary>
public sealed record KonformitaetRoh(Spur? Spur, long Faelle, long Konform);
