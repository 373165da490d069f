using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>A step outside the ideal flow: how often it was taken and by how many Fälle.</summary>
public sealed record AbweichungRoh(Spur Spur, string Von, string Nach, long Anzahl, long Faelle);
