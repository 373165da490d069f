using System.Runtime.CompilerServices;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The data-protection officer's workplace in the browser: start page, consent register, audit log with verification,
/// retention overview; German, accessible (axe: no serious or critical finding), usable with the keyboard only, and
/// reachable by the Datenschutz role only.
/// </summary>
[Collection(BrowserSammlung.Name)]
public sealed class DatenschutzBrowserTests(BrowserFixture fx)
{
    /// <summary>At most this many Tab presses to reach an element (<see cref="BrowserFixture.TabBisAsync"/>).</summary>
    private const int TabHoechstens = 150;

    /// <summary>The fixture's data-protection officer, created once per fixture (the shared fixture has no account of this role).</summary>
    private static readonly ConditionalWeakTable<BrowserFixture, Task<TestKonto>> Konten = new();

    private Task<TestKonto> DatenschutzAsync() => Konten.GetValue(fx, f => f.Factory.KontoAsync("ds.arbeitsplatz", Rolle.Datenschutz));

    private async Task<(Guid Id, string Aktenzeichen)> FallAsync(string nachname, params string[] partner)
    {
        var id = await fx.FallAsync(nachname, partner);
        var aktenzeichen = (await (await fx.ApiAsync(fx.FmA)).FallAsync(id))["aktenzeichen"]!.GetValue<string>();
        return (id, aktenzeichen);
    }

    [Fact]
    public async Task Arbeitsplatz_WhenOpenedByTheDatenschutzRole_ShowsKeyFiguresAndLinksToEveryBuiltPageAndPassesAxe()
    {
        await FallAsync("Kennzahlprobe", "Jobcenter");
        var seite = await fx.AngemeldetAsync(await DatenschutzAsync(), "/");

        await seite.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Datenschutz" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Datenschutz-Arbeitsplatz", Level = 1 })).ToBeVisibleAsync();
        await Expect(seite.Locator("main")).ToContainTextAsync("heute gültig");
        await Expect(seite.Locator("main")).ToContainTextAsync("Protokollzeilen in den letzten 30 Tagen");
        await Expect(seite.Locator("main")).ToContainTextAsync("Fälle zur Löschung fällig");
        var arbeitsplatz = seite.GetByRole(AriaRole.Navigation, new() { Name = "Datenschutz-Arbeitsplatz" });
        foreach (var titel in new[] { "Übersicht", "Einwilligungsregister", "Zugriffsprotokoll", "Aufbewahrung und Löschung" })
        {
            await Expect(arbeitsplatz.GetByRole(AriaRole.Link, new() { Name = titel, Exact = true })).ToBeVisibleAsync();
        }

        // Pages of the workplace that this build does not have are not linked (no link leads to a 404).
        var ziele = await seite.Locator("main a[href^='/Datenschutz']").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        foreach (var ziel in ziele.Select(z => z.Split('?', '#')[0]).Distinct())
        {
            var antwort = await seite.Context.APIRequest.GetAsync(ziel);
            antwort.Status.ShouldBe(200, ziel);
        }

        await BrowserFixture.BarrierefreiAsync(seite, "Datenschutz-Arbeitsplatz");
        await BrowserFixture.ScreenshotAsync(seite, "14-datenschutz-uebersicht");
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task Einwilligungsregister_WhenFilteredAndGivenABadPeriod_ShowsTheMatchingConsentsOrTheMessageAtTheFieldAndPassesAxe()
    {
        var (_, aktenzeichen) = await FallAsync("Registeransicht", "Jobcenter", "Auslaenderbehoerde");
        var seite = await fx.AngemeldetAsync(await DatenschutzAsync(), "/Datenschutz/Einwilligungen");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Einwilligungsregister", Level = 1 })).ToBeVisibleAsync();

        await seite.GetByLabel("Empfänger").SelectOptionAsync(new SelectOptionValue { Label = "Jobcenter" });
        await seite.GetByLabel("Aktenzeichen").FillAsync(aktenzeichen);
        await seite.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(seite.Locator("#trefferzahl")).ToHaveTextAsync("1 Einwilligung gefunden.");
        var zeile = seite.Locator("table.register-tabelle tbody tr");
        await Expect(zeile).ToHaveCountAsync(1);
        await Expect(zeile).ToContainTextAsync(aktenzeichen);
        await Expect(zeile).ToContainTextAsync("Jobcenter");
        await Expect(zeile).ToContainTextAsync("gültig");
        await Expect(seite.GetByRole(AriaRole.Link, new() { Name = "Auswahl als CSV herunterladen (Einwilligungsregister)" })).ToBeVisibleAsync();
        await BrowserFixture.BarrierefreiAsync(seite, "Einwilligungsregister");
        await BrowserFixture.ScreenshotAsync(seite, "15-datenschutz-einwilligungen");

        await seite.GetByLabel("von", new() { Exact = true }).FillAsync("2026-03-01");
        await seite.GetByLabel("bis", new() { Exact = true }).FillAsync("2026-02-01");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync("Das Ende des Zeitraums („bis“) darf nicht vor seinem Anfang („von“) liegen.");
        await Expect(seite.GetByLabel("bis", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(seite.Locator("table.register-tabelle")).ToHaveCountAsync(0);
        await BrowserFixture.BarrierefreiAsync(seite, "Einwilligungsregister mit Fehlermeldung");

        // The summary's link leads to the field.
        await seite.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).ClickAsync();
        (await seite.EvaluateAsync<string>("() => location.hash")).ShouldBe("#Bis");
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task Zugriffsprotokoll_WhenFilteredByFallAndTheChainIsVerified_ShowsTheFallsRowsAndAnIntactChainAndPassesAxe()
    {
        var (_, aktenzeichen) = await FallAsync("Protokollansicht");
        var seite = await fx.AngemeldetAsync(await DatenschutzAsync(), "/Datenschutz/Protokoll");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Zugriffsprotokoll", Level = 1 })).ToBeVisibleAsync();

        await seite.GetByLabel("Fall", new() { Exact = true }).FillAsync(aktenzeichen);
        await seite.GetByLabel("Aktion").FillAsync("Fall.Aufnahme");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        var zeilen = seite.Locator("table.protokoll-tabelle tbody tr");
        await Expect(zeilen).ToHaveCountAsync(1);
        await Expect(zeilen).ToContainTextAsync("Fall.Aufnahme");
        await Expect(zeilen).ToContainTextAsync(aktenzeichen);
        await Expect(zeilen).ToContainTextAsync("200 – erfolgreich");
        await Expect(zeilen).ToContainTextAsync("fm.anna");
        await BrowserFixture.BarrierefreiAsync(seite, "Zugriffsprotokoll");

        await seite.GetByRole(AriaRole.Button, new() { Name = "Kette jetzt prüfen" }).ClickAsync();
        await Expect(seite.Locator("#pruefergebnis")).ToContainTextAsync("Die Kette ist intakt.");
        await Expect(seite.Locator("#pruefergebnis")).ToContainTextAsync("Geprüfte Glieder");
        await Expect(zeilen).ToHaveCountAsync(1);
        await Expect(seite.GetByLabel("Fall", new() { Exact = true })).ToHaveValueAsync(aktenzeichen);
        await BrowserFixture.BarrierefreiAsync(seite, "Zugriffsprotokoll mit Prüfergebnis");
        await BrowserFixture.ScreenshotAsync(seite, "16-datenschutz-protokoll");
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task Aufbewahrung_WhenOpened_ShowsThePeriodsTheCountsAndTheAuditRetentionAndPassesAxe()
    {
        var seite = await fx.AngemeldetAsync(await DatenschutzAsync(), "/Datenschutz/Aufbewahrung");

        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Aufbewahrung und Löschung", Level = 1 })).ToBeVisibleAsync();
        var fristen = seite.GetByRole(AriaRole.Table, new() { Name = "Aufbewahrungsfristen heute und beschlossene Änderungen" });
        await Expect(fristen).ToContainTextAsync("Aufbewahrung.FallakteNachAbschluss");
        await Expect(fristen).ToContainTextAsync("3 Jahre");
        await Expect(fristen).ToContainTextAsync("§ 84 Abs. 2 SGB X");
        await Expect(seite.Locator("#faelle")).ToContainTextAsync("Fälle zur Löschung fällig (nicht gesperrt)");
        await Expect(seite.Locator("#loeschlaeufe")).ToBeVisibleAsync();
        await Expect(seite.Locator("#auditprotokoll")).ToContainTextAsync("Untergrenze der Datenbank");
        await Expect(seite.Locator("#auditprotokoll")).ToContainTextAsync("1 Jahr");
        await BrowserFixture.BarrierefreiAsync(seite, "Aufbewahrung und Löschung");
        await BrowserFixture.ScreenshotAsync(seite, "17-datenschutz-aufbewahrung");
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task Loeschvorschau_WhenOpenedFromTheOverviewWithTheKeyboard_ListsWhatTheNextRunWouldEraseAndPassesAxe()
    {
        var seite = await fx.AngemeldetAsync(await DatenschutzAsync(), "/Datenschutz/Aufbewahrung");
        await BrowserFixture.TabBisAsync(seite, "a[href='/Datenschutz/Loeschvorschau']", TabHoechstens);
        await seite.Keyboard.PressAsync("Enter");

        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Vorschau des nächsten Löschlaufs", Level = 1 })).ToBeVisibleAsync();
        await Expect(seite.GetByText("Kein Fall ist zur Löschung fällig.")).ToBeVisibleAsync();
        await BrowserFixture.BarrierefreiAsync(seite, "Vorschau des nächsten Löschlaufs");
        await BrowserFixture.ScreenshotAsync(seite, "18-datenschutz-loeschvorschau");
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task Tastatur_WhenTheRegisterIsFilteredAFallsAccessesOpenedAndTheChainVerifiedWithTheKeyboardOnly_Succeeds()
    {
        var (id, aktenzeichen) = await FallAsync("Tastaturregister", "Jobcenter");
        var seite = await fx.AngemeldetAsync(await DatenschutzAsync(), "/Datenschutz");

        await BrowserFixture.TabBisAsync(seite, ".unternavigation a[href='/Datenschutz/Einwilligungen']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Einwilligungsregister");

        await BrowserFixture.TabBisAsync(seite, "#Status", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.TypeAsync("g");
        (await seite.Locator("#Status").InputValueAsync()).ShouldBe("gueltig");
        await BrowserFixture.TabBisAsync(seite, "#Aktenzeichen", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.TypeAsync(aktenzeichen);
        await BrowserFixture.TabBisAsync(seite, "form[role='search'] button[type='submit']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.Locator("#trefferzahl")).ToHaveTextAsync("2 Einwilligungen gefunden.");

        // Through the table to the Fall's accesses.
        await BrowserFixture.TabBisAsync(seite, $"table.register-tabelle a[href='/Datenschutz/Protokoll?Fall={id}']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zugriffsprotokoll");
        await Expect(seite.Locator("table.protokoll-tabelle")).ToContainTextAsync(aktenzeichen);

        await BrowserFixture.TabBisAsync(seite, "#pruefung button[type='submit']", TabHoechstens);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Enter");
        await Expect(seite.Locator("#pruefergebnis")).ToContainTextAsync("Die Kette ist intakt.");
        await Expect(seite.Locator("table.protokoll-tabelle tbody tr")).Not.ToHaveCountAsync(0);
        (await seite.Locator("table.protokoll-tabelle tbody tr").AllInnerTextsAsync()).ShouldAllBe(z => z.Contains(aktenzeichen, StringComparison.Ordinal));
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task DatenschutzSeiten_WhenOpenedByOtherRoles_Answer403AndWithoutSignInLeadToTheLogin()
    {
        var seiten = new[] { "/Datenschutz", "/Datenschutz/Einwilligungen", "/Datenschutz/Protokoll", "/Datenschutz/Aufbewahrung", "/Datenschutz/Loeschvorschau", "/Datenschutz/Einwilligungen?handler=Csv" };
        var fehler = new List<string>();
        var ds = await fx.AngemeldetAsync(await DatenschutzAsync(), "/");
        foreach (var pfad in seiten)
        {
            // Through the context's requests (its cookie): the CSV would start a download in the page.
            var antwort = await ds.Context.APIRequest.GetAsync(pfad);
            if (antwort.Status != 200)
            {
                fehler.Add($"Datenschutz {pfad}: erwartet 200, bekommen {antwort.Status}");
            }
        }

        await ds.Context.CloseAsync();
        foreach (var (konto, rolle) in new[] { (fx.FmA, "Fallmanagement"), (fx.Teamleitung, "Teamleitung"), (fx.Jobcenter, "Partner"), (fx.Lenkungsgruppe, "Lenkungsgruppe"), (fx.Administration, "Administration") })
        {
            var seite = await fx.AngemeldetAsync(konto, "/");
            (await seite.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Datenschutz" }).CountAsync()).ShouldBe(0, rolle);
            foreach (var pfad in seiten)
            {
                var antwort = await seite.GotoAsync(pfad);
                if (antwort!.Status != 403 || !await seite.GetByRole(AriaRole.Heading, new() { Name = "Kein Zugriff" }).IsVisibleAsync())
                {
                    fehler.Add($"{rolle} {pfad}: erwartet 403 „Kein Zugriff“, bekommen {antwort.Status}");
                }
            }

            // A verification posted by another role is refused too.
            var post = await seite.Context.APIRequest.PostAsync("/Datenschutz/Protokoll?handler=Pruefen");
            if (post.Status is not (400 or 403))
            {
                fehler.Add($"{rolle} POST Prüfung: erwartet 400 oder 403, bekommen {post.Status}");
            }

            await seite.Context.CloseAsync();
        }

        await using var anonym = await fx.KontextAsync();
        var ohne = await anonym.NewPageAsync();
        foreach (var pfad in seiten)
        {
            await ohne.GotoAsync(pfad);
            if (!ohne.Url.Contains("/Konto/Anmelden", StringComparison.Ordinal))
            {
                fehler.Add($"ohne Anmeldung {pfad}: nicht zur Anmeldung geleitet ({ohne.Url})");
            }
        }

        fehler.ShouldBeEmpty();
    }
}
