using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;

/// <summary>One segment of the audit chain by its checkpoint (ADR 0006): its links, the time range of its rows, when it was closed and when removed.</summary>
public sealed record AuditAbschnitt(long Abschnitt, long BisNr, long Anzahl, DateTimeOffset? ErsterZeitpunkt, DateTimeOffset? LetzterZeitpunkt, DateTimeOffset ErstelltAm, DateTimeOffset? EntferntAm);

/// <summary>
/// The retention state of the audit trail from its checkpoints (<c>audit_pruefpunkte</c>): segments kept and removed,
/// rows removed, the latest removal and checkpoint, the oldest kept row, the database's floor
/// (<c>audit_aufbewahrung.mindestens</c>, as a period and as the instant rows must be older than), and the most
/// recently removed segments.
/// </summary>
public sealed record AuditAufbewahrungsStand(
    int AbschnitteBehalten,
    int AbschnitteEntfernt,
    long ZeilenEntfernt,
    DateTimeOffset? LetzteEntfernung,
    DateTimeOffset? LetzterPruefpunkt,
    DateTimeOffset? AeltesteBehalteneZeile,
    Frist? Mindestfrist,
    DateTimeOffset? Untergrenze,
    IReadOnlyList<AuditAbschnitt> ZuletztEntfernt);
