using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>The administration's page for partner systems (ADR 0010): register with the secret shown once, refusals at the fields, disable; axe on every state.</summary>
[Collection(BrowserSammlung.Name)]
public sealed class PartnersystemeBrowserTests(BrowserFixture fx)
{
    [Fact]
    public async Task Partnersysteme_WhenTheAdministrationRegistersAndDisablesOne_TheShownSecretWorksUntilDisabled()
    {
        var seite = await fx.AngemeldetAsync(fx.Administration, "/Admin");
        await seite.GetByRole(AriaRole.Link, new() { Name = "Partnersysteme der Behörden verwalten" }).ClickAsync();
        await Expect(seite.GetByRole(AriaRole.Heading, new() { Name = "Partnersysteme", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.BarrierefreiAsync(seite, "Partnersysteme");

        // Refused: an id with capitals and no Behörde; the messages stand at the fields.
        await seite.GetByLabel("Kennung").FillAsync("Falsch Geschrieben");
        await seite.GetByLabel("Name des Fachverfahrens").FillAsync("Fachverfahren ABH");
        await seite.GetByRole(AriaRole.Button, new() { Name = "Registrieren" }).ClickAsync();
        await Expect(seite.Locator("main")).ToContainTextAsync("Die Kennung besteht aus 3 bis 64 Kleinbuchstaben");
        await Expect(seite.Locator("main")).ToContainTextAsync("Bitte wählen Sie die Partnerbehörde.");
        await BrowserFixture.BarrierefreiAsync(seite, "Partnersysteme mit Fehlern");

        await seite.GetByLabel("Kennung").FillAsync("abh-browser");
        await seite.GetByLabel("Behörde", new() { Exact = true }).SelectOptionAsync("Auslaenderbehoerde");
        await seite.GetByLabel("Darf Schritte auf der Spur der Behörde ausführen").CheckAsync();
        await seite.GetByRole(AriaRole.Button, new() { Name = "Registrieren" }).ClickAsync();
        await Expect(seite.GetByText("Das Partnersystem ist registriert.")).ToBeVisibleAsync();
        var geheimnis = await seite.GetByLabel("Geheimnis", new() { Exact = true }).InputValueAsync();
        geheimnis.Length.ShouldBe(43);
        await Expect(seite.GetByRole(AriaRole.Row).Filter(new() { HasText = "abh-browser" })).ToContainTextAsync("kim.partner.aufenthalt");
        await BrowserFixture.BarrierefreiAsync(seite, "Partnersysteme mit neuem Geheimnis");

        (await TokenStatusAsync("abh-browser", geheimnis)).ShouldBe(HttpStatusCode.OK);

        await seite.GotoAsync("/Admin/Partnersysteme");
        (await seite.Locator("main").TextContentAsync())!.ShouldNotContain(geheimnis, customMessage: "das Geheimnis wird nur einmal gezeigt");
        await seite.GetByRole(AriaRole.Row).Filter(new() { HasText = "abh-browser" }).GetByRole(AriaRole.Button, new() { Name = "Sperren" }).ClickAsync();
        await Expect(seite.GetByText("Das Partnersystem ist gesperrt")).ToBeVisibleAsync();
        await Expect(seite.GetByRole(AriaRole.Row).Filter(new() { HasText = "abh-browser" })).ToContainTextAsync("gesperrt");

        (await TokenStatusAsync("abh-browser", geheimnis)).ShouldBe(HttpStatusCode.BadRequest);

        // Other roles do not reach the page.
        var fm = await fx.AngemeldetAsync(fx.FmA, "/Admin/Partnersysteme");
        await Expect(fm.GetByRole(AriaRole.Heading, new() { Name = "Kein Zugriff" })).ToBeVisibleAsync();
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string clientId, string geheimnis)
    {
        using var client = fx.Factory.NeuerClient();
        using var antwort = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = geheimnis,
            ["scope"] = "kim.partner.lesen",
        }));
        return antwort.StatusCode;
    }
}
