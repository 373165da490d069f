namespace Kim.Casemanagement.Infrastructure.Idempotenz;

/// <summary>
/// The idempotency key of the current request (scoped). The host sets it from the <c>Idempotency-Key</c> header; the
/// Fall repository inserts it in the transaction of the change and marks it stored once committed.
/// </summary>
public sealed class IdempotenzKontext
{
    public string? BenutzerId { get; private set; }

    public string? Schluessel { get; private set; }

    public string AnfrageHash { get; private set; } = string.Empty;

    /// <summary>True once a change with this key has been committed (only then is the answer stored with it).</summary>
    public bool Gespeichert { get; private set; }

    public void Setzen(string benutzerId, string schluessel, string anfrageHash)
    {
        BenutzerId = benutzerId;
        Schluessel = schluessel;
        AnfrageHash = anfrageHash;
    }

    public void AlsGespeichertMarkieren() => Gespeichert = true;
}
