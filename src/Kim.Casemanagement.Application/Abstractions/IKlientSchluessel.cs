namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>
/// A key per client for values that must outlive their place in the case file but not the client (crypto-shredding,
/// ADR 0007): the old master data in the audit row of an Art. 16 correction is stored encrypted with it, the Art. 15 copy
/// decrypts it, and the erasure of the client deletes the key with the client's row, so that the audit row, which keeps
/// its own period and cannot be changed (hash chain), no longer reveals anything.
/// </summary>
public interface IKlientSchluessel
{
    /// <summary>Encrypts <paramref name="klartext"/> with the client's key (created on first use).</summary>
    Task<string> VerschluesselnAsync(Guid klientId, string klartext, CancellationToken ct);

    /// <summary>The plain text, or null when the client's key is gone (the client was erased) or the text is not this client's.</summary>
    Task<string?> EntschluesselnAsync(Guid klientId, string geheimtext, CancellationToken ct);
}
