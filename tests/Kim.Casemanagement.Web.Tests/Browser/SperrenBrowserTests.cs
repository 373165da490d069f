using System.Globalization;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The page "Sperrungen" (/Datenschutz/Sperren, Art. 18 DSGVO): the Datenschutz role sets and lifts a hold, with messages
/// next to the fields; the Fallakte of a held Fall shows the hold (without its reason) and no control that would change
/// it; the Fall leaves the case list until the hold is lifted. Accessible (axe), usable by keyboard only.
/// </summary>
[Collection(BrowserSammlung.Name)]
public sealed class SperrenBrowserTests(BrowserFixture fx)
{
    /// <summary>At most this many Tab presses to reach an element (<see cref="BrowserFixture.TabBisAsync"/>).</summary>
    private const int TabHoechstens = 150;

    private static int _konten;

    private Task<TestKonto> DatenschutzAsync() =>
        fx.Factory.KontoAsync("ds.browser" + Interlocked.Increment(ref _konten).ToString(CultureInfo.InvariantCulture), Rolle.Datenschutz);

    private async Task<string> AktenzeichenAsync(Guid fallId) => (await (await fx.ApiAsync(fx.FmA)).FallAsync(fallId))["aktenzeichen"]!.GetValue<string>();

    [Fact]
    public async Task Sperren_WhenTheDatenschutzRoleHoldsAndLiftsAFall_TheFallakteShowsTheHoldWithoutControlsAndTheListHidesIt()
    {
        var fallId = await fx.FallAsync("Sperrseitenprobe", "Jobcenter");
        var aktenzeichen = await AktenzeichenAsync(fallId);
        var bis = BrowserFixture.BenachrichtigungsHeute().AddDays(30);
        var seite = await fx.AngemeldetAsync(await DatenschutzAsync(), "/Datenschutz/Sperren");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sperrungen (Art. 18 DSGVO)");
        await BrowserFixture.BarrierefreiAsync(seite, "Sperrungen");

        // Nothing entered: the summary at the top and a message at each field; nothing is stored.
        await seite.GetByRole(AriaRole.Button, new() { Name = "Fall sperren" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bitte geben Sie das Aktenzeichen des Falls an");
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bitte geben Sie den Grund der Sperrung an.");
        await Expect(seite.GetByLabel("Aktenzeichen des Falls")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(seite.GetByLabel("Grund der Sperrung")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.BarrierefreiAsync(seite, "Sperrungen mit Fehlermeldungen");

        await seite.GetByLabel("Aktenzeichen des Falls").FillAsync(aktenzeichen);
        await seite.GetByLabel("Grund der Sperrung").FillAsync("Vertraulich: die Klientin bestreitet die Richtigkeit ihrer Daten.");
        await seite.GetByLabel("Gesperrt bis").FillAsync(bis.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await seite.GetByRole(AriaRole.Button, new() { Name = "Fall sperren" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Der Fall {aktenzeichen} ist gesperrt bis {bis:dd.MM.yyyy}." })).ToBeVisibleAsync();
        var zeile = seite.Locator("tbody tr").Filter(new() { HasText = aktenzeichen });
        await Expect(zeile).ToContainTextAsync("aktiv");
        await Expect(zeile).ToContainTextAsync("Vertraulich: die Klientin bestreitet");
        await BrowserFixture.BarrierefreiAsync(seite, "Sperrungen mit einer aktiven Sperre");
        await BrowserFixture.ScreenshotAsync(seite, "20-sperrungen");

        // The case manager: the Fallakte with the hold, read-only, without the reason; the Fall is not in the list.
        var fm = await fx.AngemeldetAsync(fx.FmA, $"/Faelle/{fallId}");
        var hinweis = fm.Locator("#sperrhinweis");
        await Expect(hinweis).ToContainTextAsync($"bis {bis:dd.MM.yyyy}");
        await Expect(hinweis).ToContainTextAsync("Den Grund der Sperrung sieht nur der Datenschutz.");
        await Expect(fm.Locator("main")).Not.ToContainTextAsync("Vertraulich");
        await Expect(fm.Locator("main form")).ToHaveCountAsync(0);
        await Expect(fm.Locator("#spuren a.knopf")).ToHaveCountAsync(0);
        await Expect(fm.GetByRole(AriaRole.Link, new() { Name = "Stammdaten berichtigen" })).ToHaveCountAsync(0);
        await Expect(fm.Locator("#spuren .blockiert").First).ToContainTextAsync("Der Fall ist gesperrt (Art. 18 DSGVO");
        await BrowserFixture.BarrierefreiAsync(fm, "Fallakte eines gesperrten Falls");
        await BrowserFixture.ScreenshotAsync(fm, "21-fallakte-gesperrt");
        await fm.GotoAsync("/Faelle?suche=Sperrseitenprobe");
        await Expect(fm.Locator("#trefferzahl")).ToContainTextAsync("0 Fälle gefunden");

        // The partner with consent reads it too, with the hold and without controls.
        var jobcenter = await fx.AngemeldetAsync(fx.Jobcenter, $"/Faelle/{fallId}");
        await Expect(jobcenter.Locator("#sperrhinweis")).ToBeVisibleAsync();
        await Expect(jobcenter.Locator("main form")).ToHaveCountAsync(0);

        // Lifting: the reason is required; then the Fall is back, with its controls.
        await seite.ReloadAsync();
        zeile = seite.Locator("tbody tr").Filter(new() { HasText = aktenzeichen });
        await zeile.Locator("summary").ClickAsync();
        await zeile.GetByRole(AriaRole.Button, new() { Name = "Sperre aufheben" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bitte geben Sie den Grund der Aufhebung an.");
        zeile = seite.Locator("tbody tr").Filter(new() { HasText = aktenzeichen });
        await Expect(zeile.GetByLabel("Grund der Aufhebung")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.BarrierefreiAsync(seite, "Sperrungen mit Fehlermeldung der Aufhebung");
        await zeile.GetByLabel("Grund der Aufhebung").FillAsync("Richtigkeit geklärt");
        await zeile.GetByRole(AriaRole.Button, new() { Name = "Sperre aufheben" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Die Sperre des Falls {aktenzeichen} ist aufgehoben." })).ToBeVisibleAsync();
        await Expect(seite.Locator("tbody tr").Filter(new() { HasText = aktenzeichen })).ToContainTextAsync("Richtigkeit geklärt");

        await fm.GotoAsync($"/Faelle/{fallId}");
        await Expect(fm.Locator("#sperrhinweis")).ToHaveCountAsync(0);
        await Expect(fm.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Tastatur_WhenAHoldIsSetAndLiftedWithTheKeyboardOnly_Succeeds()
    {
        var fallId = await fx.FallAsync("Sperrtastaturprobe");
        var aktenzeichen = await AktenzeichenAsync(fallId);
        var seite = await fx.AngemeldetAsync(await DatenschutzAsync(), "/Datenschutz/Sperren");

        await BrowserFixture.TabBisAsync(seite, "#Neu_Aktenzeichen", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.TypeAsync(aktenzeichen);
        await BrowserFixture.TabBisAsync(seite, "#Neu_Grund", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.TypeAsync("Gerichtliches Verfahren anhängig");
        await BrowserFixture.TabBisAsync(seite, "form[action*='handler=Setzen'] button[type='submit']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Der Fall {aktenzeichen} ist gesperrt bis auf Weiteres." })).ToBeVisibleAsync();

        var zeile = $"tr[data-aktenzeichen='{aktenzeichen}']";
        await BrowserFixture.TabBisAsync(seite, $"{zeile} summary", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await BrowserFixture.TabBisAsync(seite, $"{zeile} textarea", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.TypeAsync("Verfahren beendet");
        await BrowserFixture.TabBisAsync(seite, $"{zeile} button[type='submit']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Die Sperre des Falls {aktenzeichen} ist aufgehoben." })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Seite_WhenOpenedByOtherRolesOrWithoutSignIn_IsRefused()
    {
        foreach (var konto in new[] { fx.FmA, fx.Teamleitung, fx.Administration, fx.Lenkungsgruppe, fx.Jobcenter })
        {
            var seite = await fx.AngemeldetAsync(konto, "/");
            var antwort = await seite.GotoAsync("/Datenschutz/Sperren");
            antwort!.Status.ShouldBe(403, konto.Benutzername);
            await seite.Context.CloseAsync();
        }

        await using var anonym = await fx.KontextAsync();
        var ohne = await anonym.NewPageAsync();
        await ohne.GotoAsync("/Datenschutz/Sperren");
        ohne.Url.ShouldContain("/Konto/Anmelden");
    }
}
