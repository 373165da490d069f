namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// One link of the hash chain over the audit trail: <c>Hash = SHA-256(VorgaengerHash || ZeilenHash)</c>, where
/// ZeilenHash is the SHA-256 of the audit row's canonical content. Changing, deleting or reordering a sealed row
/// breaks the chain at that link.
/// </summary>
public sealed class AuditSiegel
{
    /// <summary>Position in the chain, 1-based, without gaps.</summary>
    public long Nr { get; set; }

    public long AuditId { get; set; }

    public byte[] ZeilenHash { get; set; } = [];

    public byte[] VorgaengerHash { get; set; } = [];

    public byte[] Hash { get; set; } = [];

    public DateTimeOffset GesiegeltAm { get; set; }
}
