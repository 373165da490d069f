using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>
/// The event abstraction the analyses work on: one row of the event log without actor, note or parameters.
/// <paramref name="UeberleitungId"/> separates the referrals of one Fall; <paramref name="Gruppe"/> is the receiving
/// authority of a referral event.
/// </summary>
public sealed record AnalyseEreignis(Guid FallId, int Nr, Spur Spur, Guid? UeberleitungId, string? Gruppe, string? VonZustand, string NachZustand, DateOnly Datum);
