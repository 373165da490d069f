using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>The Fallakte's forms (consents, notes, follow-ups, goals, profile) and the session-expiry notice.</summary>
[Collection(BrowserSammlung.Name)]
public sealed class AktenFormulareBrowserTests(BrowserFixture fx)
{
    [Fact]
    public async Task Fallakte_WhenRecordsAreAddedAndAConsentWithdrawn_ShowsThemAndValidatesNextToTheFields()
    {
        var fallId = await fx.FallAsync("Formularprobe");
        var heute = BrowserFixture.BenachrichtigungsHeute().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var seite = await fx.AngemeldetAsync(fx.FmA, $"/Faelle/{fallId}");

        // An empty note: the message stands at the field.
        await seite.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(seite.GetByLabel("Neue Notiz")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.BarrierefreiAsync(seite, "Fallakte mit Fehlermeldung");

        await seite.GetByLabel("Neue Notiz").FillAsync("Erstgespräch mit Dolmetscherin geführt.");
        await seite.GetByLabel("Kontakt mit der Person am").FillAsync(heute);
        await seite.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" }).ClickAsync();
        await Expect(seite.GetByText("Die Notiz ist gespeichert.")).ToBeVisibleAsync();
        await Expect(seite.Locator("#notizen")).ToContainTextAsync("Erstgespräch mit Dolmetscherin geführt.");

        await seite.GetByText("Wiedervorlage anlegen").ClickAsync();
        await seite.GetByLabel("Fällig am").FillAsync(heute);
        await seite.GetByLabel("Betreff").FillAsync("Unterlagen Jobcenter nachfassen");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Wiedervorlage speichern" }).ClickAsync();
        await Expect(seite.Locator("#wiedervorlagen")).ToContainTextAsync("Unterlagen Jobcenter nachfassen");
        await Expect(seite.Locator("#wiedervorlagen .faellig")).ToBeVisibleAsync();

        await seite.GetByText("Ziel vereinbaren").ClickAsync();
        await seite.GetByLabel("Was soll erreicht werden?").FillAsync("Integrationskurs beginnen");
        await seite.GetByLabel("Bis wann?").FillAsync(BrowserFixture.BenachrichtigungsHeute().AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await seite.GetByLabel("Wer ist verantwortlich?").FillAsync("Klientin mit Bildungsberatung");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Ziel speichern" }).ClickAsync();
        await Expect(seite.Locator("#ziele")).ToContainTextAsync("Integrationskurs beginnen");

        await seite.GetByText("Einwilligung hinzufügen").ClickAsync();
        await seite.GetByLabel("Empfänger").SelectOptionAsync("Bildungsberatung");
        await seite.GetByRole(AriaRole.Checkbox, new() { Name = "Bildung", Exact = true }).CheckAsync();
        await seite.GetByLabel("Zweck").FillAsync("Abstimmung der Sprachförderung");
        await seite.GetByLabel("Gültig ab").FillAsync(heute);
        await seite.GetByLabel("Referenz des unterschriebenen Formulars").FillAsync("EW-BB-7");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Einwilligung speichern" }).ClickAsync();
        await Expect(seite.GetByText("Die Einwilligung ist erfasst.")).ToBeVisibleAsync();
        var zeile = seite.Locator("#einwilligungen tr").Filter(new() { HasText = "EW-BB-7" });
        await Expect(zeile).ToContainTextAsync("gültig");
        await zeile.GetByRole(AriaRole.Button, new() { Name = "Widerrufen" }).ClickAsync();
        await Expect(seite.GetByText("Die Einwilligung ist widerrufen.")).ToBeVisibleAsync();
        await Expect(seite.Locator("#einwilligungen tr").Filter(new() { HasText = "EW-BB-7" })).ToContainTextAsync("widerrufen am");
        await BrowserFixture.BarrierefreiAsync(seite, "Fallakte mit Einträgen");
    }

    [Fact]
    public async Task Sitzung_WhenItEndsElsewhere_TheOpenPageSaysSoAndTheNextRequestShowsTheExpiryNotice()
    {
        await using var kontext = await fx.KontextAsync();
        var erste = await fx.UeberAnmeldeseiteAsync(kontext, fx.Anmeldung);
        await erste.GotoAsync("/Faelle");
        await Expect(erste.Locator("body[data-live='verbunden']")).ToHaveCountAsync(1);

        // The same session in a second window, logged out there: the server ends the session for both.
        await using var zweiterKontext = await fx.KontextAsync(await kontext.StorageStateAsync());
        var zweite = await zweiterKontext.NewPageAsync();
        await zweite.GotoAsync("/Faelle");
        await zweite.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        await Expect(erste.Locator("#toasts")).ToContainTextAsync("Sitzung ist abgelaufen oder wurde beendet", new() { Timeout = 90_000 });
        await erste.GotoAsync("/Faelle");
        await Expect(erste).ToHaveURLAsync(new Regex("/Konto/Anmelden"));
        await Expect(erste.GetByText("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.")).ToBeVisibleAsync();
    }
}
