using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// How an XES export is written. <paramref name="Mindestgroesse"/>: k of the k-anonymous log (<see cref="XesAnonymisierung"/>),
/// the pages' minimum group size; <paramref name="Spur"/>: only the events of this track (null: every track of the Fall);
/// <paramref name="MitNamensraum"/>: declare <c>xmlns="http://www.xes-standard.org/"</c> (as OpenXES does) instead of the
/// no-namespace form the IEEE 1849-2016 schema describes. Trace ids are random per export: there is no key.
/// </summary>
public sealed record XesEinstellungen(int Mindestgroesse, Spur? Spur, bool MitNamensraum);
