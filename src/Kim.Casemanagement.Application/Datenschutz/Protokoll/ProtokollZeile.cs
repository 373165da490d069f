namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>
/// One row of the audit trail as the data-protection officer sees it: who (<see cref="BenutzerId"/>, with the roles at
/// the time) did what, when (UTC), to which Fall (<see cref="Aktenzeichen"/> while the Fall exists in the tenant) and
/// client, from where, with which outcome (an HTTP-like status).
/// </summary>
public sealed record ProtokollZeile(
    long Id,
    DateTimeOffset Zeitpunkt,
    string BenutzerId,
    string Rollen,
    string Aktion,
    string? Detail,
    Guid? FallId,
    string? Aktenzeichen,
    Guid? KlientId,
    int Ergebnis,
    string? Herkunft,
    string? TraceId);
