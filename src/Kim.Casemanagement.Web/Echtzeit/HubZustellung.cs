using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Microsoft.AspNetCore.SignalR;

namespace Kim.Casemanagement.Web.Echtzeit;

/// <summary>Delivers dispatched notices to the recipient's group on this instance.</summary>
internal sealed class HubZustellung(IHubContext<BenachrichtigungsHub, IBenachrichtigungsClient> hub) : IBenachrichtigungsZustellung
{
    public Task ZustellenAsync(string empfaengerId, BenachrichtigungDto benachrichtigung, CancellationToken ct) =>
        hub.Clients.Group(BenachrichtigungsHub.Gruppe(empfaengerId)).Benachrichtigung(benachrichtigung);
}
