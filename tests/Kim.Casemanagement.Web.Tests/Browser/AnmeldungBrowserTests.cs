using System.Text.RegularExpressions;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>Sign-in with the second factor, two-factor enrolment and logout, in the browser.</summary>
[Collection(BrowserSammlung.Name)]
public sealed partial class AnmeldungBrowserTests(BrowserFixture fx)
{
    [Fact]
    public async Task Anmeldung_WhenPasswordAndTotpAreEntered_LeadsToTheCaseloadAndLogoutEndsIt()
    {
        await using var kontext = await fx.KontextAsync();
        var seite = await kontext.NewPageAsync();
        await seite.GotoAsync("/Faelle");
        await Expect(seite).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
        await BrowserFixture.BarrierefreiAsync(seite, "Anmeldung");
        await BrowserFixture.ScreenshotAsync(seite, "01-anmeldung");

        // Password without the code: the page asks for the second factor, next to the form.
        await seite.GetByLabel("Benutzername").FillAsync(fx.Anmeldung.Benutzername);
        await seite.GetByLabel("Passwort", new() { Exact = true }).FillAsync(fx.Anmeldung.Passwort);
        await seite.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("Code aus Ihrer Authenticator-App");
        await BrowserFixture.BarrierefreiAsync(seite, "Anmeldung mit Fehlermeldung");

        await seite.GetByLabel("Passwort", new() { Exact = true }).FillAsync(fx.Anmeldung.Passwort);
        await seite.GetByLabel("Code aus der Authenticator-App").FillAsync(await fx.Factory.CodeAsync(fx.Anmeldung));
        await seite.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(seite).ToHaveURLAsync(new Regex("/Faelle$"));
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Meine Fälle", Level = 1 })).ToBeVisibleAsync();

        await seite.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Expect(seite.GetByText("Sie wurden abgemeldet.")).ToBeVisibleAsync();
        await seite.GotoAsync("/Faelle");
        await Expect(seite).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
    }

    [Fact]
    public async Task ZweiFaktor_WhenAnAccountHasNoSecondFactor_EnrolsItWithTheAppCodeAndShowsRecoveryCodes()
    {
        await using var kontext = await fx.KontextAsync();
        var seite = await kontext.NewPageAsync();
        await seite.GotoAsync("/Konto/Anmelden");
        await seite.GetByLabel("Benutzername").FillAsync(fx.OhneZweitenFaktor.Benutzername);
        await seite.GetByLabel("Passwort", new() { Exact = true }).FillAsync(fx.OhneZweitenFaktor.Passwort);
        await seite.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(seite).ToHaveURLAsync(new Regex("/Konto/ZweiFaktor"));
        await BrowserFixture.BarrierefreiAsync(seite, "Zwei-Faktor-Einrichtung");
        await BrowserFixture.ScreenshotAsync(seite, "02-zwei-faktor-einrichtung");

        // Every other page leads back to the enrolment until it is done.
        await seite.GotoAsync("/Faelle");
        await Expect(seite).ToHaveURLAsync(new Regex("/Konto/ZweiFaktor"));

        var schluessel = (await seite.Locator("code.schluessel").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var code = Totp.Code(Totp.Base32Dekodieren(schluessel), Totp.Zeitschritt(DateTimeOffset.UtcNow));
        await seite.GetByLabel("Code aus der App").FillAsync(code);
        await seite.GetByRole(AriaRole.Button, new() { Name = "Bestätigen" }).ClickAsync();
        await Expect(seite.GetByText("Die Zwei-Faktor-Anmeldung ist eingerichtet.")).ToBeVisibleAsync();
        (await seite.Locator("ul.codes li").CountAsync()).ShouldBeGreaterThan(0);

        await seite.GotoAsync("/Faelle");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Meine Fälle", Level = 1 })).ToBeVisibleAsync();
    }
}
