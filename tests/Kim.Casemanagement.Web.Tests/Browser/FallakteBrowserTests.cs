using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>Caseload, Fallakte, steps on every track with blocked reasons, and a change by another user seen live.</summary>
[Collection(BrowserSammlung.Name)]
public sealed class FallakteBrowserTests(BrowserFixture fx)
{
    private static readonly string[] Spuren = ["Prozess", "Aufenthalt", "Leistungen", "Bildung"];

    [Fact]
    public async Task MeineFaelle_WhenSearchedAndFiltered_ListsTheOwnFaelleAndLinksToTheFallakte()
    {
        var id = await fx.FallAsync("Listenprobe");
        await fx.FallAsync("Andere");
        var seite = await fx.AngemeldetAsync(fx.FmA, "/Faelle");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Meine Fälle", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.BarrierefreiAsync(seite, "Meine Fälle");
        await BrowserFixture.ScreenshotAsync(seite, "03-meine-faelle");

        await seite.GetByLabel("Name oder Aktenzeichen").FillAsync("Listenprobe");
        await seite.GetByLabel("Phase").SelectOptionAsync(new SelectOptionValue { Label = "Anfrage" });
        await seite.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(seite.Locator("#trefferzahl")).ToContainTextAsync("1 Fall gefunden");
        await Expect(seite.Locator("table.fallliste tbody tr")).ToHaveCountAsync(1);

        await seite.GetByRole(AriaRole.Link, new() { Name = "Name" }).ClickAsync();
        await Expect(seite.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Name");

        await seite.Locator("table.fallliste tbody tr a").First.ClickAsync();
        await Expect(seite).ToHaveURLAsync(new Regex($"/Faelle/{id}"));
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Listenprobe");
    }

    [Fact]
    public async Task Schritte_WhenFiredOnEachTrack_ChangeTheStateAndBlockedStepsShowTheirReasons()
    {
        var fallId = await fx.FallAsync("Spurenprobe");
        var api = await fx.ApiAsync(fx.FmA);
        var seite = await fx.AngemeldetAsync(fx.FmA, $"/Faelle/{fallId}");
        await BrowserFixture.BarrierefreiAsync(seite, "Fallakte");

        foreach (var spur in Spuren)
        {
            var fall = await api.FallAsync(fallId);
            var vorher = fall.Spur(spur);
            var spurKarte = seite.Locator($"article[data-spur='{spur}']");

            // Blocked steps are listed with their German reasons, as the API gives them.
            foreach (var blockiert in vorher["blockierteSchritte"]!.AsArray().Take(2))
            {
                var grund = blockiert!["gruende"]!.AsArray().First()!.GetValue<string>();
                await Expect(spurKarte.Locator(".blockiert")).ToContainTextAsync(grund);
            }

            var erlaubt = vorher["erlaubteSchritte"]!.AsArray().Select(s => s!)
                .OrderBy(s => s["parameter"]!.AsArray().Count(p => p!["pflicht"]!.GetValue<bool>()))
                .First();
            var bezeichnung = erlaubt["bezeichnung"]!.GetValue<string>();
            await spurKarte.GetByRole(AriaRole.Link, new() { Name = bezeichnung, Exact = true }).ClickAsync();
            await Expect(seite.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(bezeichnung);
            if (spur == "Prozess")
            {
                await BrowserFixture.BarrierefreiAsync(seite, "Schritt ausführen");
                await BrowserFixture.ScreenshotAsync(seite, "05-schritt-ausfuehren");
            }

            await PflichtangabenAusfuellenAsync(seite);
            await seite.GetByLabel("Notiz").FillAsync($"Schritt auf {spur} im Browsertest");
            await seite.GetByRole(AriaRole.Button, new() { Name = "Schritt ausführen" }).ClickAsync();
            await Expect(seite.GetByRole(AriaRole.Status).Filter(new() { HasText = "ist ausgeführt" })).ToBeVisibleAsync();

            var nachher = (await api.FallAsync(fallId)).Spur(spur);
            nachher["zustand"]!.GetValue<string>().ShouldNotBe(vorher["zustand"]!.GetValue<string>(), $"Spur {spur}: der Schritt „{bezeichnung}“ hat den Zustand nicht geändert.");
            await Expect(seite.Locator($"article[data-spur='{spur}'] .zustand")).ToHaveTextAsync(nachher["zustandBezeichnung"]!.GetValue<string>());
            await Expect(seite.Locator("#zeitleiste")).ToContainTextAsync($"Schritt auf {spur} im Browsertest");
        }

        await BrowserFixture.BarrierefreiAsync(seite, "Fallakte nach Schritten");
        await BrowserFixture.ScreenshotAsync(seite, "04-fallakte");

        // A blocked step opened directly explains why instead of offering the form.
        var fall2 = await api.FallAsync(fallId);
        var (blockSpur, blockTrigger, blockGrund) = Spuren
            .SelectMany(s => fall2.Spur(s)["blockierteSchritte"]!.AsArray().Select(b => (s, b!["trigger"]!.GetValue<string>(), b["gruende"]!.AsArray().First()!.GetValue<string>())))
            .First();
        await seite.GotoAsync($"/Faelle/{fallId}/Schritt?spur={blockSpur}&trigger={blockTrigger}");
        await Expect(seite.GetByRole(AriaRole.Alert)).ToContainTextAsync(blockGrund);
        (await seite.GetByRole(AriaRole.Button, new() { Name = "Schritt ausführen" }).CountAsync()).ShouldBe(0);
        await BrowserFixture.BarrierefreiAsync(seite, "blockierter Schritt");
    }

    [Fact]
    public async Task Fallakte_WhenAnotherUserChangesTheOpenFall_SaysSoAndRefreshesTheTracksLive()
    {
        var fallId = await fx.FallAsync("Liveprobe");
        var api = await fx.ApiAsync(fx.FmA);
        var heute = BrowserFixture.BenachrichtigungsHeute();
        await api.PostAsJsonAsync($"/api/faelle/{fallId}/vertretungen", new { benutzerId = fx.FmB.Id, von = heute, bis = heute.AddDays(14) }).OkAsync();

        var erste = await fx.AngemeldetAsync(fx.FmA, $"/Faelle/{fallId}");
        await Expect(erste.Locator("body[data-live='verbunden']")).ToHaveCountAsync(1);
        var zweite = await fx.AngemeldetAsync(fx.FmB, $"/Faelle/{fallId}");
        await Expect(zweite.Locator("body[data-live='verbunden']")).ToHaveCountAsync(1);

        var aufenthalt = (await api.FallAsync(fallId)).Spur("Aufenthalt");
        var schritt = aufenthalt["erlaubteSchritte"]!.AsArray().Select(s => s!).First(s => s["parameter"]!.AsArray().All(p => !p!["pflicht"]!.GetValue<bool>()));
        await zweite.Locator("article[data-spur='Aufenthalt']").GetByRole(AriaRole.Link, new() { Name = schritt["bezeichnung"]!.GetValue<string>(), Exact = true }).ClickAsync();
        await zweite.GetByRole(AriaRole.Button, new() { Name = "Schritt ausführen" }).ClickAsync();
        await Expect(zweite.GetByRole(AriaRole.Status).Filter(new() { HasText = "ist ausgeführt" })).ToBeVisibleAsync();

        var neuerZustand = (await api.FallAsync(fallId)).Spur("Aufenthalt")["zustandBezeichnung"]!.GetValue<string>();
        await Expect(erste.Locator("#fall-hinweis")).ToBeVisibleAsync();
        await Expect(erste.Locator("#fall-hinweis")).ToContainTextAsync("von einer anderen Person geändert");
        await Expect(erste.Locator("article[data-spur='Aufenthalt'] .zustand")).ToHaveTextAsync(neuerZustand);
        await Expect(erste.Locator("#toasts .toast")).Not.ToHaveCountAsync(0);
        await Expect(erste.Locator("#ungelesen-zahl")).Not.ToHaveTextAsync("0");
        await BrowserFixture.BarrierefreiAsync(erste, "Fallakte mit Live-Hinweis");
        await BrowserFixture.ScreenshotAsync(erste, "06-live-aenderung");
    }

    /// <summary>Fills every required parameter of the step form with a plausible value (dates: today; numbers: the minimum or 1; text: a word).</summary>
    internal static async Task PflichtangabenAusfuellenAsync(IPage seite)
    {
        var felder = seite.Locator("fieldset input[required]");
        var anzahl = await felder.CountAsync();
        for (var i = 0; i < anzahl; i++)
        {
            var feld = felder.Nth(i);
            var typ = await feld.GetAttributeAsync("type");
            var wert = typ switch
            {
                "date" => BrowserFixture.BenachrichtigungsHeute().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "number" => await feld.GetAttributeAsync("min") is { Length: > 0 } min ? min : "1",
                _ => "Angabe aus dem Browsertest",
            };
            await feld.FillAsync(wert);
        }
    }
}
