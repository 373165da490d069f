using System.Security.Claims;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.SignalR;

namespace Kim.Casemanagement.Web.Echtzeit;

/// <summary>
/// The one hub (<c>/hubs/benachrichtigungen</c>): authenticated by the login cookie or a bearer token, Origin checked
/// (<see cref="UrsprungsPruefung"/>). Each connection joins only its user's group. Catch-up after a reconnect is
/// "everything after the last seq I saw" from the persisted inbox.
/// </summary>
public sealed class BenachrichtigungsHub(Posteingang posteingang, VerbindungsRegister register, TimeProvider zeit) : Hub<IBenachrichtigungsClient>
{
    public static string Gruppe(string benutzerId) => "benutzer:" + benutzerId;

    public override async Task OnConnectedAsync()
    {
        var benutzerId = BenutzerId();
        register.Hinzufuegen(Context.User?.FindFirstValue(Anspruch.Sitzung), benutzerId, Context);
        await Groups.AddToGroupAsync(Context.ConnectionId, Gruppe(benutzerId));
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        register.Entfernen(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Every notice after <paramref name="nachSeq"/> (oldest first, up to 500 per call; call again with the last seq for more).</summary>
    public Task<IReadOnlyList<BenachrichtigungDto>> Nachholen(long nachSeq) =>
        posteingang.NachholenAsync(BenutzerId(), Math.Max(0, nachSeq), Posteingang.MaxAnzahl, Context.ConnectionAborted);

    /// <summary>Unread count and the highest seq of the caller's inbox.</summary>
    public async Task<PosteingangStand> Stand()
    {
        var (ungelesen, letzte) = await posteingang.StandAsync(BenutzerId(), Context.ConnectionAborted);
        return new PosteingangStand(ungelesen, letzte);
    }

    /// <summary>Marks a notice as read (all, with 0) and returns the new unread count.</summary>
    public async Task<int> Gelesen(long seq)
    {
        var id = BenutzerId();
        await posteingang.GelesenAsync(id, seq > 0 ? seq : null, zeit.GetUtcNow(), Context.ConnectionAborted);
        var (ungelesen, _) = await posteingang.StandAsync(id, Context.ConnectionAborted);
        await Clients.Group(Gruppe(id)).Ungelesen(ungelesen);
        return ungelesen;
    }

    private string BenutzerId() => Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new HubException("Nicht angemeldet.");
}

/// <summary>Unread count and highest seq of an inbox.</summary>
public sealed record PosteingangStand(int Ungelesen, long LetzteSeq);
