using System.Security.Claims;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>The per-instance cache of decrypted login cookies and access tokens: what it keeps, for how long, and that no request shares a ticket with another.</summary>
public sealed class TicketZwischenspeicherTests
{
    private readonly Uhr _uhr = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly Zaehlend _inner = new(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));

    [Fact]
    public void Unprotect_TheSameTokenTwice_DecryptsOnceAndGivesEachCallItsOwnCopy()
    {
        var speicher = new TicketZwischenspeicher(_inner, _uhr);
        var token = speicher.Protect(Ticket("u1"));

        var erstes = speicher.Unprotect(token)!;
        ((ClaimsIdentity)erstes.Principal.Identity!).AddClaim(new Claim("eingeschleust", "ja"));
        erstes.Properties.Items["x"] = "y";
        var zweites = speicher.Unprotect(token)!;

        _inner.Entschluesselt.ShouldBe(1);
        zweites.Principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe("u1");
        zweites.Principal.FindFirst("eingeschleust").ShouldBeNull();
        zweites.Properties.Items.ContainsKey("x").ShouldBeFalse();
        zweites.ShouldNotBeSameAs(erstes);
        zweites.AuthenticationScheme.ShouldBe("Bearer.Test");
    }

    [Fact]
    public void Unprotect_ATamperedToken_IsRefusedEveryTimeAndNotKept()
    {
        var speicher = new TicketZwischenspeicher(_inner, _uhr);
        var token = speicher.Protect(Ticket("u1"));
        var falsch = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        speicher.Unprotect(falsch).ShouldBeNull();
        speicher.Unprotect(falsch).ShouldBeNull();

        _inner.Entschluesselt.ShouldBe(2);
        speicher.Anzahl.ShouldBe(0);
    }

    [Fact]
    public void Unprotect_AfterTheKeepingTime_DecryptsAgain()
    {
        var speicher = new TicketZwischenspeicher(_inner, _uhr);
        var token = speicher.Protect(Ticket("u1"));
        speicher.Unprotect(token);

        _uhr.Jetzt += TicketZwischenspeicher.Dauer - TimeSpan.FromSeconds(1);
        speicher.Unprotect(token);
        _inner.Entschluesselt.ShouldBe(1);

        _uhr.Jetzt += TimeSpan.FromSeconds(2);
        speicher.Unprotect(token).ShouldNotBeNull();
        _inner.Entschluesselt.ShouldBe(2);
    }

    [Fact]
    public void Unprotect_ATicketExpiringBeforeTheKeepingTime_IsKeptOnlyUntilItsExpiry()
    {
        var speicher = new TicketZwischenspeicher(_inner, _uhr);
        var token = speicher.Protect(Ticket("u1", ablauf: _uhr.Jetzt + TimeSpan.FromSeconds(10)));
        speicher.Unprotect(token);

        _uhr.Jetzt += TimeSpan.FromSeconds(11);
        var ticket = speicher.Unprotect(token)!;

        _inner.Entschluesselt.ShouldBe(2);
        ticket.Properties.ExpiresUtc.ShouldBe(_uhr.Jetzt - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Unprotect_WithAPurpose_IsNeverAnsweredFromTheCache()
    {
        var speicher = new TicketZwischenspeicher(_inner, _uhr);
        var token = speicher.Protect(Ticket("u1"), "bindung");

        speicher.Unprotect(token, "bindung").ShouldNotBeNull();
        speicher.Unprotect(token, "bindung").ShouldNotBeNull();
        speicher.Unprotect(token, "andere").ShouldBeNull();

        _inner.Entschluesselt.ShouldBe(3);
        speicher.Anzahl.ShouldBe(0);
    }

    [Fact]
    public void Unprotect_MoreTokensThanTheLimit_KeepsAtMostTheLimit()
    {
        var speicher = new TicketZwischenspeicher(_inner, _uhr);
        for (var i = 0; i < TicketZwischenspeicher.Grenze + 100; i++)
        {
            _uhr.Jetzt += TimeSpan.FromMilliseconds(1);
            speicher.Unprotect(speicher.Protect(Ticket("u" + i))).ShouldNotBeNull();
            speicher.Anzahl.ShouldBeLessThanOrEqualTo(TicketZwischenspeicher.Grenze);
        }
    }

    private static AuthenticationTicket Ticket(string id, DateTimeOffset? ablauf = null) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, "Fallmanagement")], "Test")),
            new AuthenticationProperties { ExpiresUtc = ablauf },
            "Bearer.Test");

    private sealed class Uhr(DateTimeOffset jetzt) : TimeProvider
    {
        public DateTimeOffset Jetzt { get; set; } = jetzt;

        public override DateTimeOffset GetUtcNow() => Jetzt;
    }

    private sealed class Zaehlend(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Entschluesselt { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Entschluesselt++;
            return inner.Unprotect(protectedText, purpose);
        }
    }
}
