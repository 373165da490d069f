using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>Loads and stores the Fall aggregate (with its client and child records) in one transaction.</summary>
public interface IFallRepository
{
    /// <summary>The Fall with everything its guards read, or null.</summary>
    Task<Fall?> LadenAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Like <see cref="LadenAsync"/>, for reading only: the result is not tracked and cannot be saved, and its
    /// <see cref="GelesenerFall.Fall"/> may be shared with concurrent reads (see <see cref="GelesenerFall"/>).
    /// </summary>
    Task<GelesenerFall?> LesenAsync(Guid id, CancellationToken ct);

    /// <summary>Inserts a new Fall and its client.</summary>
    Task HinzufuegenAsync(Fall fall, CancellationToken ct);

    /// <summary>
    /// Writes all changes of a loaded Fall, its new events, notes and hand-overs, in one transaction; throws
    /// <see cref="Common.KonfliktException"/> when someone else changed the Fall meanwhile, and
    /// <see cref="Common.FallGesperrtException"/> when it is held (a hold set since the load raised its version).
    /// </summary>
    Task SpeichernAsync(Fall fall, CancellationToken ct);

    /// <summary>
    /// The active hold of a Fall loaded through this repository (<see cref="LadenAsync"/>), as read with it in the same
    /// round trip; null when it is not held. A held Fall is read-only: <see cref="SpeichernAsync"/> refuses it as well.
    /// </summary>
    FallSperrvermerk? AktiveSperre(Fall fall);

    /// <summary>Reserves the next file number.</summary>
    Task<string> NaechstesAktenzeichenAsync(DateOnly heute, CancellationToken ct);
}
