using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>A track as seen now: current state (and its superstates), since when, and every step with its status.</summary>
public sealed record SpurStatus(
    Spur Spur,
    Guid? UeberleitungId,
    string Zustand,
    string ZustandBezeichnung,
    IReadOnlyList<string> Oberzustaende,
    DateOnly Seit,
    IReadOnlyList<SchrittStatus> Schritte);
