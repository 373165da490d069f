using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// Sign-in through the Kommune's identity provider (a real oidc-provider) in the system Chromium: just-in-time
/// accounts with the mapped role, the provider's second factor or the local TOTP step, refusals (no mapped group, a
/// deactivated account), matching by subject and never by e-mail, roles re-synced at each sign-in, both ways on the
/// login page.
/// </summary>
[Collection(KommuneIdpSammlung.Name)]
public sealed class KommuneIdpBrowserTests(KommuneIdpFixture fx)
{
    private static readonly string[] MitMfa = ["pwd", "mfa"];
    private static readonly string[] NurPasswort = ["pwd"];

    [Fact]
    public async Task Anmeldeseite_WhenAProviderIsConfigured_OffersBothWaysAccessiblyAndTheLocalTotpLoginStillWorks()
    {
        await using var kontext = await fx.KontextAsync();
        var seite = await kontext.NewPageAsync();
        await seite.GotoAsync("/Konto/Anmelden");
        await Expect(seite.GetByRole(AriaRole.Link, new() { Name = $"Mit dem Konto der Kommune anmelden ({KommuneIdpFixture.Anzeigename})" })).ToBeVisibleAsync();
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Mit Benutzername und Passwort" })).ToBeVisibleAsync();
        await Expect(seite.GetByLabel("Benutzername")).ToBeVisibleAsync();
        await BrowserFixture.BarrierefreiAsync(seite, "Anmeldung mit Identity Provider der Kommune");
        await BrowserFixture.ScreenshotAsync(seite, "01b-anmeldung-kommune-idp");
        await seite.CloseAsync();

        var angemeldet = await BrowserFixture.UeberAnmeldeseiteAsync(fx.Factory, kontext, fx.Lokal);
        await Expect(angemeldet.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, fm.lokal", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Anmeldung_WhenTheProviderConfirmsMfa_CreatesTheAccountJustInTimeWithTheMappedRoleAndTeam()
    {
        await fx.IdpKontoAsync("anna.nord", "sub-anna-nord", "Anna Nord", "anna.nord@teststadt.example", [KommuneIdpFixture.GruppeFallmanagement], MitMfa);
        (await fx.VerknuepftAsync("sub-anna-nord")).ShouldBeNull();

        await using var kontext = await fx.KontextAsync();
        var seite = await KommuneIdpFixture.UeberKommuneAsync(kontext, "anna.nord");
        await Expect(seite).ToHaveURLAsync(new Regex(@"127\.0\.0\.1:\d+/$"));
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Anna Nord", Level = 1 })).ToBeVisibleAsync();
        await Expect(seite.GetByRole(AriaRole.Link, new() { Name = "Meine Fälle" }).First).ToBeVisibleAsync();
        (await seite.GetByRole(AriaRole.Link, new() { Name = "Typische Fallverläufe" }).CountAsync()).ShouldBe(0);

        // The provider's mfa counts as the second factor: pages that require it open without a local code.
        await seite.GotoAsync("/Faelle");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Meine Fälle", Level = 1 })).ToBeVisibleAsync();

        var konto = (await fx.VerknuepftAsync("sub-anna-nord")).ShouldNotBeNull();
        (await fx.RollenAsync(konto.Id)).ShouldBe([nameof(Rolle.Fallmanagement)]);
        konto.TeamId.ShouldBe(await fx.Factory.TeamAsync(KommuneIdpFixture.TeamName));
        konto.PasswordHash.ShouldBeNull();
        konto.Anzeigename.ShouldBe("Anna Nord");
        konto.TwoFactorEnabled.ShouldBeFalse();

        // Audited like a local sign-in, with the account that signed in; the creation too.
        await AuditAsync(konto.Id, "Konto.ExternAngelegt");
        await AuditAsync(konto.Id, "Anmeldung.Erfolgreich");
    }

    [Fact]
    public async Task Anmeldung_WhenTheProvidersAcrIsConfiguredAsSecondFactor_NeedsNoLocalCodeAndReturnsToThePageAskedFor()
    {
        await fx.IdpKontoAsync("akim.acr", "sub-akim-acr", "Akim Acr", "akim@teststadt.example", [KommuneIdpFixture.GruppeFallmanagement], NurPasswort, KommuneIdpFixture.AcrHoch);
        await using var kontext = await fx.KontextAsync();

        // Asked for /Faelle while signed out: the login page, through the provider, back to /Faelle.
        var seite = await KommuneIdpFixture.UeberKommuneAsync(kontext, "akim.acr", "/Faelle");
        await Expect(seite).ToHaveURLAsync(new Regex("/Faelle$"));
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Meine Fälle", Level = 1 })).ToBeVisibleAsync();
        await Expect(seite.GetByText("Akim Acr")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Anmeldung_WhenAmrLacksMfa_EnrolsTotpFirstAndAsksForTheLocalCodeNextTime()
    {
        await fx.IdpKontoAsync("otto.ohne", "sub-otto-ohne", "Otto Ohne", "otto@teststadt.example", [KommuneIdpFixture.GruppeFallmanagement], NurPasswort);

        // First sign-in: the account has no TOTP yet, so it enrols one, as a local account would.
        string schluessel;
        await using (var kontext = await fx.KontextAsync())
        {
            var seite = await KommuneIdpFixture.UeberKommuneAsync(kontext, "otto.ohne");
            await Expect(seite).ToHaveURLAsync(new Regex("/Konto/ZweiFaktor"));
            await seite.GotoAsync("/Faelle");
            await Expect(seite).ToHaveURLAsync(new Regex("/Konto/ZweiFaktor"));
            schluessel = (await seite.Locator("code.schluessel").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            await seite.GetByLabel("Code aus der App").FillAsync(Totp.Code(Totp.Base32Dekodieren(schluessel), Totp.Zeitschritt(DateTimeOffset.UtcNow)));
            await seite.GetByRole(AriaRole.Button, new() { Name = "Bestätigen" }).ClickAsync();
            await Expect(seite.GetByText("Die Zwei-Faktor-Anmeldung ist eingerichtet.")).ToBeVisibleAsync();
        }

        var konto = (await fx.VerknuepftAsync("sub-otto-ohne")).ShouldNotBeNull();
        var testKonto = new TestKonto(konto.Id, konto.UserName!, string.Empty, schluessel, [Rolle.Fallmanagement], konto.TeamId, null);

        // Next sign-in without mfa at the provider: the local TOTP step.
        await using (var kontext = await fx.KontextAsync())
        {
            var seite = await KommuneIdpFixture.UeberKommuneAsync(kontext, "otto.ohne");
            await Expect(seite.GetByLabel("Code aus der Authenticator-App")).ToBeVisibleAsync();
            await BrowserFixture.BarrierefreiAsync(seite, "Code-Schritt nach der Anmeldung über die Kommune");
            await BrowserFixture.ScreenshotAsync(seite, "01c-kommune-idp-code-schritt");

            // Not signed in before the code: another tab gets the login page.
            var andere = await kontext.NewPageAsync();
            await andere.GotoAsync("/Faelle");
            await Expect(andere).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
            await andere.CloseAsync();

            await seite.GetByLabel("Code aus der Authenticator-App").FillAsync("000000");
            await seite.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
            await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("nicht korrekt");

            await seite.GetByLabel("Code aus der Authenticator-App").FillAsync(await fx.Factory.CodeAsync(testKonto));
            await seite.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
            await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Otto Ohne", Level = 1 })).ToBeVisibleAsync();
            await seite.GotoAsync("/Faelle");
            await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Meine Fälle", Level = 1 })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Anmeldung_WhenNoGroupIsMapped_IsRefusedWithAGermanPageAndCreatesNoAccount()
    {
        await fx.IdpKontoAsync("udo.kantine", "sub-udo-kantine", "Udo Kantine", "udo@teststadt.example", ["Kantine", "Alle-Beschaeftigten"], MitMfa);
        await using var kontext = await fx.KontextAsync();
        var seite = await KommuneIdpFixture.UeberKommuneAsync(kontext, "udo.kantine");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Anmeldung nicht möglich", Level = 1 })).ToBeVisibleAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("für diese Anwendung nicht freigegeben");
        await BrowserFixture.BarrierefreiAsync(seite, "Anmeldung über die Kommune abgelehnt");
        (await fx.VerknuepftAsync("sub-udo-kantine")).ShouldBeNull();

        await seite.GotoAsync("/Faelle");
        await Expect(seite).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
    }

    [Fact]
    public async Task Anmeldung_WhenTheLocalAccountIsDeactivated_EndsTheSessionAndRefusesTheNextSignIn()
    {
        await fx.IdpKontoAsync("dora.aus", "sub-dora-aus", "Dora Aus", "dora@teststadt.example", [KommuneIdpFixture.GruppeFallmanagement], MitMfa);
        await using var erster = await fx.KontextAsync();
        var seite = await KommuneIdpFixture.UeberKommuneAsync(erster, "dora.aus");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Dora Aus", Level = 1 })).ToBeVisibleAsync();

        var konto = (await fx.VerknuepftAsync("sub-dora-aus")).ShouldNotBeNull();
        await using (var scope = fx.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BenutzerVerwaltung>().DeaktivierenAsync(konto.Id, "standard", default);
        }

        await seite.GotoAsync("/Faelle");
        await Expect(seite).ToHaveURLAsync(new Regex("/Konto/Anmelden"));

        await using var zweiter = await fx.KontextAsync();
        var wieder = await KommuneIdpFixture.UeberKommuneAsync(zweiter, "dora.aus");
        await Expect(wieder.GetByRole(AriaRole.Alert)).ToContainTextAsync("deaktiviert");
        await wieder.GotoAsync("/Faelle");
        await Expect(wieder).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
        await AuditAsync(null, "Anmeldung.Deaktiviert");
    }

    [Fact]
    public async Task Anmeldung_WhenTheKommuneIsDisabledByTheProvider_IsRefused_UntilEnabledAgain()
    {
        await fx.IdpKontoAsync("mara.mandant", "sub-mara-mandant", "Mara Mandant", "mara@teststadt.example", [KommuneIdpFixture.GruppeFallmanagement], MitMfa);
        await using (var erster = await fx.KontextAsync())
        {
            var seite = await KommuneIdpFixture.UeberKommuneAsync(erster, "mara.mandant");
            await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Mara Mandant", Level = 1 })).ToBeVisibleAsync();
        }

        var mandanten = fx.Factory.Services.GetRequiredService<Infrastructure.Mandanten.MandantenVerwaltung>();
        await mandanten.DeaktivierenAsync("standard", "anbieter", default);
        try
        {
            await using var zweiter = await fx.KontextAsync();
            var wieder = await KommuneIdpFixture.UeberKommuneAsync(zweiter, "mara.mandant");
            await Expect(wieder.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await wieder.GotoAsync("/Faelle");
            await Expect(wieder).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
        }
        finally
        {
            await mandanten.AktivierenAsync("standard", default);
        }

        // The positive control: enabled again, the same person signs in.
        await using var dritter = await fx.KontextAsync();
        var danach = await KommuneIdpFixture.UeberKommuneAsync(dritter, "mara.mandant");
        await Expect(danach.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Mara Mandant", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Anmeldung_WhenAnotherPersonAtTheProviderHasTheSameEmail_GetsAnAccountOfItsOwn()
    {
        // Two people at the provider and one local account share an e-mail address: only the subject links.
        await fx.IdpKontoAsync("erika.eins", "sub-erika-1", "Erika Eins", KommuneIdpFixture.LokaleEmail, [KommuneIdpFixture.GruppeFallmanagement], MitMfa);
        await fx.IdpKontoAsync("erika.zwei", "sub-erika-2", "Erika Zwei", KommuneIdpFixture.LokaleEmail, [KommuneIdpFixture.GruppeLenkungsgruppe], MitMfa);

        await using (var kontext = await fx.KontextAsync())
        {
            var seite = await KommuneIdpFixture.UeberKommuneAsync(kontext, "erika.eins");
            await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Erika Eins", Level = 1 })).ToBeVisibleAsync();
        }

        await using (var kontext = await fx.KontextAsync())
        {
            var seite = await KommuneIdpFixture.UeberKommuneAsync(kontext, "erika.zwei");
            await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Erika Zwei", Level = 1 })).ToBeVisibleAsync();
            (await seite.GetByRole(AriaRole.Link, new() { Name = "Meine Fälle" }).CountAsync()).ShouldBe(0);
            await Expect(seite.GetByRole(AriaRole.Link, new() { Name = "Typische Fallverläufe" })).ToBeVisibleAsync();
            await seite.GotoAsync("/Faelle");
            await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Nicht erlaubt", Level = 1 })).ToBeVisibleAsync();
        }

        var eins = (await fx.VerknuepftAsync("sub-erika-1")).ShouldNotBeNull();
        var zwei = (await fx.VerknuepftAsync("sub-erika-2")).ShouldNotBeNull();
        zwei.Id.ShouldNotBe(eins.Id);
        eins.Id.ShouldNotBe(fx.Lokal.Id);
        zwei.Id.ShouldNotBe(fx.Lokal.Id);
        (await fx.RollenAsync(zwei.Id)).ShouldBe([nameof(Rolle.Lenkungsgruppe)]);
        (await fx.RollenAsync(eins.Id)).ShouldBe([nameof(Rolle.Fallmanagement)]);
    }

    [Fact]
    public async Task Anmeldung_WhenTheGroupsChangedAtTheProvider_SetsTheRolesAgainAtTheNextSignIn()
    {
        await fx.IdpKontoAsync("rolf.wechsel", "sub-rolf-wechsel", "Rolf Wechsel", "rolf@teststadt.example", [KommuneIdpFixture.GruppeFallmanagement], MitMfa);
        await using var erster = await fx.KontextAsync();
        var seite = await KommuneIdpFixture.UeberKommuneAsync(erster, "rolf.wechsel");
        await Expect(seite.GetByRole(AriaRole.Link, new() { Name = "Meine Fälle" }).First).ToBeVisibleAsync();
        var konto = (await fx.VerknuepftAsync("sub-rolf-wechsel")).ShouldNotBeNull();

        await fx.IdpKontoAsync("rolf.wechsel", "sub-rolf-wechsel", "Rolf Wechsel", "rolf@teststadt.example", [KommuneIdpFixture.GruppeLenkungsgruppe], MitMfa);
        await using var zweiter = await fx.KontextAsync();
        var danach = await KommuneIdpFixture.UeberKommuneAsync(zweiter, "rolf.wechsel");
        await Expect(danach.GetByRole(AriaRole.Link, new() { Name = "Typische Fallverläufe" })).ToBeVisibleAsync();
        (await danach.GetByRole(AriaRole.Link, new() { Name = "Meine Fälle" }).CountAsync()).ShouldBe(0);
        (await fx.VerknuepftAsync("sub-rolf-wechsel"))!.Id.ShouldBe(konto.Id);
        (await fx.RollenAsync(konto.Id)).ShouldBe([nameof(Rolle.Lenkungsgruppe)]);
        (await fx.VerknuepftAsync("sub-rolf-wechsel"))!.TeamId.ShouldBeNull();

        // The role change ended the earlier session with the old role.
        await seite.GotoAsync("/Faelle");
        await Expect(seite).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
    }

    [Fact]
    public async Task LokaleAnmeldung_WhenTheAccountCameFromTheProvider_IsRefusedAndWrongPasswordsDoNotLockItOut()
    {
        await fx.IdpKontoAsync("paula.ohnepw", "sub-paula-ohnepw", "Paula Ohnepasswort", "paula@teststadt.example", [KommuneIdpFixture.GruppeFallmanagement], MitMfa);
        await using (var kontext = await fx.KontextAsync())
        {
            var seite = await KommuneIdpFixture.UeberKommuneAsync(kontext, "paula.ohnepw");
            await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Paula Ohnepasswort", Level = 1 })).ToBeVisibleAsync();
        }

        var konto = (await fx.VerknuepftAsync("sub-paula-ohnepw")).ShouldNotBeNull();
        using var client = fx.Factory.NeuerClient();
        for (var i = 0; i < 7; i++)
        {
            using var antwort = await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.UserName, passwort = "irgendein-Passwort-" + i, code = "123456" });
            antwort.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var danach = (await fx.VerknuepftAsync("sub-paula-ohnepw")).ShouldNotBeNull();
        danach.AccessFailedCount.ShouldBe(0);
        danach.LockoutEnd.ShouldBeNull();

        // Still signs in through the provider.
        await using var wieder = await fx.KontextAsync();
        var nochmal = await KommuneIdpFixture.UeberKommuneAsync(wieder, "paula.ohnepw");
        await Expect(nochmal.GetByRole(AriaRole.Heading, new() { Name = "Willkommen, Paula Ohnepasswort", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Waits (the audit writer runs in the background) for an audit row of the action with the Kommune-IdP detail.</summary>
    private async Task AuditAsync(string? benutzerId, string aktion)
    {
        var bedingung = benutzerId is null ? string.Empty : $" AND benutzer_id = '{benutzerId}'";
        for (var i = 0; i < 50; i++)
        {
            var anzahl = await SqlHilfen.TextAsync(fx.OwnerConnectionString, $"SELECT count(*) FROM audit_protokoll WHERE aktion = '{aktion}' AND detail = 'Kommune-IdP'{bedingung}");
            if (anzahl != "0")
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new ShouldAssertException($"Kein Audit-Eintrag {aktion} (Kommune-IdP) für {benutzerId ?? "irgendwen"}.");
    }
}
