using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The pages of the Datenschutz role for the Art. 15 copy (<c>/Datenschutz/Auskunft</c>: search, copy, print) and the
/// Art. 30 record (<c>/Datenschutz/Verzeichnis</c>): accessible (axe: no serious or critical finding), usable with the
/// keyboard alone, only for the Datenschutz role.
/// </summary>
[Collection(BrowserSammlung.Name)]
public sealed class DatenschutzAuskunftBrowserTests(BrowserFixture fx)
{
    /// <summary>At most this many Tab presses to reach an element (<see cref="BrowserFixture.TabBisAsync"/>).</summary>
    private const int TabHoechstens = 150;

    [Fact]
    public async Task Auskunft_WhenTheClientIsSearchedAndTheCopyOpened_ShowsAnAccessibleGermanCopyThatPrintsWithoutNavigation()
    {
        await fx.FallAsync("Auskunftsbrowser", "Jobcenter");
        var ds = await DatenschutzAsync("ds.seite");
        var seite = await fx.AngemeldetAsync(ds, "/Datenschutz/Auskunft");

        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Auskunft nach Art. 15 DSGVO");
        await BrowserFixture.BarrierefreiAsync(seite, "Auskunft: Suche");

        // Too short: the summary at the top and the message at the field.
        await seite.GetByLabel("Name oder Aktenzeichen").FillAsync("A");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("mindestens 2 und höchstens 100 Zeichen");
        await Expect(seite.GetByLabel("Name oder Aktenzeichen")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.BarrierefreiAsync(seite, "Auskunft: Suche mit Fehlermeldung");

        await seite.GetByLabel("Name oder Aktenzeichen").FillAsync("Auskunftsbrowser");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(seite.Locator("#treffer-anzahl")).ToHaveTextAsync("1 Person gefunden.");
        await BrowserFixture.BarrierefreiAsync(seite, "Auskunft: Treffer");
        await seite.GetByRole(AriaRole.Link, new() { Name = "Auskunft erstellen für Amina Auskunftsbrowser" }).ClickAsync();

        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Auskunft für Amina Auskunftsbrowser" })).ToBeVisibleAsync();
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Zugriffe auf Ihre Daten" })).ToBeVisibleAsync();
        await Expect(seite.Locator("main")).ToContainTextAsync("Jobcenter");
        await Expect(seite.Locator("main")).Not.ToContainTextAsync(fx.FmA.Id);
        var klientId = new Uri(seite.Url).Query.Split("klient=")[1];
        await Expect(seite.GetByRole(AriaRole.Link, new() { Name = "Als HTML-Datei herunterladen" })).ToHaveAttributeAsync("href", $"/api/datenschutz/klienten/{klientId}/auskunft?format=html");
        await Expect(seite.GetByRole(AriaRole.Link, new() { Name = "Maschinenlesbar (JSON) herunterladen" })).ToHaveAttributeAsync("href", $"/api/datenschutz/klienten/{klientId}/auskunft?format=json");
        await BrowserFixture.BarrierefreiAsync(seite, "Auskunft nach Art. 15 DSGVO");
        await BrowserFixture.ScreenshotAsync(seite, "datenschutz-auskunft");

        // The HTML file behind the link is the same copy, as a download (the session cookie is enough).
        var datei = await seite.Context.APIRequest.GetAsync($"/api/datenschutz/klienten/{klientId}/auskunft?format=html");
        datei.Status.ShouldBe(200);
        datei.Headers["content-disposition"].ShouldStartWith("attachment");
        (await datei.TextAsync()).ShouldContain("Amina Auskunftsbrowser");

        // On paper: the copy without the site's navigation, the hints and the buttons.
        await seite.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(seite.Locator("header.kopf")).ToBeHiddenAsync();
        await Expect(seite.Locator(".datenschutz-downloads")).ToBeHiddenAsync();
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Angaben zur Person" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Tastatur_WhenTheCopyIsSearchedAndOpenedWithTheKeyboardOnly_Succeeds()
    {
        await fx.FallAsync("Tastaturauskunft");
        var ds = await DatenschutzAsync("ds.tastatur");
        var seite = await fx.AngemeldetAsync(ds, "/Datenschutz/Auskunft");

        await BrowserFixture.TabBisAsync(seite, "#Suche", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.TypeAsync("Tastaturauskunft");
        await BrowserFixture.TabBisAsync(seite, "button[type='submit']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.Locator("#treffer-anzahl")).ToHaveTextAsync("1 Person gefunden.");

        await BrowserFixture.TabBisAsync(seite, "a[href^='/Datenschutz/Auskunft?klient=']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Auskunft für Amina Tastaturauskunft" })).ToBeVisibleAsync();

        await BrowserFixture.TabBisAsync(seite, "a[href$='format=json']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await BrowserFixture.TabBisAsync(seite, "a[href='#auskunft-zugriffe']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#auskunft-zugriffe$"));
    }

    [Fact]
    public async Task Verzeichnis_IsAnAccessibleGermanDocument_WithDownloadsReachableByKeyboard()
    {
        var ds = await DatenschutzAsync("ds.verzeichnis");
        var seite = await fx.AngemeldetAsync(ds, "/Datenschutz/Verzeichnis");

        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "7. Fristen für die Löschung (Buchst. f)" })).ToBeVisibleAsync();
        await Expect(seite.Locator("main")).ToContainTextAsync("3 Jahre nach Abschluss, Abbruch oder Verweisung des Falls (P3Y)");
        await BrowserFixture.BarrierefreiAsync(seite, "Verzeichnis von Verarbeitungstätigkeiten");
        await BrowserFixture.ScreenshotAsync(seite, "datenschutz-verzeichnis");

        await BrowserFixture.TabBisAsync(seite, "a[href$='format=markdown']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        var markdown = await seite.Context.APIRequest.GetAsync("/api/datenschutz/verarbeitungsverzeichnis?format=markdown");
        markdown.Status.ShouldBe(200);
        (await markdown.TextAsync()).ShouldStartWith("# Verzeichnis von Verarbeitungstätigkeiten");
    }

    [Fact]
    public async Task Seiten_OnlyForTheDatenschutzRole_AndAnUnknownClientIsThe404Page()
    {
        var ds = await DatenschutzAsync("ds.zugriff");
        var fehler = new List<string>();
        foreach (var (konto, rolle, status) in new[] { (fx.FmA, "Fallmanagement", 403), (fx.Teamleitung, "Teamleitung", 403), (fx.Jobcenter, "Partner", 403), (fx.Administration, "Administration", 403), (ds, "Datenschutz", 200) })
        {
            var seite = await fx.AngemeldetAsync(konto, "/");
            foreach (var pfad in new[] { "/Datenschutz/Auskunft", "/Datenschutz/Verzeichnis" })
            {
                var antwort = await seite.GotoAsync(pfad);
                if (antwort!.Status != status)
                {
                    fehler.Add($"{rolle} {pfad}: erwartet {status}, bekommen {antwort.Status}");
                }
            }

            await seite.Context.CloseAsync();
        }

        var dsSeite = await fx.AngemeldetAsync(ds, "/");
        var unbekannt = await dsSeite.GotoAsync($"/Datenschutz/Auskunft?klient={Guid.NewGuid()}");
        unbekannt!.Status.ShouldBe(404);
        await Expect(dsSeite.Locator("main")).ToContainTextAsync("Die Person wurde nicht gefunden.");
        fehler.ShouldBeEmpty();
    }

    private async Task<TestKonto> DatenschutzAsync(string name) => await fx.Factory.KontoAsync(name, Rolle.Datenschutz);
}
