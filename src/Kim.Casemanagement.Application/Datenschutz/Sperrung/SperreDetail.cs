namespace Kim.Casemanagement.Application.Datenschutz.Sperrung;

/// <summary>
/// One hold (Sperrung) as the Datenschutz role sees it: the Fall by id and file number (no name), the reason, until
/// when, who set and lifted it and why. <see cref="Status"/>: <c>Aktiv</c> (not lifted, end date not passed),
/// <c>Abgelaufen</c> (not lifted, end date passed), <c>Aufgehoben</c>.
/// </summary>
public sealed record SperreDetail(
    Guid Id,
    Guid FallId,
    string Aktenzeichen,
    string Status,
    string Grund,
    DateOnly? Bis,
    DateTimeOffset GesetztAm,
    string GesetztVon,
    DateTimeOffset? AufgehobenAm,
    string? AufgehobenVon,
    string? Aufhebungsgrund)
{
    public const string Aktiv = "Aktiv";
    public const string Abgelaufen = "Abgelaufen";
    public const string Aufgehoben = "Aufgehoben";

    public bool IstAktiv => Status == Aktiv;
}
