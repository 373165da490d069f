using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Browser;

/// <summary>
/// The UI pages × roles, as SECURITY.md's matrix says for the API behind them (the authorisation matrix test covers API
/// and hub endpoints; Razor pages are checked here): 200 where the role works, 403 page for a function the role has
/// not, 404 page for a Fall the role may not see, the login page without sign-in.
/// </summary>
[Collection(BrowserSammlung.Name)]
public sealed class SeitenZugriffBrowserTests(BrowserFixture fx)
{
    [Fact]
    public async Task Seiten_WhenOpenedByEachRole_AnswerAsTheMatrixSays()
    {
        var fallId = await fx.FallAsync("Seitenmatrix");
        var akte = $"/Faelle/{fallId}";
        var schritt = $"/Faelle/{fallId}/Schritt?spur=Prozess&trigger=Klaeren";
        var stammdaten = $"/Faelle/{fallId}/Stammdaten";
        var erwartet = new (TestKonto? Konto, string Rolle, Dictionary<string, int> Seiten)[]
        {
            (fx.FmA, "Fallmanagement", new() { ["/"] = 200, ["/Faelle"] = 200, ["/Faelle/Aufnahme"] = 200, ["/Teamleitung"] = 403, ["/Admin"] = 403, ["/Analysen"] = 403, ["/Analysen/Vergleich"] = 403, ["/Benachrichtigungen"] = 200, [akte] = 200, [schritt] = 200, [stammdaten] = 200 }),
            (fx.Teamleitung, "Teamleitung", new() { ["/Faelle"] = 200, ["/Faelle/Aufnahme"] = 200, ["/Teamleitung"] = 200, ["/Admin"] = 403, ["/Analysen"] = 403, [akte] = 200, [stammdaten] = 403 }),
            (fx.Jobcenter, "Partner ohne Einwilligung", new() { ["/Faelle"] = 200, ["/Faelle/Aufnahme"] = 403, ["/Teamleitung"] = 403, ["/Admin"] = 403, ["/Analysen"] = 403, [akte] = 404, [schritt] = 404, [stammdaten] = 404 }),
            (fx.Administration, "Administration", new() { ["/Faelle"] = 403, ["/Faelle/Aufnahme"] = 403, ["/Teamleitung"] = 403, ["/Admin"] = 200, ["/Analysen"] = 403, [akte] = 404, [stammdaten] = 404 }),
            (fx.Lenkungsgruppe, "Lenkungsgruppe", new() { ["/"] = 200, ["/Analysen"] = 200, ["/Analysen/Vergleich"] = 200, ["/Faelle"] = 403, ["/Faelle/Aufnahme"] = 403, ["/Teamleitung"] = 403, ["/Admin"] = 403, [akte] = 404, [schritt] = 404 }),
        };

        var fehler = new List<string>();
        foreach (var (konto, rolle, seiten) in erwartet)
        {
            var seite = await fx.AngemeldetAsync(konto!, "/");
            foreach (var (pfad, status) in seiten)
            {
                var antwort = await seite.GotoAsync(pfad);
                if (antwort!.Status != status)
                {
                    fehler.Add($"{rolle} {pfad}: erwartet {status}, bekommen {antwort.Status}");
                }
            }

            await seite.Context.CloseAsync();
        }

        await using var anonym = await fx.KontextAsync();
        var ohne = await anonym.NewPageAsync();
        foreach (var pfad in new[] { "/", "/Faelle", akte, stammdaten, "/Teamleitung", "/Admin", "/Analysen", "/Benachrichtigungen" })
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
