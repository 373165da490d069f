using System.Net;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// The rules of the sign-in through the Kommune's identity provider that need no provider: which amr/acr count as the
/// second factor, which configurations are refused at start-up, and that nothing of it exists while it is not
/// configured (the browser tests against a real provider are in KommuneIdpBrowserTests).
/// </summary>
public sealed class KommuneIdpTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly KommuneIdpOptionen Standard = new() { ZweiterFaktorAcr = ["urn:kommune:loa:hoch"] };

    [Theory]
    [InlineData(new[] { "pwd", "mfa" }, null, true)]
    [InlineData(new[] { "otp" }, null, true)]
    [InlineData(new[] { "hwk", "pin" }, null, true)]
    [InlineData(new[] { "pwd" }, null, false)]
    [InlineData(new string[0], null, false)]
    [InlineData(new[] { "MFA" }, null, false)]
    [InlineData(new[] { "pwd" }, "urn:kommune:loa:hoch", true)]
    [InlineData(new[] { "pwd" }, "urn:kommune:loa:niedrig", false)]
    [InlineData(new[] { "pwd" }, "", false)]
    public void ZweiterFaktorVomIdp_WhenAmrOrAcrIsGiven_CountsOnlyTheConfiguredValues(string[] amr, string? acr, bool erwartet) =>
        ExterneAnmeldung.ZweiterFaktorVomIdp(new ExterneIdentitaet("https://idp.example", "sub-1", "N", null, [], amr, acr), Standard).ShouldBe(erwartet);

    [Fact]
    public void ZweiterFaktorVomIdp_WhenNothingIsConfigured_AcceptsNoAmr()
    {
        var ohne = new KommuneIdpOptionen { ZweiterFaktorAmr = [] };
        ExterneAnmeldung.ZweiterFaktorVomIdp(new ExterneIdentitaet("https://idp.example", "sub-1", "N", null, [], ["mfa"], "x"), ohne).ShouldBeFalse();
    }

    [Fact]
    public void Fehler_WhenNotConfigured_IsOffAndHasNothingToSay()
    {
        var o = new KommuneIdpOptionen();
        o.Aktiv.ShouldBeFalse();
        o.Fehler().ShouldBeEmpty();
    }

    [Fact]
    public void Fehler_WhenTheConfigurationIsIncomplete_NamesEachProblem()
    {
        var o = new KommuneIdpOptionen
        {
            Authority = "http://idp.example/realms/kommune",
            ClientId = "kim",
            Gruppen =
            [
                new GruppenZuordnung { Gruppe = "fm", Rollen = [Rolle.Fallmanagement] },
                new GruppenZuordnung { Gruppe = "abh", Rollen = [Rolle.Partner] },
                new GruppenZuordnung { Gruppe = "lg", Rollen = [Rolle.Lenkungsgruppe], Behoerde = Behoerde.Jobcenter },
            ],
        };

        var fehler = o.Fehler();
        fehler.ShouldContain(f => f.Contains("HTTPS", StringComparison.Ordinal));
        fehler.ShouldContain(f => f.Contains("Gruppen:0", StringComparison.Ordinal) && f.Contains("Team", StringComparison.Ordinal));
        fehler.ShouldContain(f => f.Contains("Gruppen:1", StringComparison.Ordinal) && f.Contains("Behörde", StringComparison.Ordinal));
        fehler.ShouldContain(f => f.Contains("Gruppen:2", StringComparison.Ordinal) && f.Contains("Behörde", StringComparison.Ordinal));
        fehler.Count.ShouldBe(4);
    }

    [Fact]
    public void Fehler_WhenComplete_IsEmpty()
    {
        var o = new KommuneIdpOptionen
        {
            Authority = "https://idp.example/realms/kommune",
            ClientId = "kim",
            Gruppen = [new GruppenZuordnung { Gruppe = "fm", Rollen = [Rolle.Fallmanagement], Team = "Team Nord" }],
        };

        o.Fehler().ShouldBeEmpty();
    }

    [Fact]
    public async Task Anmeldeseite_WhenNoProviderIsConfigured_OffersOnlyTheLocalFormAndNoExternalSignIn()
    {
        var html = await api.Client.GetStringAsync("/Konto/Anmelden");
        html.ShouldContain("name=\"Benutzername\"");
        html.ShouldNotContain("Konto der Kommune");

        using var start = await api.Client.GetAsync("/Konto/Extern?handler=Start");
        start.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var rueckruf = await api.Client.GetAsync("/signin-kommune?code=x&state=y");
        rueckruf.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
