using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>
/// A Fall read for display (<see cref="IFallRepository.LesenAsync"/>). <see cref="Fall"/> may be one instance shared by
/// the concurrent reads of the same version in this app instance: read its data (access decision, ids, consents), never
/// change it, fire a trigger on it or ask it for its steps (its state machines are not made for concurrent use).
/// <see cref="Eigener"/> gives an instance of the caller's own for that (built from the same rows; the same instance when
/// the read was not shared).
/// </summary>
public sealed class GelesenerFall(Fall fall, Func<Fall> eigener)
{
    public Fall Fall { get; } = fall;

    /// <summary>An instance only this caller uses, with the same data as <see cref="Fall"/>.</summary>
    public Fall Eigener() => eigener();
}
