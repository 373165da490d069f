using System.Collections.Concurrent;
using System.Security.Claims;
using Kim.Casemanagement.Infrastructure;
using Microsoft.AspNetCore.Authentication;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>
/// Keeps the result of decrypting a login cookie or bearer token for a short while, per instance, so a client that sends
/// the same token again and again (every API call, every page) is not decrypted and deserialised on every request (AES
/// and HMAC of the data protection and the ticket's deserialisation were a tenth of an authorised case read's CPU, see
/// docs/profiling.md).
/// <para>
/// Safe because only what the inner format accepted is kept, keyed by the exact protected text; every request gets its
/// own copy of the ticket (nothing shared can be changed by one request for another); the handlers still check the
/// ticket's expiry on every request; and what ends a login before its expiry is the server-side session
/// (<see cref="SitzungsPruefung"/>), checked on every request after authentication, not the token. A rotated or revoked
/// data-protection key therefore takes at most <see cref="Dauer"/> to reach tokens seen before.
/// </para>
/// </summary>
internal sealed class TicketZwischenspeicher(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider zeit) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>How long a decrypted ticket is kept.</summary>
    public static readonly TimeSpan Dauer = TimeSpan.FromMinutes(2);

    /// <summary>At most this many tickets are kept (a few KiB each); when full, the half that expires first goes.</summary>
    public const int Grenze = 4096;

    private readonly ConcurrentDictionary<string, Eintrag> _eintraege = new(StringComparer.Ordinal);

    public int Anzahl => _eintraege.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // A purpose (TLS token binding) is part of what the text is checked against: such calls are not cached.
        if (string.IsNullOrEmpty(protectedText) || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var jetzt = zeit.GetUtcNow();
        if (_eintraege.TryGetValue(protectedText, out var bekannt))
        {
            if (bekannt.Bis > jetzt)
            {
                return Kopie(bekannt.Ticket);
            }

            _eintraege.TryRemove(new KeyValuePair<string, Eintrag>(protectedText, bekannt));
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
        {
            return null;
        }

        var bis = jetzt + Dauer;
        if (ticket.Properties.ExpiresUtc is { } ablauf && ablauf < bis)
        {
            bis = ablauf;
        }

        if (_eintraege.Count >= Grenze)
        {
            Ausduennen();
        }

        _eintraege[protectedText] = new Eintrag(Kopie(ticket), bis);
        return ticket;
    }

    /// <summary>A deep copy (ClaimsPrincipal.Clone alone would share the identities and their claims).</summary>
    private static AuthenticationTicket Kopie(AuthenticationTicket ticket) =>
        new(new ClaimsPrincipal(ticket.Principal.Identities.Select(i => i.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);

    /// <summary>Drops the entries that expire first, down to half the limit (rare: only when more clients than the limit are active within <see cref="Dauer"/>).</summary>
    private void Ausduennen() => Verdraengung.Kuerzen(_eintraege, Grenze, Grenze / 2, e => e.Bis);

    private sealed record Eintrag(AuthenticationTicket Ticket, DateTimeOffset Bis);
}
