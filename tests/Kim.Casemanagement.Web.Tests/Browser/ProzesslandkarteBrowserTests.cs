using System.Diagnostics;
using System.Text.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Pages.Analysen;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The Lenkungsgruppe's analysis pages in the browser over generated data (the demo generator, through the real app, real
/// PostgreSQL, the bundled front end and the system Chromium): the process map drawn by ELK in its frame, its sliders,
/// zoom and keyboard access, axe on every page of the navigation. At demo size (300 clients) here; on 25,000 Fälle in
/// <see cref="ProzesslandkarteGrossBrowserTests"/>.
/// </summary>
public sealed class ProzesslandkarteBrowserTests(ProzesslandkarteBrowserTests.Demo fx, ITestOutputHelper ausgabe) : IClassFixture<ProzesslandkarteBrowserTests.Demo>
{
    public static TheoryData<string> Spuren => ["", "Prozess", "Aufenthalt", "Leistungen", "Bildung", "Ueberleitung"];

    [Theory]
    [MemberData(nameof(Spuren))]
    public async Task Karte_AtDemoSize_DefaultViewHasNoOverlappingNodeBoxes_AllInsideTheDrawingAndFrame_ReadableLabels(string spur)
    {
        var seite = await fx.SeiteAsync(KarteSeiten.Pfad(spur));

        var messung = await KarteSeiten.MessenAsync(seite);
        ausgabe.WriteLine(messung.ToString());
        KarteSeiten.Pruefen(messung, spur);
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task PathSlider_WhenMoved_ChangesTheNumberOfDrawnEdges_AndStatesWhatIsFolded_ActivitySliderFoldsStates()
    {
        var seite = await fx.SeiteAsync("/Analysen/Prozesslandkarte");
        var alle = await KarteSeiten.KantenAsync(seite);
        var daten = await KarteSeiten.DatenAsync(seite);

        await KarteSeiten.ReglerAsync(seite, "#regler-schritte", 100);
        var hundert = await KarteSeiten.KantenAsync(seite);
        await KarteSeiten.ReglerAsync(seite, "#regler-schritte", 0);
        var null_ = await KarteSeiten.KantenAsync(seite);

        ausgabe.WriteLine($"Standard {alle}, 100 % {hundert}, 0 % {null_}");
        hundert.ShouldBeGreaterThan(null_, "the path slider folds steps away");
        (await seite.Locator("#wert-schritte").InnerTextAsync()).ShouldBe("0 %");
        (await seite.Locator("#karte-ausgeblendet").InnerTextAsync()).ShouldContain("Schritte.");

        // The states slider at 100 % shows every published state, at 0 % only the most frequent one (with Beginn and Ende).
        await KarteSeiten.ReglerAsync(seite, "#regler-zustaende", 100);
        (await seite.Locator("g.knoten").CountAsync()).ShouldBe(daten.Knoten);
        await KarteSeiten.ReglerAsync(seite, "#regler-zustaende", 0);
        (await seite.Locator("g.knoten").CountAsync()).ShouldBe(3);
        (await seite.Locator("#karte-ausgeblendet").InnerTextAsync()).ShouldContain($"Ausgeblendet: {daten.Knoten - 3} seltenere Zustände");
        KarteSeiten.Pruefen(await KarteSeiten.MessenAsync(seite), "0 %");
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task Karte_ByKeyboard_FocusesStatesAndSteps_ShowsTheirFigures_AndZoomsAndFits()
    {
        var seite = await fx.SeiteAsync("/Analysen/Prozesslandkarte?spur=Prozess");

        await BrowserFixture.TabBisAsync(seite, "#karte-rahmen", 80);
        await BrowserFixture.SichtbarerFokusAsync(seite);
        var vorher = await seite.Locator("#karte-rahmen svg").GetAttributeAsync("viewBox");
        await seite.Keyboard.PressAsync("+");
        await seite.Keyboard.PressAsync("+");
        var naeher = await seite.Locator("#karte-rahmen svg").GetAttributeAsync("viewBox");
        naeher.ShouldNotBe(vorher);
        Breite(naeher!).ShouldBeLessThan(Breite(vorher!));
        await seite.Keyboard.PressAsync("ArrowRight");
        (await seite.Locator("#karte-rahmen svg").GetAttributeAsync("viewBox")).ShouldNotBe(naeher);
        await seite.Keyboard.PressAsync("0");
        (await seite.Locator("#karte-rahmen svg").GetAttributeAsync("viewBox")).ShouldBe(vorher);

        // Tab leads from the frame to the first state (Beginn), then on through the states and to the steps.
        await seite.Keyboard.PressAsync("Tab");
        (await seite.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('data-knoten')")).ShouldBe("Beginn");
        (await seite.Locator("#karte-detail").InnerTextAsync()).ShouldStartWith("Beginn:");
        await BrowserFixture.SichtbarerFokusAsync(seite);
        await seite.Keyboard.PressAsync("Tab");
        (await seite.Locator("#karte-detail").InnerTextAsync()).ShouldMatch("^Zustand .+: ([\\d.]+ Eintritte, [\\d.]+ Fälle|Zahlen aus Datenschutzgründen ausgeblendet)");
        await BrowserFixture.TabBisAsync(seite, "g.kante", 60);
        (await seite.Locator("#karte-detail").InnerTextAsync()).ShouldMatch(@"^Schritt .+ → .+: [\d.]+ Mal, [\d.]+ Fälle");
        await seite.Keyboard.PressAsync("Enter");
        (await seite.Locator("g.kante.gewaehlt").CountAsync()).ShouldBe(1);
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryAnalysisPage_PassesAxe_AndKeepsTheFilterInItsNavigation()
    {
        foreach (var s in AnalysenSeiten.Alle)
        {
            var seite = await fx.SeiteAsync(s.Pfad + "?altersgruppe=JungeErwachsene");
            if (s == AnalysenSeiten.Prozesslandkarte || s == AnalysenSeiten.Bericht)
            {
                await seite.Locator("[data-prozesskarte][data-gezeichnet=ja]").WaitForAsync();
            }

            (await seite.Locator("nav.analysen-navigation a[aria-current=page]").InnerTextAsync()).ShouldBe(s.Titel);
            // The decisions and the comparison have forms of their own; every other link keeps the filter.
            var ohneFilter = AnalysenSeiten.Navigation.Where(n => !n.MitFilter).Select(n => n.Pfad).ToList();
            ohneFilter.ShouldBe([AnalysenSeiten.Entscheidungen.Pfad, AnalysenSeiten.Vergleich.Pfad]);
            (await seite.Locator("nav.analysen-navigation a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
                .ShouldAllBe(h => ohneFilter.Contains(h) || h.EndsWith("?altersgruppe=JungeErwachsene", StringComparison.Ordinal));
            (await seite.Locator("table").CountAsync()).ShouldBeGreaterThan(0, s.Pfad);
            await BrowserFixture.BarrierefreiAsync(seite, s.Pfad);
            await seite.Context.CloseAsync();
        }

        // Screenshots of the board's view (unfiltered, as the board opens it): overview, map, meeting report.
        foreach (var (pfad, name) in new[] { ("/Analysen", "13-analysen"), ("/Analysen/Prozesslandkarte", "13b-analysen-prozesslandkarte"), ("/Analysen/Prozesslandkarte?spur=Prozess", "13c-analysen-prozesslandkarte-prozess") })
        {
            var seite = await fx.SeiteAsync(pfad);
            if (pfad.Contains("Prozesslandkarte", StringComparison.Ordinal))
            {
                // The map with its controls (the tables below it are long).
                await seite.Locator("[data-prozesskarte][data-gezeichnet=ja]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotOrdner, name + ".png"), Animations = ScreenshotAnimations.Disabled });
            }
            else
            {
                await BrowserFixture.ScreenshotAsync(seite, name);
            }

            await seite.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Entscheidung_RecordedOnThePage_ShowsBeforeAndAfterWithLogRankAndCurves_AsTheApiDoes_AndPassesAxe()
    {
        var seite = await fx.SeiteAsync("/Analysen/Entscheidungen");

        // Refused first: a message per field, nothing stored.
        await seite.GetByRole(AriaRole.Button, new() { Name = "Entscheidung erfassen" }).ClickAsync();
        (await seite.Locator("[role=alert]").InnerTextAsync()).ShouldContain("Bitte beschreiben Sie die Entscheidung");
        (await seite.Locator("#titel").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await BrowserFixture.BarrierefreiAsync(seite, "/Analysen/Entscheidungen (Fehler)");

        var giltAb = BrowserFixture.BenachrichtigungsHeute().AddYears(-2);
        await seite.GetByLabel("Was wurde entschieden? (ohne Namen von Personen)").FillAsync("Terminvergabe der Ausländerbehörde online");
        await seite.GetByLabel("Behörde").SelectOptionAsync("Auslaenderbehoerde");
        await seite.GetByLabel("gilt ab").FillAsync(giltAb.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await seite.Locator("input[name=Themen][value=Wohnsitzauflage]").CheckAsync();
        await seite.GetByRole(AriaRole.Button, new() { Name = "Entscheidung erfassen" }).ClickAsync();
        await seite.WaitForURLAsync(u => u.Contains("?id=", StringComparison.Ordinal));

        (await seite.Locator("#vergleich").InnerTextAsync()).ShouldBe("Vorher und nachher: Terminvergabe der Ausländerbehörde online");
        var tests = await seite.Locator("table:has(caption:text('Log-Rank-Test')) tbody tr").EvaluateAllAsync<string[][]>(
            "rs => rs.map(r => [...r.children].map(c => c.textContent.trim()))");
        var mitTest = tests.Where(r => r.Length == 6).ToList();
        ausgabe.WriteLine(string.Join(Environment.NewLine, tests.Select(r => string.Join(" | ", r))));
        mitTest.ShouldNotBeEmpty("at 300 clients over eight years at least one milestone is published in both periods");
        mitTest.ShouldAllBe(r => r[5].StartsWith("p = ", StringComparison.Ordinal));
        (await seite.Locator("figure svg[aria-label^='Kaplan-Meier-Kurven vorher und nachher']").CountAsync()).ShouldBe(mitTest.Count);
        (await seite.Locator(".vergleich").InnerTextAsync()).ShouldContain("Vorsicht: Der Test zeigt nicht, dass die Entscheidung den Unterschied bewirkt hat");
        await BrowserFixture.BarrierefreiAsync(seite, "/Analysen/Entscheidungen?id=…");
        await BrowserFixture.ScreenshotAsync(seite, "13d-analysen-entscheidung");

        // The API gives the same comparison: the same milestones with a test and the same statistics.
        var id = seite.Url.Split("?id=")[1].Split('#')[0];
        var api = await fx.ApiAsync();
        using var antwort = await api.GetAsync($"/api/analysen/entscheidungen/{id}/vergleich");
        var json = await antwort.Content.ReadAsStringAsync();
        antwort.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, json);
        using var d = JsonDocument.Parse(json);
        var v = d.RootElement.GetProperty("vergleich");
        v.GetProperty("gesperrt").GetBoolean().ShouldBeFalse();
        var statistiken = v.GetProperty("dauern").EnumerateArray().Where(x => x.GetProperty("logRank").ValueKind == JsonValueKind.Object)
            .Select(x => x.GetProperty("logRank").GetProperty("statistik").GetDouble().ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))).ToList();
        statistiken.ShouldBe(mitTest.Select(r => r[3]).ToList());
        d.RootElement.GetProperty("vorherBis").GetString().ShouldBe(giltAb.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await seite.Context.CloseAsync();
    }

    [Fact]
    public async Task Vergleich_OfTwoSelectionsChosenOnThePage_ShowsBothWithLogRankAndCurves_AsTheApiDoes_AndPassesAxe()
    {
        var seite = await fx.SeiteAsync(AnalysenSeiten.Vergleich.Pfad);
        (await seite.Locator("nav.analysen-navigation a[aria-current=page]").InnerTextAsync()).ShouldBe("Vergleich");
        (await seite.Locator(".vergleich").CountAsync()).ShouldBe(0, "nothing is computed before the form is sent");

        // Refused first: "bis" before "von" in B, named per field and selection, nothing computed.
        await seite.GetByRole(AriaRole.Group, new() { Name = "Auswahl B" }).GetByLabel("Aufnahme von").FillAsync("2024-02-01");
        await seite.GetByRole(AriaRole.Group, new() { Name = "Auswahl B" }).GetByLabel("bis", new() { Exact = true }).FillAsync("2024-01-01");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        (await seite.Locator("[role=alert]").InnerTextAsync()).ShouldContain("Auswahl B: „bis“ darf nicht vor „von“ liegen.");
        (await seite.Locator("#b-bis").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await seite.Locator(".vergleich").CountAsync()).ShouldBe(0);
        await BrowserFixture.BarrierefreiAsync(seite, "/Analysen/Vergleich (Fehler)");

        // Young adults against the older ones, all periods.
        await seite.GetByRole(AriaRole.Group, new() { Name = "Auswahl B" }).GetByLabel("Aufnahme von").FillAsync("");
        await seite.GetByRole(AriaRole.Group, new() { Name = "Auswahl B" }).GetByLabel("bis", new() { Exact = true }).FillAsync("");
        await seite.GetByRole(AriaRole.Group, new() { Name = "Auswahl A" }).GetByLabel("Altersgruppe bei Aufnahme").SelectOptionAsync("JungeErwachsene");
        await seite.GetByRole(AriaRole.Group, new() { Name = "Auswahl B" }).GetByLabel("Altersgruppe bei Aufnahme").SelectOptionAsync("Aeltere");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        await seite.Locator("#vergleich").WaitForAsync();

        (await seite.Locator("#vergleich").InnerTextAsync()).ShouldBe("A (junge Erwachsene) und B (älter als junge Erwachsene)");
        var tests = await seite.Locator("table:has(caption:text('Log-Rank-Test')) tbody tr").EvaluateAllAsync<string[][]>(
            "rs => rs.map(r => [...r.children].map(c => c.textContent.trim()))");
        var mitTest = tests.Where(r => r.Length == 6).ToList();
        ausgabe.WriteLine(string.Join(Environment.NewLine, tests.Select(r => string.Join(" | ", r))));
        mitTest.ShouldNotBeEmpty("at 300 clients over eight years both age groups reach at least one milestone often enough");
        mitTest.ShouldAllBe(r => r[5].StartsWith("p = ", StringComparison.Ordinal));
        (await seite.Locator("figure svg[aria-label^='Kaplan-Meier-Kurven A und B']").CountAsync()).ShouldBe(mitTest.Count);
        (await seite.Locator("table:has(caption:text('Anteil der Fälle im idealen Fallverlauf: A und B')) tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        var text = await seite.Locator(".vergleich").InnerTextAsync();
        text.ShouldContain("zwei getrennten Gruppen (kein Fall gehört zu beiden)");
        text.ShouldNotContain("Stichtag", Case.Sensitive, "the decision's explanation belongs to the decisions page");
        await BrowserFixture.BarrierefreiAsync(seite, "/Analysen/Vergleich?…");
        await BrowserFixture.ScreenshotAsync(seite, "13e-analysen-vergleich");

        // The page's address is the API's query: the same selections give the same statistics.
        var abfrage = new Uri(seite.Url).Query;
        abfrage.ShouldContain("a.altersgruppe=JungeErwachsene");
        var api = await fx.ApiAsync();
        using var antwort = await api.GetAsync("/api/analysen/vergleich" + abfrage);
        var json = await antwort.Content.ReadAsStringAsync();
        antwort.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, json);
        using var d = JsonDocument.Parse(json);
        d.RootElement.GetProperty("gesperrt").GetBoolean().ShouldBeFalse();
        var statistiken = d.RootElement.GetProperty("dauern").EnumerateArray().Where(x => x.GetProperty("logRank").ValueKind == JsonValueKind.Object)
            .Select(x => x.GetProperty("logRank").GetProperty("statistik").GetDouble().ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))).ToList();
        statistiken.ShouldBe(mitTest.Select(r => r[3]).ToList());

        // Overlapping selections (all Fälle and the young adults among them) are not compared, and the page says why.
        await seite.GotoAsync(AnalysenSeiten.Vergleich.Pfad + "?vergleichen=1&b.altersgruppe=JungeErwachsene");
        (await seite.Locator(".vergleich [role=status]").InnerTextAsync()).ShouldBe(Application.Analysen.AnalysenHandler.UeberschneidungsHinweis);
        (await seite.Locator(".vergleich table").CountAsync()).ShouldBe(0);
        await seite.Context.CloseAsync();
    }

    private static double Breite(string viewBox) => double.Parse(viewBox.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The demo size: 300 clients over eight years (as the Development start seeds).</summary>
    public sealed class Demo() : KarteFixture(300);
}

/// <summary>The default process map on a generated set of 25,000 Fälle: the same checks as at demo size.</summary>
public sealed class ProzesslandkarteGrossBrowserTests(ProzesslandkarteGrossBrowserTests.Gross fx, ITestOutputHelper ausgabe) : IClassFixture<ProzesslandkarteGrossBrowserTests.Gross>
{
    [Theory]
    [InlineData("")]
    [InlineData("Prozess")]
    [InlineData("Aufenthalt")]
    public async Task Karte_On25000Faelle_DefaultViewHasNoOverlappingNodeBoxes_AllInsideTheDrawingAndFrame_ReadableLabels(string spur)
    {
        var seite = await fx.SeiteAsync(KarteSeiten.Pfad(spur));

        var messung = await KarteSeiten.MessenAsync(seite);
        ausgabe.WriteLine(messung.ToString());
        KarteSeiten.Pruefen(messung, spur);
        (await KarteSeiten.DatenAsync(seite)).Faelle.ShouldBeGreaterThanOrEqualTo(25_000);

        await KarteSeiten.ReglerAsync(seite, "#regler-schritte", 100);
        var hundert = await KarteSeiten.KantenAsync(seite);
        await KarteSeiten.ReglerAsync(seite, "#regler-schritte", 0);
        (await KarteSeiten.KantenAsync(seite)).ShouldBeLessThan(hundert);
        await seite.Context.CloseAsync();
    }

    /// <summary>25,000 clients (one Fall each) over eight years.</summary>
    public sealed class Gross() : KarteFixture(25_000);
}

/// <summary>What the page's drawing looks like, measured in the browser.</summary>
public sealed record KarteMessung(int Knoten, int Kanten, double[][] Boxen, double[] Zeichnung, double[] Rahmen, double KleinsteSchrift, string Ausgeblendet)
{
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Knoten} Knoten, {Kanten} Kanten, Zeichnung {string.Join(",", Zeichnung.Select(z => Math.Round(z)))}, Rahmen {string.Join(",", Rahmen.Select(z => Math.Round(z)))}, kleinste Schrift {KleinsteSchrift:0.0} px; {Ausgeblendet}");
}

/// <summary>Helpers of the map tests: open, measure, check, move a slider.</summary>
internal static class KarteSeiten
{
    /// <summary>Below this a label is not readable (px on screen; the boxes' text is 13 px at scale 1).</summary>
    private const double MindestSchriftPx = 9;

    public static string Pfad(string spur) => spur.Length == 0 ? "/Analysen/Prozesslandkarte" : $"/Analysen/Prozesslandkarte?spur={spur}";

    public static async Task<KarteMessung> MessenAsync(IPage seite)
    {
        var json = await seite.EvaluateAsync<string>("""
            () => {
              const box = (r) => [r.left, r.top, r.right, r.bottom];
              const svg = document.querySelector('#karte-rahmen svg');
              const knoten = [...svg.querySelectorAll('g.knoten rect')].map(r => box(r.getBoundingClientRect()));
              const schrift = Math.min(...[...svg.querySelectorAll('g.knoten tspan, g.kante text')].map(t => t.getBoundingClientRect().height));
              return JSON.stringify({
                knoten: knoten.length,
                kanten: svg.querySelectorAll('g.kante').length,
                boxen: knoten,
                zeichnung: box(svg.getBoundingClientRect()),
                rahmen: box(document.querySelector('#karte-rahmen').getBoundingClientRect()),
                schrift,
                ausgeblendet: document.querySelector('#karte-ausgeblendet').textContent,
              });
            }
            """);
        using var d = JsonDocument.Parse(json);
        var r = d.RootElement;
        double[] Box(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
        return new KarteMessung(
            r.GetProperty("knoten").GetInt32(), r.GetProperty("kanten").GetInt32(), r.GetProperty("boxen").EnumerateArray().Select(Box).ToArray(),
            Box(r.GetProperty("zeichnung")), Box(r.GetProperty("rahmen")), r.GetProperty("schrift").GetDouble(), r.GetProperty("ausgeblendet").GetString()!);
    }

    /// <summary>No two node boxes intersect; every box lies inside the drawing, the drawing inside its frame; labels readable.</summary>
    public static void Pruefen(KarteMessung m, string was)
    {
        m.Knoten.ShouldBeGreaterThanOrEqualTo(3, was);
        m.Kanten.ShouldBeGreaterThan(0, was);
        for (var i = 0; i < m.Boxen.Length; i++)
        {
            var a = m.Boxen[i];
            (a[0] >= m.Zeichnung[0] - 0.5 && a[1] >= m.Zeichnung[1] - 0.5 && a[2] <= m.Zeichnung[2] + 0.5 && a[3] <= m.Zeichnung[3] + 0.5)
                .ShouldBeTrue($"{was}: Knoten {i} [{string.Join(",", a)}] außerhalb der Zeichnung [{string.Join(",", m.Zeichnung)}]");
            for (var j = i + 1; j < m.Boxen.Length; j++)
            {
                var b = m.Boxen[j];
                var ueberlappen = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                ueberlappen.ShouldBeFalse($"{was}: Knoten {i} [{string.Join(",", a)}] und {j} [{string.Join(",", b)}] überlappen");
            }
        }

        (m.Zeichnung[0] >= m.Rahmen[0] - 0.5 && m.Zeichnung[1] >= m.Rahmen[1] - 0.5 && m.Zeichnung[2] <= m.Rahmen[2] + 0.5 && m.Zeichnung[3] <= m.Rahmen[3] + 0.5)
            .ShouldBeTrue($"{was}: Zeichnung [{string.Join(",", m.Zeichnung)}] ragt aus dem Rahmen [{string.Join(",", m.Rahmen)}]");
        m.KleinsteSchrift.ShouldBeGreaterThanOrEqualTo(MindestSchriftPx, $"{was}: Beschriftung zu klein zum Lesen");
    }

    public static Task<int> KantenAsync(IPage seite) => seite.Locator("#karte-rahmen svg g.kante").CountAsync();

    /// <summary>States (besides Beginn and Ende) and the Fälle of the published map, from the page's data.</summary>
    public static async Task<(int Knoten, long Faelle)> DatenAsync(IPage seite)
    {
        using var d = JsonDocument.Parse(await seite.Locator("#karte-daten").TextContentAsync() ?? "{}");
        var knoten = d.RootElement.GetProperty("knoten").EnumerateArray().ToList();
        var beginn = knoten.First(k => k.GetProperty("rand").GetBoolean());
        return (knoten.Count, beginn.GetProperty("faelle").ValueKind == JsonValueKind.Number ? beginn.GetProperty("faelle").GetInt64() : 0);
    }

    /// <summary>Moves a slider as a person does (focus, then keys Home/End or arrows) and waits for the new drawing.</summary>
    public static async Task ReglerAsync(IPage seite, string regler, int prozent)
    {
        var svg = await seite.Locator("#karte-rahmen svg").ElementHandleAsync();
        await seite.Locator(regler).FocusAsync();
        var jetzt = int.Parse(await seite.Locator(regler).InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        if (jetzt == prozent)
        {
            return;
        }

        await seite.Keyboard.PressAsync(prozent == 0 ? "Home" : prozent == 100 ? "End" : prozent > jetzt ? "ArrowRight" : "ArrowLeft");
        // The drawing is replaced once the new layout is done.
        await seite.WaitForFunctionAsync("alt => { const s = document.querySelector('#karte-rahmen svg'); return s && s !== alt; }", svg);
    }
}

/// <summary>
/// An app of its own over a database filled by the demo generator (not the shared browser app: its pages would show the
/// generated Fälle), a Lenkungsgruppe account signed in once through the login page, and a Chromium.
/// </summary>
public abstract class KarteFixture(int klienten) : IAsyncLifetime
{
    private TestDatabase? _datenbank;
    private KimWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _sitzung;
    private TestKonto? _konto;
    private HttpClient? _api;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _datenbank = await cluster.CreateDatabaseAsync("karte");
        var uhr = Stopwatch.StartNew();
        var optionen = new DemodatenOptionen { Klienten = klienten, Jahre = 8, Seed = 42, Heute = BrowserFixture.BenachrichtigungsHeute() };
        await DemodatenLader.LadenAsync(_datenbank.OwnerConnectionString, new DemodatenGenerator(optionen), null, CancellationToken.None);
        Console.Error.WriteLine($"Prozesslandkarte: {klienten} Klient*innen in {uhr.Elapsed.TotalSeconds:0} s erzeugt.");
        _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(_datenbank.AppConnectionString, _datenbank.OwnerConnectionString));
        _factory.StartServer();
        var konto = _konto = await _factory.KontoAsync("lg.kartentest", Rolle.Lenkungsgruppe);
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.ChromiumAsync(_playwright);
        var kontext = await BrowserFixture.KontextAsync(_browser, _factory);
        await BrowserFixture.UeberAnmeldeseiteAsync(_factory, kontext, konto);
        _sitzung = await kontext.StorageStateAsync();
        await kontext.CloseAsync();
    }

    /// <summary>An API client of the same Lenkungsgruppe account (bearer token).</summary>
    public async Task<HttpClient> ApiAsync() => _api ??= await _factory!.AngemeldetAsync(_konto!);

    /// <summary>A page of a new signed-in context at <paramref name="pfad"/>; on a map page, after the map is drawn.</summary>
    public async Task<IPage> SeiteAsync(string pfad)
    {
        var kontext = await BrowserFixture.KontextAsync(_browser!, _factory!, _sitzung);
        kontext.SetDefaultTimeout(60_000);
        var seite = await kontext.NewPageAsync();
        await seite.GotoAsync(pfad, new PageGotoOptions { Timeout = 180_000 });
        if (pfad.StartsWith("/Analysen/Prozesslandkarte", StringComparison.Ordinal))
        {
            await seite.Locator("[data-prozesskarte][data-gezeichnet]").WaitForAsync();
            (await seite.Locator("[data-prozesskarte]").GetAttributeAsync("data-gezeichnet")).ShouldBe("ja", "the map was drawn without an error");
        }

        return seite;
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_datenbank is not null)
        {
            await _datenbank.DisposeAsync();
        }
    }
}
