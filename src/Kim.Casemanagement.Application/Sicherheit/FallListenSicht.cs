using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Sicherheit;

/// <summary>Which Fälle a list may contain for the caller (the same rules as <see cref="FallZugriff"/>, as a query filter).</summary>
/// <param name="Mandant">The caller's tenant.</param>
/// <param name="FallmanagerId">Set for case managers: own and deputised Fälle.</param>
/// <param name="TeamId">Set for team leads: the team's Fälle.</param>
/// <param name="Partner">Set for partner contacts: Fälle with a valid consent naming the authority.</param>
public sealed record FallListenSicht(string Mandant, string? FallmanagerId, Guid? TeamId, Behoerde? Partner)
{
    /// <summary>True when the caller sees rows only as a partner (then only the consented columns are filled).</summary>
    public bool NurPartner => Partner is not null && FallmanagerId is null && TeamId is null;
}
