namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>The Lenkungsgruppe's report page in the browser: German, accessible (axe), a graph with a table beside it.</summary>
[Collection(BrowserSammlung.Name)]
public sealed class AnalysenBrowserTests(BrowserFixture fx)
{
    [Fact]
    public async Task Analysen_WhenOpenedByTheLenkungsgruppe_ShowsTheReportWithTableAlternativesAndPassesAxe()
    {
        var seite = await fx.AngemeldetAsync(fx.Lenkungsgruppe, "/Analysen");

        (await seite.Locator("h1").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await seite.Locator("html").GetAttributeAsync("lang")).ShouldBe("de");
        (await seite.Locator("table").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserFixture.BarrierefreiAsync(seite, "/Analysen");
        await BrowserFixture.ScreenshotAsync(seite, "13-analysen");
        await seite.Context.CloseAsync();
    }
}
