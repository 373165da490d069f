using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>
/// A Fall read for display (<see cref="IFallRepository.LesenAsync"/>). <see cref="Fall"/> may be one instance shared by
/// the concurrent reads of the same version in this app instance: read its data (access decision, ids, consents), never
/// change it or fire a trigger on it. (Asking it for its steps only reads it: the tracks' machines are shared and read
/// the Fall per call, ADR 0005; the read model is still built from an instance of the caller's own.)
/// <see cref="Eigener"/> gives an instance of the caller's own (built from the same rows; the same instance when the
/// read was not shared). <see cref="Sperre"/> is the Fall's active hold, read with it (never cached).
/// </summary>
public sealed class GelesenerFall(Fall fall, Func<Fall> eigener, FallSperrvermerk? sperre = null)
{
    public Fall Fall { get; } = fall;

    /// <summary>The active hold (Sperrung) as read with the Fall; null when it is not held.</summary>
    public FallSperrvermerk? Sperre { get; } = sperre;

    /// <summary>An instance only this caller uses, with the same data as <see cref="Fall"/>.</summary>
    public Fall Eigener() => eigener();
}
