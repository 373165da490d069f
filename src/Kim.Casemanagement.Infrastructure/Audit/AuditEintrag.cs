namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// One row of the audit trail: who did what, when (UTC), to which Fall/Klient, from where, with which outcome.
/// Written append-only (the application role may only INSERT and SELECT); sealed into a hash chain afterwards.
/// </summary>
public sealed class AuditEintrag
{
    public long Id { get; set; }

    /// <summary>The writing transaction's id (xid8): rows are sealed in transaction order once every older transaction has ended.</summary>
    public ulong Xid { get; set; }

    public DateTimeOffset Zeitpunkt { get; set; }

    public string BenutzerId { get; set; } = string.Empty;

    public string Rollen { get; set; } = string.Empty;

    /// <summary>What happened, e.g. <c>Fall.Lesen</c>, <c>Fall.Schritt</c>, <c>Anmeldung.Fehlgeschlagen</c>.</summary>
    public string Aktion { get; set; } = string.Empty;

    /// <summary>Detail without personal data, e.g. <c>Aufenthalt/Anerkennen</c>.</summary>
    public string? Detail { get; set; }

    public Guid? FallId { get; set; }

    public Guid? KlientId { get; set; }

    /// <summary>Outcome: an HTTP-like status (200, 403, 404, 409 ...).</summary>
    public int Ergebnis { get; set; }

    /// <summary>Remote address of the request.</summary>
    public string? Herkunft { get; set; }

    public string? TraceId { get; set; }

    /// <summary>
    /// The Kommune of the signed-in user (migration 0019); null for a request without one (e.g. a failed sign-in).
    /// Not part of the sealed row content (<see cref="AuditKette"/>): the chain of rows written before the column existed stays valid.
    /// </summary>
    public string? Mandant { get; set; }
}
