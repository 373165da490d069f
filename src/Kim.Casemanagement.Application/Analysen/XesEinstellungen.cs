namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// How an XES export is written. <paramref name="PseudonymSchluessel"/>: the HMAC key for the trace pseudonyms (never
/// written out); <paramref name="Mindestgroesse"/>: cohort attributes go into a trace only when at least that many traces
/// of the export share them; <paramref name="MitNamensraum"/>: declare <c>xmlns="http://www.xes-standard.org/"</c> (as
/// OpenXES does) instead of the no-namespace form the IEEE 1849-2016 schema describes.
/// </summary>
public sealed record XesEinstellungen(byte[] PseudonymSchluessel, int Mindestgroesse, bool MitNamensraum);
