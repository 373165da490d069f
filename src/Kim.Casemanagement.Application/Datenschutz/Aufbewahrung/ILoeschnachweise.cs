namespace Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;

/// <summary>What the retention jobs have done: the erasure runs of a tenant and the state of the audit trail's segments.</summary>
public interface ILoeschnachweise
{
    /// <summary>The newest <paramref name="anzahl"/> runs of the erasure job for the tenant, newest first.</summary>
    Task<IReadOnlyList<Loeschlauf>> LoeschlaeufeAsync(string mandant, int anzahl, CancellationToken ct);

    /// <summary>The audit trail's segments, with the newest <paramref name="anzahlEntfernte"/> removed ones listed.</summary>
    Task<AuditAufbewahrungsStand> AuditAbschnitteAsync(int anzahlEntfernte, CancellationToken ct);
}
