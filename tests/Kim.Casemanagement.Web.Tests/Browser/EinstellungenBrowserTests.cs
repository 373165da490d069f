using System.Net.Http.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The Kommune's settings page (issue 18 item 3): reached from the administration's index, effective value and
/// installation default side by side, k below the floor refused at the field (nothing stored), a valid k saved and then
/// named on the Lenkungsgruppe's pages, a save over settings changed meanwhile refused with the input kept; axe on every
/// state. Runs in a Kommune of its own, so that the other browser
/// tests keep the installation's settings.
/// </summary>
[Collection(BrowserSammlung.Name)]
public sealed class EinstellungenBrowserTests(BrowserFixture fx)
{
    private const string Kommune = "kreis-einst-browser";

    [Fact]
    public async Task Einstellungen_WhenTheAdministrationRaisesK_TheFieldRefusesLessAndTheLenkungsgruppeSeesTheNewK()
    {
        await fx.Factory.MandantAsync(Kommune, "Kreis Einstellungen");
        try
        {
            await AblaufAsync();
        }
        finally
        {
            // The browser collection shares one app: with a second active Kommune its sign-in form would ask every later
            // test for the Kommune. The Mandant is disabled again (its rows stay; nobody signs in to it any more).
            await fx.Factory.Services.GetRequiredService<Infrastructure.Mandanten.MandantenVerwaltung>().DeaktivierenAsync(Kommune, "standard", default);
        }
    }

    private async Task AblaufAsync()
    {
        var admin = await fx.Factory.KontoAsync("ad.einst-browser", Rolle.Administration, mandant: Kommune);
        var lg = await fx.Factory.KontoAsync("lg.einst-browser", Rolle.Lenkungsgruppe, mandant: Kommune);

        var seite = await fx.AngemeldetAsync(admin, "/Admin");
        await seite.GetByRole(AriaRole.Link, new() { Name = "Einstellungen der Kommune" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Einstellungen der Kommune", Level = 1 })).ToBeVisibleAsync();
        var zeile = seite.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mindestgruppengröße der Auswertungen" });
        await Expect(zeile).ToContainTextAsync("Standard");
        var standard = int.Parse((await zeile.Locator("td").Nth(1).TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await BrowserFixture.BarrierefreiAsync(seite, "Einstellungen");

        // Below the installation's floor: refused at the field, nothing stored.
        await seite.GetByLabel("Mindestgruppengröße", new() { Exact = false }).FillAsync((standard - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await seite.GetByLabel("Vollzeitstellen im Fallmanagement").FillAsync("0");
        var pfade = seite.Locator("textarea[name='Werte.Idealverlauf[0].Pfade']");
        await pfade.FillAsync("Anfrage>Nirgendwo");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Einstellungen speichern" }).ClickAsync();
        await Expect(seite.Locator("#fehlerliste")).ToContainTextAsync("„Nirgendwo“ ist kein Zustand dieser Spur.");
        await Expect(seite.Locator("textarea[name='Werte.Idealverlauf[0].Pfade']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(seite.Locator("textarea[name='Werte.Idealverlauf[0].Pfade']")).ToHaveValueAsync("Anfrage>Nirgendwo");
        await Expect(seite.Locator("#fehlerliste")).ToContainTextAsync($"Die Mindestgruppengröße darf nicht unter {standard} liegen");
        await Expect(seite.GetByLabel("Mindestgruppengröße", new() { Exact = false })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(seite.GetByLabel("Vollzeitstellen im Fallmanagement")).ToHaveAttributeAsync("aria-invalid", "true");
        // The fixture keeps its API clients (one per account) for the whole collection: not disposed here.
        var api = await fx.ApiAsync(admin);
        var gespeichert = (await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/admin/einstellungen"))!;
        gespeichert["geaendertAm"].ShouldBeNull("nothing was stored");

        await BrowserFixture.BarrierefreiAsync(seite, "Einstellungen mit Fehlern");

        await seite.GetByLabel("Mindestgruppengröße", new() { Exact = false }).FillAsync((standard + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await seite.GetByLabel("Vollzeitstellen im Fallmanagement").FillAsync("4,5");
        await seite.Locator("textarea[name='Werte.Idealverlauf[0].Pfade']").FillAsync(string.Empty);
        await seite.GetByRole(AriaRole.Button, new() { Name = "Einstellungen speichern" }).ClickAsync();
        await Expect(seite.GetByText("Die Einstellungen sind gespeichert.")).ToBeVisibleAsync();
        await Expect(zeile).ToContainTextAsync($"{standard + 3}");
        await Expect(zeile).ToContainTextAsync("eigener Wert");
        await Expect(seite.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vollzeitstellen im Fallmanagement" })).ToContainTextAsync("4,5");
        await BrowserFixture.BarrierefreiAsync(seite, "Einstellungen gespeichert");

        // Meanwhile the settings are saved elsewhere (another window, over the version this page was loaded with). This
        // page's save is then refused: its input stays in the form, the table shows what applies now, and saving again
        // replaces that knowingly.
        var seitenVersion = await seite.Locator("input[name='Werte.Version']").InputValueAsync();
        using (var anderswo = new HttpRequestMessage(HttpMethod.Put, "/api/admin/einstellungen")
        {
            Content = JsonContent.Create(new { mindestgroesse = standard + 3, vollzeitstellen = 4.5m, titelVorlaufWochen = 12 }),
        })
        {
            anderswo.Headers.TryAddWithoutValidation("If-Match", $"\"{seitenVersion}\"").ShouldBeTrue();
            (await api.SendAsync(anderswo)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }

        var titel = seite.GetByLabel("Ablauf Aufenthaltstitel/Duldung, Wochen vorher", new() { Exact = false });
        var titelZeile = seite.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vorlauf Ablauf Aufenthaltstitel (Wochen)" });
        await titel.FillAsync("6");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Einstellungen speichern" }).ClickAsync();
        await Expect(seite.Locator("#fehlerliste")).ToContainTextAsync("Die Einstellungen dieser Kommune wurden inzwischen geändert");
        await Expect(titel).ToHaveValueAsync("6");
        await Expect(titelZeile).ToContainTextAsync("12");
        await Expect(titelZeile).ToContainTextAsync("eigener Wert");
        await BrowserFixture.BarrierefreiAsync(seite, "Einstellungen mit Bearbeitungskonflikt");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Einstellungen speichern" }).ClickAsync();
        await Expect(seite.GetByText("Die Einstellungen sind gespeichert.")).ToBeVisibleAsync();
        await Expect(titelZeile).ToContainTextAsync("6");

        // The Lenkungsgruppe of the same Kommune is told which k applies.
        var analysen = await fx.AngemeldetAsync(lg, "/Analysen");
        await Expect(analysen.Locator("#mindestgroesse")).ToContainTextAsync($"Mindestgruppengröße dieser Kommune: {standard + 3} Fälle (von der Kommune festgelegt)");

        // Other roles do not reach the page.
        var fm = await fx.AngemeldetAsync(fx.FmA, "/Admin/Einstellungen");
        await Expect(fm.GetByRole(AriaRole.Heading, new() { Name = "Kein Zugriff" })).ToBeVisibleAsync();
    }
}
