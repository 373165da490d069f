namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>
/// The audit trail of the current request (scoped). Use cases note every read and write of case data; entries of a
/// write are stored in the same transaction as the write; entries that no save carried (reads, refused or failed
/// requests) are written when the request ends.
/// </summary>
public interface IAuditProtokoll
{
    /// <summary>Notes an access. <paramref name="aktion"/> like <c>Fall.Lesen</c>; <paramref name="detail"/> without personal data.</summary>
    void Vormerken(string aktion, string? detail, Guid? fallId, Guid? klientId);

    /// <summary>The entries noted but not yet stored (the repository takes them into its transaction).</summary>
    IReadOnlyList<AuditVorgang> Offen { get; }

    /// <summary>Called by the repository once a transaction that carried the open entries committed.</summary>
    void AlsGespeichertMarkieren();
}
