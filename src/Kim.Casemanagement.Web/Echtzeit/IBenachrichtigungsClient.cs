using Kim.Casemanagement.Infrastructure.Benachrichtigungen;

namespace Kim.Casemanagement.Web.Echtzeit;

/// <summary>What the server calls on a connected client.</summary>
public interface IBenachrichtigungsClient
{
    /// <summary>A new notice (clients drop one whose seq they have already seen).</summary>
    Task Benachrichtigung(BenachrichtigungDto benachrichtigung);

    /// <summary>The number of unread notices changed.</summary>
    Task Ungelesen(int anzahl);
}
