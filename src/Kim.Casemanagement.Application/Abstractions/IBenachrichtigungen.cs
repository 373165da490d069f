namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>
/// The notifications of the current unit of work (scoped). They are written in the same transaction as the change they
/// report, so nothing un-committed is notified and nothing committed stays un-notified.
/// </summary>
public interface IBenachrichtigungen
{
    void Vormerken(NeueBenachrichtigung benachrichtigung);

    IReadOnlyList<NeueBenachrichtigung> Offen { get; }

    void AlsGespeichertMarkieren();
}
