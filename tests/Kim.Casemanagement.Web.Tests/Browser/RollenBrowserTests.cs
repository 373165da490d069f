using System.Net.Http.Json;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>Team lead, partner authority, administration and the inbox in the browser.</summary>
[Collection(BrowserSammlung.Name)]
public sealed class RollenBrowserTests(BrowserFixture fx)
{
    [Fact]
    public async Task Teamleitung_WhenReassigningAFall_TheNewCaseManagerIsNotifiedLive()
    {
        var fallId = await fx.FallAsync("Zuweisungsprobe");
        var neue = await fx.AngemeldetAsync(fx.FmB, "/Benachrichtigungen");
        await Expect(neue.Locator("body[data-live='verbunden']")).ToHaveCountAsync(1);
        var vorher = await neue.Locator("#ungelesen-zahl").TextContentAsync();

        var tl = await fx.AngemeldetAsync(fx.Teamleitung, "/Teamleitung");
        await Expect(tl.GetByRole(AriaRole.Heading, new() { Name = "Auslastung je Fallmanager*in" })).ToBeVisibleAsync();
        await Expect(tl.Locator("#auslastung table")).ToContainTextAsync("fm.anna");
        await BrowserFixture.BarrierefreiAsync(tl, "Teamleitung");
        await BrowserFixture.ScreenshotAsync(tl, "09-teamleitung");

        await tl.GotoAsync($"/Faelle/{fallId}");
        await tl.GetByLabel("Neu zuweisen an").SelectOptionAsync(new SelectOptionValue { Label = "fm.bernd" });
        await tl.GetByRole(AriaRole.Button, new() { Name = "Zuweisen" }).ClickAsync();
        await Expect(tl.GetByText("Der Fall ist neu zugewiesen.")).ToBeVisibleAsync();
        await Expect(tl.Locator("#zustaendigkeit")).ToContainTextAsync("Fallführung: fm.bernd");
        await BrowserFixture.BarrierefreiAsync(tl, "Fallakte (Teamleitung)");

        await Expect(neue.Locator("#toasts .toast")).ToContainTextAsync("zugewiesen");
        await Expect(neue.Locator("#ungelesen-zahl")).Not.ToHaveTextAsync(vorher ?? "0");
        await neue.ReloadAsync();
        await Expect(neue.Locator("ul.posteingang")).ToContainTextAsync("Ihnen wurde dieser Fall als fallführende Person zugewiesen.");
        await BrowserFixture.BarrierefreiAsync(neue, "Benachrichtigungen");
        await BrowserFixture.ScreenshotAsync(neue, "10-benachrichtigungen");
        await neue.GetByRole(AriaRole.Button, new() { Name = "Alle als gelesen markieren" }).ClickAsync();
        await Expect(neue.GetByText("0 ungelesene Benachrichtigungen.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Partner_WhenTheFallIsConsented_SeesOnlyTheirTrackAndProfileAndGets404Otherwise()
    {
        var eingewilligt = await fx.FallAsync("Partnerprobe", "Auslaenderbehoerde");
        var ohne = await fx.FallAsync("Ohneeinwilligung");
        var api = await fx.ApiAsync(fx.FmA);
        await api.PostAsJsonAsync($"/api/faelle/{eingewilligt}/notizen", new { text = "Vertrauliche Notiz des Case Managements" }).OkAsync();

        var seite = await fx.AngemeldetAsync(fx.Auslaenderbehoerde, "/Faelle");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Freigegebene Fälle", Level = 1 })).ToBeVisibleAsync();
        await Expect(seite.Locator("table.fallliste")).ToContainTextAsync("Partnerprobe");
        await Expect(seite.Locator("table.fallliste")).Not.ToContainTextAsync("Ohneeinwilligung");
        await BrowserFixture.BarrierefreiAsync(seite, "Partner: Fallliste");

        await seite.GotoAsync($"/Faelle/{eingewilligt}");
        await Expect(seite.Locator("article[data-spur='Aufenthalt']")).ToBeVisibleAsync();
        await Expect(seite.Locator("article[data-spur='Aufenthalt'] .schritte a").First).ToBeVisibleAsync();
        (await seite.Locator("article[data-spur='Leistungen']").CountAsync()).ShouldBe(0);
        (await seite.Locator("article[data-spur='Bildung']").CountAsync()).ShouldBe(0);
        (await seite.Locator("article[data-spur='Prozess']").CountAsync()).ShouldBe(0);
        await Expect(seite.Locator("#kompetenzprofil")).ToBeVisibleAsync();
        (await seite.Locator("#notizen, #einwilligungen, #ziele, #wiedervorlagen, #zustaendigkeit").CountAsync()).ShouldBe(0);
        await Expect(seite.Locator("main")).Not.ToContainTextAsync("Vertrauliche Notiz");
        await BrowserFixture.BarrierefreiAsync(seite, "Partner: Fallakte");
        await BrowserFixture.ScreenshotAsync(seite, "11-partneransicht");

        var antwort = await seite.GotoAsync($"/Faelle/{ohne}");
        antwort!.Status.ShouldBe(404);
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Nicht gefunden", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.BarrierefreiAsync(seite, "404-Seite");
        var schritt = await seite.GotoAsync($"/Faelle/{ohne}/Schritt?spur=Aufenthalt&trigger=AsylSuchen");
        schritt!.Status.ShouldBe(404);
        var unbekannt = await seite.GotoAsync($"/Faelle/{Guid.NewGuid()}");
        unbekannt!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task Administration_WhenDeactivatingAUser_EndsTheirAccessAndListsRolesAndTeams()
    {
        var opfer = await fx.Factory.KontoAsync("fm.weg", Kim.Casemanagement.Application.Sicherheit.Rolle.Fallmanagement, "Team A");
        var seite = await fx.AngemeldetAsync(fx.Administration, "/Admin");
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 })).ToBeVisibleAsync();
        await Expect(seite.Locator("table")).ToContainTextAsync("fm.weg");
        await Expect(seite.Locator("main")).ToContainTextAsync("Team A");
        await BrowserFixture.BarrierefreiAsync(seite, "Administration");
        await BrowserFixture.ScreenshotAsync(seite, "12-administration");

        await seite.GetByRole(AriaRole.Row).Filter(new() { HasText = "fm.weg" }).GetByRole(AriaRole.Button, new() { Name = "Deaktivieren" }).ClickAsync();
        await Expect(seite.GetByText("Das Konto ist deaktiviert")).ToBeVisibleAsync();
        await Expect(seite.GetByRole(AriaRole.Row).Filter(new() { HasText = "fm.weg" })).ToContainTextAsync("deaktiviert");

        // Other roles do not reach the administration.
        var fm = await fx.AngemeldetAsync(fx.FmA, "/Admin");
        await Expect(fm.GetByRole(AriaRole.Heading, new() { Name = "Kein Zugriff" })).ToBeVisibleAsync();
        _ = opfer;
    }

    [Fact]
    public async Task Startseite_WhenSignedIn_LinksToTheRolesPagesAndPrintStylesHideTheControls()
    {
        var fallId = await fx.FallAsync("Druckprobe");
        var seite = await fx.AngemeldetAsync(fx.FmA, "/");
        await Expect(seite.GetByRole(AriaRole.Link, new() { Name = "Meine Fälle" }).First).ToBeVisibleAsync();
        await BrowserFixture.BarrierefreiAsync(seite, "Startseite");

        await seite.GotoAsync($"/Faelle/{fallId}");
        await seite.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(seite.Locator("header.kopf")).ToBeHiddenAsync();
        await Expect(seite.Locator("article[data-spur='Prozess'] .schritte")).ToBeHiddenAsync();
        await Expect(seite.Locator("#zeitleiste")).ToBeVisibleAsync();
        await seite.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
    }
}
