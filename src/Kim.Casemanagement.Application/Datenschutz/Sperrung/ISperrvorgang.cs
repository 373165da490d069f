namespace Kim.Casemanagement.Application.Datenschutz.Sperrung;

/// <summary>
/// A change of the holds of one Fall under its row lock (<see cref="IFallSperren.OeffnenAsync"/>). The changes are made
/// in the open transaction; <see cref="AbschliessenAsync"/> raises the Fall's version (so that a change loaded before it
/// fails, and every cache of the Fall is renewed), stores the request's audit entries and commits. Disposed without it,
/// everything is rolled back: nothing is half-stored.
/// </summary>
public interface ISperrvorgang : IAsyncDisposable
{
    /// <summary>The Fall's tenant.</summary>
    string Mandant { get; }

    string Aktenzeichen { get; }

    Guid? KlientId { get; }

    /// <summary>The Fall's hold that is not lifted (active or expired), as stored when the lock was taken.</summary>
    SperreDetail? Offen { get; }

    /// <summary>Stores a new hold (there must be no hold that is not lifted: lift an expired one first).</summary>
    Task<SperreDetail> SetzenAsync(NeueSperre sperre, CancellationToken ct);

    /// <summary>Lifts the hold <see cref="Offen"/>.</summary>
    Task<SperreDetail> AufhebenAsync(string grund, string von, DateTimeOffset am, CancellationToken ct);

    /// <summary>Raises the Fall's version, writes the open audit entries (and the request's idempotency key), commits.</summary>
    Task AbschliessenAsync(CancellationToken ct);
}
