namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The Lenkungsgruppe's meeting report (all analyses in one document) in the shared browser app, with the few Fälle the
/// other browser tests take in: German, accessible (axe), tables. The pages over generated data, the drawn process map and
/// axe on every page of the navigation: <see cref="ProzesslandkarteBrowserTests"/>.
/// </summary>
[Collection(BrowserSammlung.Name)]
public sealed class AnalysenBrowserTests(BrowserFixture fx)
{
    [Fact]
    public async Task Analysen_WhenOpenedByTheLenkungsgruppe_ShowsTheMeetingReportWithTablesAndPassesAxe()
    {
        var seite = await fx.AngemeldetAsync(fx.Lenkungsgruppe, "/Analysen/Bericht");

        (await seite.Locator("h1").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await seite.Locator("html").GetAttributeAsync("lang")).ShouldBe("de");
        (await seite.Locator("table").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserFixture.BarrierefreiAsync(seite, "/Analysen/Bericht");
        await seite.Context.CloseAsync();
    }
}
