using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Faelle.SchrittAusfuehren;

/// <summary>Fire one step (trigger) on one track of a Fall.</summary>
/// <param name="FallId">The Fall.</param>
/// <param name="Spur">The track.</param>
/// <param name="Trigger">The step's name, e.g. <c>Anerkennen</c>.</param>
/// <param name="FachlichesDatum">When it happened (may lie in the past).</param>
/// <param name="Parameter">The step's parameters by name (invariant text; dates as yyyy-MM-dd).</param>
/// <param name="Notiz">Optional note.</param>
/// <param name="UeberleitungId">For steps of a referral.</param>
/// <param name="Version">The Fall version the caller saw; a different current version is a 409.</param>
public sealed record SchrittBefehl(
    Guid FallId,
    Spur Spur,
    string Trigger,
    DateOnly FachlichesDatum,
    IReadOnlyDictionary<string, string?>? Parameter,
    string? Notiz,
    Guid? UeberleitungId,
    int? Version);
