namespace Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;

/// <summary>
/// The retention overview (page <c>/Datenschutz/Aufbewahrung</c>, <c>GET /api/datenschutz/aufbewahrung</c>): the
/// periods in force today and decided for later, the Fälle due for erasure and held (counts), the last erasure runs with
/// their Löschprotokoll, and the audit trail's retention (segments, floor, today's cut-off). Counts and dates only.
/// </summary>
/// <param name="AuditStichtag">Audit rows older than this are due for removal today: the rule's cut-off, or the database's floor when that is older.</param>
/// <param name="AuditUntergrenzeGilt">The database's floor is older than the rule's cut-off and therefore decides.</param>
public sealed record AufbewahrungsUebersicht(
    DateOnly Heute,
    IReadOnlyList<AufbewahrungsRegel> Regeln,
    FaelleZurLoeschung Faelle,
    IReadOnlyList<Loeschlauf> Loeschlaeufe,
    AuditAufbewahrungsStand Audit,
    DateTimeOffset? AuditStichtag,
    bool AuditUntergrenzeGilt);
