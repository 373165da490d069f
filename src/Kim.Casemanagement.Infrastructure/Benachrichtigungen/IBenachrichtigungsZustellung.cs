namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>Pushes notices to the connections of their recipients on this instance (implemented by the SignalR hub).</summary>
public interface IBenachrichtigungsZustellung
{
    Task ZustellenAsync(string empfaengerId, BenachrichtigungDto benachrichtigung, CancellationToken ct);
}
