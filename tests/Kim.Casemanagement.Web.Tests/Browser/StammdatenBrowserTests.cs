using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>The page "Stammdaten berichtigen" (Art. 16 DSGVO): reached from the Fallakte, validated next to the fields, accessible, usable by keyboard.</summary>
[Collection(BrowserSammlung.Name)]
public sealed class StammdatenBrowserTests(BrowserFixture fx)
{
    /// <summary>At most this many Tab presses to reach an element (<see cref="BrowserFixture.TabBisAsync"/>).</summary>
    private const int TabHoechstens = 120;

    [Fact]
    public async Task Stammdaten_WhenCorrectedFromTheFallakte_ShowTheNewNameAndANoteNamingTheFieldOnly()
    {
        var fallId = await fx.FallAsync("Berichtigungsprobe");
        var seite = await fx.AngemeldetAsync(fx.FmA, $"/Faelle/{fallId}");

        await seite.GetByRole(AriaRole.Link, new() { Name = "Stammdaten berichtigen" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stammdaten berichtigen");
        await Expect(seite.GetByLabel("Nachname")).ToHaveValueAsync("Berichtigungsprobe");
        await BrowserFixture.BarrierefreiAsync(seite, "Stammdaten berichtigen");

        // An invalid name: the summary at the top and the message at the field; nothing is stored.
        await seite.GetByLabel("Nachname").FillAsync("Berichtigungsprobe2");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("Der Nachname muss aus Buchstaben bestehen");
        await Expect(seite.GetByLabel("Nachname")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.BarrierefreiAsync(seite, "Stammdaten berichtigen mit Fehlermeldung");

        await seite.GetByLabel("Nachname").FillAsync("Berichtigungsprüfung");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await Expect(seite.GetByText("Die Stammdaten sind berichtigt: Nachname.")).ToBeVisibleAsync();
        await Expect(seite.Locator("#klient")).ToContainTextAsync("Amina Berichtigungsprüfung");
        await Expect(seite.Locator("#notizen")).ToContainTextAsync("Stammdaten berichtigt (Art. 16 DSGVO): Nachname.");
        await Expect(seite.Locator("main")).Not.ToContainTextAsync("Berichtigungsprobe");
        await BrowserFixture.BarrierefreiAsync(seite, "Fallakte nach der Berichtigung");
    }

    [Fact]
    public async Task Tastatur_WhenTheCorrectionIsMadeWithTheKeyboardOnly_Succeeds()
    {
        var fallId = await fx.FallAsync("Tastaturprobe");
        var seite = await fx.AngemeldetAsync(fx.FmA, $"/Faelle/{fallId}");

        await BrowserFixture.TabBisAsync(seite, $"a[href='/Faelle/{fallId}/Stammdaten']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stammdaten berichtigen");

        await BrowserFixture.TabBisAsync(seite, "#Eingabe_Vorname", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("ControlOrMeta+A");
        await seite.Keyboard.TypeAsync("Aminata");
        await BrowserFixture.TabBisAsync(seite, "#Eingabe_MinderjaehrigeKinder", TabHoechstens);
        await seite.Keyboard.PressAsync("ControlOrMeta+A");
        await seite.Keyboard.TypeAsync("2");
        await BrowserFixture.TabBisAsync(seite, "button[type='submit']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");

        await Expect(seite.GetByText("Die Stammdaten sind berichtigt: Vorname, Zahl der minderjährigen Kinder.")).ToBeVisibleAsync();
        await Expect(seite.Locator("#klient")).ToContainTextAsync("Aminata Tastaturprobe");
    }
}
