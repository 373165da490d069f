using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>An allowed step of the ideal flow.</summary>
public sealed record SollKante(Spur Spur, string Von, string Nach);
