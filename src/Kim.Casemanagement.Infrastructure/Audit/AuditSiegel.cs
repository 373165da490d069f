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

    /// <summary>
    /// The horizon of the sealing run that wrote this link (<c>pg_snapshot_xmin</c> at that time): every transaction with
    /// a smaller xid had ended, so every audit row with <c>xid &lt; BisXid</c> must be sealed by this or an earlier link.
    /// </summary>
    public ulong BisXid { get; set; }
}
