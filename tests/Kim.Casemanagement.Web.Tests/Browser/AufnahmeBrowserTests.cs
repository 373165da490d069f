using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>Intake step by step (with mouse and with the keyboard only) and one transition by keyboard.</summary>
[Collection(BrowserSammlung.Name)]
public sealed class AufnahmeBrowserTests(BrowserFixture fx)
{
    /// <summary>At most this many Tab presses to reach an element (<see cref="BrowserFixture.TabBisAsync"/>).</summary>
    private const int TabHoechstens = 80;

    [Fact]
    public async Task Aufnahme_WhenANewClientIsTakenThroughEveryStep_CreatesTheFallAndShowsValidationNextToTheFields()
    {
        var seite = await fx.AngemeldetAsync(fx.FmA, "/Faelle/Aufnahme");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Aufnahme");
        await BrowserFixture.BarrierefreiAsync(seite, "Aufnahme Schritt 1");
        await BrowserFixture.ScreenshotAsync(seite, "07-aufnahme");

        // Nothing entered: the messages stand next to the fields, the fields are marked invalid, the summary links to them.
        await seite.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        await Expect(seite.Locator("#Eingabe_Klient_Vorname-fehler")).ToContainTextAsync("Vornamen");
        await Expect(seite.GetByLabel("Vorname")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bitte prüfen Sie Ihre Angaben");
        await BrowserFixture.BarrierefreiAsync(seite, "Aufnahme mit Fehlern");
        await BrowserFixture.ScreenshotAsync(seite, "08-aufnahme-fehler");

        await seite.GetByLabel("Vorname").FillAsync("Yohannes");
        await seite.GetByLabel("Nachname").FillAsync("Tesfay");
        await seite.GetByLabel("Geburtsdatum").FillAsync("2001-05-14");
        await seite.GetByLabel("Herkunftsland").FillAsync("Eritrea");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();

        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Schritt 2: Ausgangslage auf den Spuren" })).ToBeVisibleAsync();
        await seite.GetByLabel("Aufenthalt (Ausländerbehörde)").SelectOptionAsync("Aufenthaltsgestattung");
        await seite.GetByLabel("Leistungen (Jobcenter / Sozialamt)").SelectOptionAsync("AsylbLG");
        await BrowserFixture.BarrierefreiAsync(seite, "Aufnahme Schritt 2");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();

        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Schritt 3: Einwilligungen und Datenschutz" })).ToBeVisibleAsync();
        await seite.GetByRole(AriaRole.Checkbox, new() { Name = "Jobcenter" }).CheckAsync();
        await seite.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();
        await Expect(seite.Locator("#Eingabe_FormularReferenz-fehler")).ToBeVisibleAsync();
        await seite.GetByLabel("Referenz des unterschriebenen Formulars").FillAsync("EW-2026-117");
        await BrowserFixture.BarrierefreiAsync(seite, "Aufnahme Schritt 3");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Weiter" }).ClickAsync();

        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Schritt 4: Angaben prüfen" })).ToBeVisibleAsync();
        await Expect(seite.Locator("dl.angaben")).ToContainTextAsync("Yohannes Tesfay");
        await BrowserFixture.BarrierefreiAsync(seite, "Aufnahme Schritt 4");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Fall aufnehmen" }).ClickAsync();

        await Expect(seite).ToHaveURLAsync(new Regex("/Faelle/[0-9a-f-]{36}$"));
        await Expect(seite.GetByText("ist aufgenommen")).ToBeVisibleAsync();
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Yohannes Tesfay");
        await Expect(seite.Locator("article[data-spur='Aufenthalt'] .zustand")).ToContainTextAsync("Aufenthaltsgestattung");
        await Expect(seite.Locator("#einwilligungen")).ToContainTextAsync("Jobcenter");
    }

    [Fact]
    public async Task Tastatur_WhenIntakeAndOneTransitionAreDoneWithTheKeyboardOnly_Succeed()
    {
        var seite = await fx.AngemeldetAsync(fx.FmA, "/Faelle");

        // The skip link is the first stop and moves to the main content.
        await seite.Keyboard.PressAsync("Tab");
        (await AktivAsync(seite, "textContent")).ShouldBe("Zum Inhalt springen");
        await BrowserFixture.SichtbarerFokusAsync(seite);

        await seite.GotoAsync("/Faelle/Aufnahme");
        await BrowserFixture.TabBisAsync(seite, "#Eingabe_Klient_Vorname", TabHoechstens);
        await seite.Keyboard.TypeAsync("Olena");
        await BrowserFixture.TabBisAsync(seite, "#Eingabe_Klient_Nachname", TabHoechstens);
        await seite.Keyboard.TypeAsync("Kowalenko");
        await BrowserFixture.TabBisAsync(seite, "#Eingabe_Klient_Geburtsdatum", TabHoechstens);
        await seite.Keyboard.TypeAsync("12031988");
        await BrowserFixture.TabBisAsync(seite, "#Eingabe_Klient_Herkunftsland", TabHoechstens);
        await seite.Keyboard.TypeAsync("Ukraine");
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Schritt 2: Ausgangslage auf den Spuren" })).ToBeVisibleAsync();

        await BrowserFixture.TabBisAsync(seite, "button[value='weiter']", TabHoechstens);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Schritt 3: Einwilligungen und Datenschutz" })).ToBeVisibleAsync();
        await BrowserFixture.TabBisAsync(seite, "#Eingabe_FormularReferenz", TabHoechstens);
        await seite.Keyboard.TypeAsync("EW-TASTATUR-1");
        await BrowserFixture.TabBisAsync(seite, "button[value='weiter']", TabHoechstens);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Schritt 4: Angaben prüfen" })).ToBeVisibleAsync();
        await BrowserFixture.TabBisAsync(seite, "button[value='aufnehmen']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByText("ist aufgenommen")).ToBeVisibleAsync();

        // One transition: the first step of the process track, by keyboard.
        await BrowserFixture.TabBisAsync(seite, "article[data-spur='Prozess'] .schritte a", TabHoechstens);
        var schritt = await AktivAsync(seite, "textContent");
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(schritt);
        await BrowserFixture.TabBisAsync(seite, "#Notiz", TabHoechstens);
        await seite.Keyboard.TypeAsync("Mit der Tastatur erfasst");
        await BrowserFixture.TabBisAsync(seite, "button[type='submit']:not(.knopf-zweitrangig)", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByText("ist ausgeführt")).ToBeVisibleAsync();
        await Expect(seite.Locator("#zeitleiste")).ToContainTextAsync("Mit der Tastatur erfasst");
    }

    private static async Task<string> AktivAsync(IPage seite, string eigenschaft) =>
        (await seite.EvaluateAsync<string>("p => (document.activeElement?.[p] ?? '').trim()", eigenschaft)).Trim();
}
