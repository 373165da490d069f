using System.Net;
using System.Text.RegularExpressions;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// Every link a role is shown leads somewhere that role may go: starting at the home page, each role follows every
/// same-site link of every page it reaches (pages, exports, API links) on the matrix's scenario Fälle, and each answers
/// with success. A link to a page that refuses, fails or is missing is a defect of the page that shows it.
/// </summary>
public sealed partial class LinkPruefungTests(AutorisierungsMatrixFixture fx) : IClassFixture<AutorisierungsMatrixFixture>
{
    /// <summary>Bounds the walk per role (the scenario has a dozen Fälle; each Fall has a handful of pages).</summary>
    private const int HoechstensSeiten = 400;

    public static TheoryData<string> Rollen() => [.. Enum.GetNames<MatrixRolle>().Where(r => r != nameof(MatrixRolle.Anonym))];

    [Theory]
    [MemberData(nameof(Rollen))]
    public async Task JedeVerknuepfung_DieEineRolleSieht_FuehrtZuEinerSeiteDieSieAufrufenDarf(string rolle)
    {
        var client = fx.Client(Enum.Parse<MatrixRolle>(rolle));
        var besucht = new HashSet<string>(StringComparer.Ordinal);
        var offen = new Queue<(string Pfad, string Von)>([("/", "Start")]);
        var fehler = new List<string>();
        var nichtMehrSichtbar = 0;
        while (offen.TryDequeue(out var naechste) && besucht.Count < HoechstensSeiten)
        {
            if (!besucht.Add(naechste.Pfad))
            {
                continue;
            }

            using var antwort = await client.GetAsync(naechste.Pfad);
            if (antwort.StatusCode == HttpStatusCode.NotFound && naechste.Von == "/Benachrichtigungen" && FallSeite().IsMatch(naechste.Pfad)
                && WebUtility.HtmlDecode(await antwort.Content.ReadAsStringAsync()).Contains(Web.Oberflaeche.SeitenFehlerFilter.FallNichtSichtbar, StringComparison.Ordinal))
            {
                // A notice stays in the inbox after its Fall stopped being visible to the person (the scenario "Widerrufen":
                // the partner's consent withdrawn after the notice); the page says why, without telling whether the Fall exists.
                nichtMehrSichtbar++;
                continue;
            }

            if (antwort.StatusCode != HttpStatusCode.OK)
            {
                fehler.Add($"{naechste.Pfad} (verlinkt auf {naechste.Von}): {(int)antwort.StatusCode}");
                continue;
            }

            if (antwort.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await antwort.Content.ReadAsStringAsync();
            foreach (Match m in Verknuepfung().Matches(html))
            {
                var ziel = WebUtility.HtmlDecode(m.Groups[1].Value);
                var ohneAnker = ziel.Split('#')[0];
                if (ohneAnker.Length > 0 && !Ausgenommen(ohneAnker) && !besucht.Contains(ohneAnker))
                {
                    offen.Enqueue((ohneAnker, naechste.Pfad));
                }
            }
        }

        besucht.Count.ShouldBeGreaterThan(1, $"{rolle}: die Startseite zeigt keine Verknüpfung.");
        fehler.ShouldBeEmpty($"{rolle}: {besucht.Count} Seiten besucht.");
        nichtMehrSichtbar.ShouldBe(rolle is nameof(MatrixRolle.PartnerJc) ? 1 : 0, "Benachrichtigungen zu Fällen, die nicht mehr sichtbar sind (nur der widerrufene Fall des Jobcenters)");
    }

    /// <summary>Static files, and links a person follows only with intent (sign-out is a form post anyway; the API description is not a page of the product).</summary>
    private static bool Ausgenommen(string pfad) =>
        pfad.StartsWith("/css/", StringComparison.Ordinal) || pfad.StartsWith("/js/", StringComparison.Ordinal)
        || pfad.StartsWith("/dist/", StringComparison.Ordinal) || pfad.StartsWith("/lib/", StringComparison.Ordinal)
        || pfad.StartsWith("/favicon", StringComparison.Ordinal) || pfad.StartsWith("/Konto/Abmelden", StringComparison.Ordinal)
        || pfad.StartsWith("/api-doku", StringComparison.Ordinal) || pfad.StartsWith("/openapi/", StringComparison.Ordinal);

    [GeneratedRegex("^/Faelle/[0-9a-f-]{36}$")]
    private static partial Regex FallSeite();

    /// <summary>A same-site link: <c>href="/…"</c> (not <c>//host</c>).</summary>
    [GeneratedRegex("href=\"(/(?!/)[^\"]*)\"")]
    private static partial Regex Verknuepfung();
}
