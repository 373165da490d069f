namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>One page of audit rows, newest first; <paramref name="HatWeitere"/> when a next page exists.</summary>
public sealed record AuditSeite(IReadOnlyList<AuditEintrag> Eintraege, int Seite, int Groesse, bool HatWeitere);
