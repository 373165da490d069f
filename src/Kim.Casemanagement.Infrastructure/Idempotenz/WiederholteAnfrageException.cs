namespace Kim.Casemanagement.Infrastructure.Idempotenz;

/// <summary>A write with an idempotency key that another request with the same key committed (or is committing) meanwhile.</summary>
public sealed class WiederholteAnfrageException(Exception inner)
    : Exception("Eine Anfrage mit diesem Idempotency-Key wurde bereits ausgeführt.", inner);
