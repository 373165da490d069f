using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// SECURITY.md "Roles × actions" walked cell by cell: every API endpoint × every role × every scenario Fall (own,
/// foreign, consented, unconsented, withdrawn consent, deputised) against the running app, with real sign-ins. A Fall
/// the caller may not see must answer 404 (the same answer as a Fall that does not exist), an action the caller may not
/// take 403, no sign-in 401. Allowed writes run on a fresh copy of the scenario Fall; denied writes must leave the
/// shared Fall's version untouched. An endpoint of the app that the matrix does not name (or a matrix row
/// without an endpoint) fails the completeness test: new endpoints must be added to the matrix and to SECURITY.md.
/// </summary>
public sealed class AutorisierungsMatrixTests(AutorisierungsMatrixFixture fx) : IClassFixture<AutorisierungsMatrixFixture>
{
    private const string FallUnsichtbar = "Der Fall wurde nicht gefunden.";

    public static TheoryData<AutorisierungsMatrixZelle> Zellen()
    {
        var daten = new TheoryData<AutorisierungsMatrixZelle>();
        foreach (var endpunkt in AutorisierungsMatrixTabelle.Endpunkte)
        {
            foreach (var ((rolle, szenario), erwartet) in endpunkt.Zellen.OrderBy(z => z.Key.Szenario).ThenBy(z => z.Key.Rolle))
            {
                daten.Add(new AutorisierungsMatrixZelle(
                    endpunkt.Anzeige,
                    AutorisierungsMatrixTabelle.Bezeichnung(rolle),
                    AutorisierungsMatrixTabelle.Bezeichnung(szenario),
                    AutorisierungsMatrixTabelle.Bezeichnung(erwartet)));
            }
        }

        return daten;
    }

    [Theory]
    [MemberData(nameof(Zellen))]
    public async Task Zelle_WhenTheRoleCallsTheEndpointOnTheScenario_AnswersAsSecurityMdSays(AutorisierungsMatrixZelle zelle)
    {
        ArgumentNullException.ThrowIfNull(zelle);
        var (endpunkt, rolle, szenario, erwartet) = (zelle.Endpunkt, zelle.Rolle, zelle.Szenario, zelle.Erwartet);
        var e = AutorisierungsMatrixTabelle.Finden(endpunkt);
        var r = AutorisierungsMatrixTabelle.RolleAus(rolle);
        var s = AutorisierungsMatrixTabelle.SzenarioAus(szenario);
        var soll = AutorisierungsMatrixTabelle.ErgebnisAus(erwartet);
        var ort = $"{endpunkt} als {rolle} auf „{szenario}“";

        SzenarioFall? fall = null;
        if (e.FallBezogen)
        {
            var szenarioFall = s ?? throw new InvalidOperationException($"{ort}: ein Fall-Endpunkt ohne Szenario.");
            fall = e.Schreibend && soll == MatrixErgebnis.Ok ? await fx.FrischAsync(szenarioFall) : fx.Geteilt(szenarioFall);
        }

        var versionVorher = fall is null ? 0 : await fx.VersionAsync(fall.FallId);

        using var antwort = await AutorisierungsMatrixAnfragen.Nach[e.Name](new MatrixKontext(fx, r, fall));
        var status = (int)antwort.StatusCode;
        var body = await antwort.Content.ReadAsStringAsync();
        var kurz = body.Length > 400 ? body[..400] + "…" : body;
        var ist = AutorisierungsMatrixTabelle.Einordnen(status);
        var versionNachher = fall is not null && e.Schreibend ? await fx.VersionAsync(fall.FallId) : versionVorher;
        if (fall is not null && soll != MatrixErgebnis.Ok && versionNachher != versionVorher)
        {
            // A denied write got through: later cells must not inherit the damage.
            await fx.GeteiltNeuAufbauenAsync(fall.Szenario);
        }

        ist.ShouldBe(soll, $"{ort}: SECURITY.md erwartet {erwartet}, die Anwendung antwortet {status}. {kurz}");

        if (fall is not null && soll == MatrixErgebnis.NichtGefunden404 && e.Muster.Contains("{fallId", StringComparison.Ordinal))
        {
            // No existence leak: the same answer as for a Fall that does not exist.
            var problem = JsonNode.Parse(body)!;
            (problem["detail"]?.GetValue<string>()).ShouldBe(FallUnsichtbar, $"{ort}: die 404 muss die eines nicht vorhandenen Falls sein. {kurz}");
        }

        if (fall is not null && e.Schreibend)
        {
            if (soll == MatrixErgebnis.Ok)
            {
                versionNachher.ShouldBeGreaterThan(versionVorher, $"{ort}: der erlaubte Schreibzugriff hat den Fall nicht geändert.");
            }
            else
            {
                versionNachher.ShouldBe(versionVorher, $"{ort}: ein abgewiesener Schreibzugriff hat den Fall trotzdem geändert.");
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

    /// <summary>
    /// The cross-Mandant scenario of the settings endpoints (no Mandant in path or body): the Administration of
    /// „matrix-kreis-b“ sets its own values; the Administration of the standard Kommune neither sees them nor changes them,
    /// and naming another Mandant in the body is refused (400, nothing stored).
    /// </summary>
    [Fact]
    public async Task Einstellungen_OfAnotherKommune_AreNeitherShownNorChanged()
    {
        var adminB = await fx.Factory.AngemeldetAsync(await fx.Factory.KontoAsync(fx.Eindeutig("mx.ad-kreis-b-"), Application.Sicherheit.Rolle.Administration, mandant: AutorisierungsMatrixFixture.AndererMandant));
        var adminA = fx.Client(MatrixRolle.Administration);
        (await adminB.PutAsJsonAsync("/api/admin/einstellungen", new { mindestgroesse = 11, einwilligungVorlaufTage = 41 })).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        var a = JsonNode.Parse(await (await adminA.GetAsync("/api/admin/einstellungen")).Content.ReadAsStringAsync())!;
        a["mandant"]!.GetValue<string>().ShouldBe("standard");
        a["mindestgroesse"]!["wirksam"]!.GetValue<int>().ShouldNotBe(11);
        a["einwilligungVorlaufTage"]!["wirksam"]!.GetValue<int>().ShouldNotBe(41);

        using var fremd = await adminA.PutAsJsonAsync("/api/admin/einstellungen", new { mandant = AutorisierungsMatrixFixture.AndererMandant, mindestgroesse = 12 });
        fremd.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await adminA.PutAsJsonAsync("/api/admin/einstellungen", new { mindestgroesse = 13 })).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        var b = JsonNode.Parse(await (await adminB.GetAsync("/api/admin/einstellungen")).Content.ReadAsStringAsync())!;
        b["mandant"]!.GetValue<string>().ShouldBe(AutorisierungsMatrixFixture.AndererMandant);
        b["mindestgroesse"]!["wirksam"]!.GetValue<int>().ShouldBe(11);
        b["einwilligungVorlaufTage"]!["wirksam"]!.GetValue<int>().ShouldBe(41);
    }

    /// <summary>The list holds exactly the shared scenario Fälle the matrix lets the role read (no existence leak in the list either).</summary>
    private void ListeZeigtGenauDieLesbarenSzenarien(MatrixRolle rolle, string bezeichnung, JsonNode seite)
    {
        var ids = seite["eintraege"]!.AsArray().Select(z => z!["id"]!.GetValue<Guid>()).ToHashSet();
        var lesen = AutorisierungsMatrixTabelle.Endpunkte.Single(e => e.Name == "FallLesen");
        var falsch = AutorisierungsMatrixTabelle.AlleSzenarien
            .Select(s => (Szenario: s, Lesbar: lesen.Zellen[(rolle, s)] == MatrixErgebnis.Ok, Gelistet: ids.Contains(fx.Geteilt(s).FallId)))
            .Where(x => x.Lesbar != x.Gelistet)
            .Select(x => $"„{AutorisierungsMatrixTabelle.Bezeichnung(x.Szenario)}“ {(x.Gelistet ? "gelistet, obwohl nicht lesbar" : "lesbar, aber nicht gelistet")}")
            .ToArray();

        falsch.ShouldBeEmpty($"GET /api/faelle als {bezeichnung}");
    }
}

/// <summary>One cell of the matrix as a theory argument: serialisable (each cell is its own test case) and named in full.</summary>
public sealed class AutorisierungsMatrixZelle : IXunitSerializable
{
    [Obsolete("Only for deserialisation by xunit.")]
    public AutorisierungsMatrixZelle()
    {
    }

    public AutorisierungsMatrixZelle(string endpunkt, string rolle, string szenario, string erwartet)
    {
        Endpunkt = endpunkt;
        Rolle = rolle;
        Szenario = szenario;
        Erwartet = erwartet;
    }

    public string Endpunkt { get; private set; } = string.Empty;

    public string Rolle { get; private set; } = string.Empty;

    public string Szenario { get; private set; } = string.Empty;

    public string Erwartet { get; private set; } = string.Empty;

    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Endpunkt = info.GetValue<string>(nameof(Endpunkt));
        Rolle = info.GetValue<string>(nameof(Rolle));
        Szenario = info.GetValue<string>(nameof(Szenario));
        Erwartet = info.GetValue<string>(nameof(Erwartet));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(Endpunkt), Endpunkt);
        info.AddValue(nameof(Rolle), Rolle);
        info.AddValue(nameof(Szenario), Szenario);
        info.AddValue(nameof(Erwartet), Erwartet);
    }

    public override string ToString() => $"{Endpunkt} | {Rolle} | {Szenario} → {Erwartet}";
}
