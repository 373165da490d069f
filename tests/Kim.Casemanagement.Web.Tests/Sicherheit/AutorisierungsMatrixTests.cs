using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// SECURITY.md "Roles × actions" walked cell by cell: every API endpoint × every role × every scenario Fall (own,
/// foreign, consented, unconsented, withdrawn consent, deputised) against the running app, with real sign-ins. A Fall
/// the caller may not see must answer 404 (the same answer as a Fall that does not exist), an action the caller may not
/// take 403, no sign-in 401. Allowed writes run on a fresh copy of the scenario Fall; denied writes must leave the
/// shared Fall's version untouched. An endpoint of the app that the matrix does not name fails the build of trust.
/// </summary>
public sealed class AutorisierungsMatrixTests(AutorisierungsMatrixFixture fx) : IClassFixture<AutorisierungsMatrixFixture>
{
    private const string FallUnsichtbar = "Der Fall wurde nicht gefunden.";

    public static TheoryData<string, string, string, string> Zellen()
    {
        var daten = new TheoryData<string, string, string, string>();
        foreach (var endpunkt in AutorisierungsMatrixTabelle.Endpunkte)
        {
            foreach (var ((rolle, szenario), erwartet) in endpunkt.Zellen.OrderBy(z => z.Key.Szenario).ThenBy(z => z.Key.Rolle))
            {
                daten.Add(
                    endpunkt.Anzeige,
                    AutorisierungsMatrixTabelle.Bezeichnung(rolle),
                    AutorisierungsMatrixTabelle.Bezeichnung(szenario),
                    AutorisierungsMatrixTabelle.Bezeichnung(erwartet));
            }
        }

        return daten;
    }

    [Theory]
    [MemberData(nameof(Zellen))]
    public async Task Zelle_WhenTheRoleCallsTheEndpointOnTheScenario_AnswersAsSecurityMdSays(string endpunkt, string rolle, string szenario, string erwartet)
    {
        var e = AutorisierungsMatrixTabelle.Finden(endpunkt);
        var r = AutorisierungsMatrixTabelle.RolleAus(rolle);
        var s = AutorisierungsMatrixTabelle.SzenarioAus(szenario);
        var soll = AutorisierungsMatrixTabelle.ErgebnisAus(erwartet);
        var zelle = $"{endpunkt} als {rolle} auf „{szenario}“";

        SzenarioFall? fall = null;
        if (e.FallBezogen)
        {
            var szenarioFall = s ?? throw new InvalidOperationException($"{zelle}: ein Fall-Endpunkt ohne Szenario.");
            fall = e.Schreibend && soll == MatrixErgebnis.Ok ? await fx.FrischAsync(szenarioFall) : fx.Geteilt(szenarioFall);
        }

        var versionVorher = fall is null ? 0 : await fx.VersionAsync(fall.FallId);

        using var antwort = await AutorisierungsMatrixAnfragen.Nach[e.Name](new MatrixKontext(fx, r, fall));
        var status = (int)antwort.StatusCode;
        var body = await antwort.Content.ReadAsStringAsync();
        var kurz = body.Length > 400 ? body[..400] + "…" : body;
        var ist = AutorisierungsMatrixTabelle.Einordnen(status);

        ist.ShouldBe(soll, $"{zelle}: SECURITY.md erwartet {erwartet}, die Anwendung antwortet {status}. {kurz}");

        if (fall is not null && soll == MatrixErgebnis.NichtGefunden404)
        {
            // No existence leak: the same answer as for a Fall that does not exist.
            var problem = JsonNode.Parse(body)!;
            problem["detail"]?.GetValue<string>().ShouldBe(FallUnsichtbar, $"{zelle}: die 404 muss die eines nicht vorhandenen Falls sein. {kurz}");
        }

        if (fall is not null && e.Schreibend)
        {
            var versionNachher = await fx.VersionAsync(fall.FallId);
            if (soll == MatrixErgebnis.Ok)
            {
                versionNachher.ShouldBeGreaterThan(versionVorher, $"{zelle}: der erlaubte Schreibzugriff hat den Fall nicht geändert.");
            }
            else
            {
                versionNachher.ShouldBe(versionVorher, $"{zelle}: ein abgewiesener Schreibzugriff hat den Fall trotzdem geändert.");
            }
        }

        if (e.Name == "FaelleListe" && soll == MatrixErgebnis.Ok)
        {
            ListeZeigtGenauDieLesbarenSzenarien(r, rolle, JsonNode.Parse(body)!);
        }
    }

    [Fact]
    public void Matrix_WhenComparedWithTheRunningApp_NamesEveryEndpointAndNoOther()
    {
        var app = fx.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methoden ? methoden : ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var matrix = AutorisierungsMatrixTabelle.Endpunkte.Select(e => e.Route).ToHashSet(StringComparer.Ordinal);

        var fehlen = app.Except(matrix).Order(StringComparer.Ordinal).ToArray();
        var zuviel = matrix.Except(app).Order(StringComparer.Ordinal).ToArray();

        (fehlen.Length + zuviel.Length).ShouldBe(
            0,
            (fehlen.Length > 0 ? $"Endpunkte ohne Eintrag in der Autorisierungsmatrix (bitte in AutorisierungsMatrixTabelle und SECURITY.md ergänzen):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", fehlen)}{Environment.NewLine}" : string.Empty)
            + (zuviel.Length > 0 ? $"Matrixeinträge ohne Endpunkt in der Anwendung:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", zuviel)}" : string.Empty));
    }

    [Fact]
    public void Matrix_WhenRead_HasARequestForEveryRowAndEveryRoleInEveryRow()
    {
        var ohneAnfrage = AutorisierungsMatrixTabelle.Endpunkte.Where(e => !AutorisierungsMatrixAnfragen.Nach.ContainsKey(e.Name)).Select(e => e.Anzeige).ToArray();
        var ohneZeile = AutorisierungsMatrixAnfragen.Nach.Keys.Where(n => AutorisierungsMatrixTabelle.Endpunkte.All(e => e.Name != n)).ToArray();
        var unvollstaendig = AutorisierungsMatrixTabelle.Endpunkte
            .Where(e => AutorisierungsMatrixTabelle.Rollen.Any(r => e.Zellen.Keys.All(k => k.Rolle != r)))
            .Select(e => e.Anzeige)
            .ToArray();

        ohneAnfrage.ShouldBeEmpty("Matrixzeilen ohne Anfrage");
        ohneZeile.ShouldBeEmpty("Anfragen ohne Matrixzeile");
        unvollstaendig.ShouldBeEmpty("Matrixzeilen, in denen eine Rolle fehlt");
        AutorisierungsMatrixTabelle.Endpunkte.Select(e => e.Anzeige).ShouldBeUnique();
    }

    /// <summary>The list holds exactly the shared scenario Fälle the matrix lets the role read (no existence leak in the list either).</summary>
    private void ListeZeigtGenauDieLesbarenSzenarien(MatrixRolle rolle, string bezeichnung, JsonNode seite)
    {
        var ids = seite["eintraege"]!.AsArray().Select(z => z!["id"]!.GetValue<Guid>()).ToHashSet();
        var lesen = AutorisierungsMatrixTabelle.Endpunkte.Single(e => e.Name == "FallLesen");
        var falsch = AutorisierungsMatrixTabelle.Spalten
            .Select(s => (Szenario: s, Lesbar: lesen.Zellen[(rolle, s)] == MatrixErgebnis.Ok, Gelistet: ids.Contains(fx.Geteilt(s).FallId)))
            .Where(x => x.Lesbar != x.Gelistet)
            .Select(x => $"„{AutorisierungsMatrixTabelle.Bezeichnung(x.Szenario)}“ {(x.Gelistet ? "gelistet, obwohl nicht lesbar" : "lesbar, aber nicht gelistet")}")
            .ToArray();

        falsch.ShouldBeEmpty($"GET /api/faelle als {bezeichnung}");
    }
}
