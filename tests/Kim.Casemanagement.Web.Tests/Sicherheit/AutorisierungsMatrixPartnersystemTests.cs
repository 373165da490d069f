using System.Text.Json.Nodes;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// The authorisation matrix for machine clients (ADR 0010): every endpoint of the matrix × the partner system of each
/// Behörde (client credentials, every scope its Behörde may hold) × every scenario Fall. A partner system gets exactly
/// what the human partner of its Behörde gets on the endpoints open to partner systems (the hand-written list
/// <see cref="FuerPartnersysteme"/>: the list, reading a Fall and its timeline, steps, the track diagrams), so those
/// cells are the human partner's cells of <see cref="AutorisierungsMatrixTabelle"/>; every other endpoint answers 403,
/// whatever the Fall (intake, notes, administration, data protection, account, analyses).
/// </summary>
public sealed class AutorisierungsMatrixPartnersystemTests(AutorisierungsMatrixFixture fx) : IClassFixture<AutorisierungsMatrixFixture>
{
    /// <summary>The endpoints open to partner systems, by matrix row name (written out here, not read from the app).</summary>
    private static readonly HashSet<string> FuerPartnersysteme =
    [
        "FaelleListe", "FallLesen", "Ereignisse", "Diagramm",
        "SchrittProzess", "SchrittAufenthalt", "SchrittLeistungen", "SchrittBildung",
        "SchrittUeberleitungAnnehmen", "SchrittUeberleitungAblehnen", "SchrittUeberleitungZurueckziehen", "SchrittUeberleitungErledigen",
    ];

    private static readonly (string Name, Behoerde Behoerde, MatrixRolle Mensch)[] Systeme =
    [
        ("Partnersystem ABH", Behoerde.Auslaenderbehoerde, MatrixRolle.PartnerAbh),
        ("Partnersystem JC", Behoerde.Jobcenter, MatrixRolle.PartnerJc),
        ("Partnersystem BB", Behoerde.Bildungsberatung, MatrixRolle.PartnerBb),
    ];

    public static TheoryData<AutorisierungsMatrixZelle> Zellen()
    {
        var daten = new TheoryData<AutorisierungsMatrixZelle>();
        foreach (var endpunkt in AutorisierungsMatrixTabelle.Endpunkte.Where(e => e.Name is not ("Anmelden" or "TokenErneuern" or "HealthLive" or "HealthReady" or "OpenApi")))
        {
            foreach (var (name, _, mensch) in Systeme)
            {
                var szenarien = endpunkt.FallBezogen ? AutorisierungsMatrixTabelle.Spalten.Select(s => (MatrixSzenario?)s) : [null];
                foreach (var szenario in szenarien)
                {
                    if (!endpunkt.Zellen.TryGetValue((mensch, szenario), out var menschlich))
                    {
                        continue; // no such cell for people either (a referral answer needs a referral)
                    }

                    var erwartet = FuerPartnersysteme.Contains(endpunkt.Name) ? menschlich : MatrixErgebnis.Verboten403;
                    daten.Add(new AutorisierungsMatrixZelle(
                        endpunkt.Anzeige,
                        name,
                        szenario is { } s ? AutorisierungsMatrixTabelle.Bezeichnung(s) : "-",
                        AutorisierungsMatrixTabelle.Bezeichnung(erwartet)));
                }
            }
        }

        return daten;
    }

    [Theory]
    [MemberData(nameof(Zellen))]
    public async Task Zelle_WhenThePartnerSystemCallsTheEndpointOnTheScenario_AnswersAsItsBehoerdesPartner(AutorisierungsMatrixZelle zelle)
    {
        ArgumentNullException.ThrowIfNull(zelle);
        var e = AutorisierungsMatrixTabelle.Finden(zelle.Endpunkt);
        var system = Systeme.Single(s => s.Name == zelle.Rolle);
        var s = zelle.Szenario == "-" ? null : AutorisierungsMatrixTabelle.SzenarioAus(zelle.Szenario);
        var soll = AutorisierungsMatrixTabelle.ErgebnisAus(zelle.Erwartet);
        var ort = $"{zelle.Endpunkt} als {zelle.Rolle} auf „{zelle.Szenario}“";

        SzenarioFall? fall = null;
        if (e.FallBezogen)
        {
            var szenarioFall = s ?? throw new InvalidOperationException($"{ort}: ein Fall-Endpunkt ohne Szenario.");
            fall = e.Schreibend && soll == MatrixErgebnis.Ok ? await fx.FrischAsync(szenarioFall) : fx.Geteilt(szenarioFall);
        }

        var versionVorher = fall is null ? 0 : await fx.VersionAsync(fall.FallId);
        var client = await fx.PartnersystemAsync(system.Behoerde);

        using var antwort = await AutorisierungsMatrixAnfragen.Nach[e.Name](new MatrixKontext(fx, system.Mensch, fall, client));
        var status = (int)antwort.StatusCode;
        var body = await antwort.Content.ReadAsStringAsync();
        var kurz = body.Length > 400 ? body[..400] + "…" : body;
        var versionNachher = fall is not null && e.Schreibend ? await fx.VersionAsync(fall.FallId) : versionVorher;
        if (fall is not null && soll != MatrixErgebnis.Ok && versionNachher != versionVorher)
        {
            await fx.GeteiltNeuAufbauenAsync(fall.Szenario);
        }

        AutorisierungsMatrixTabelle.Einordnen(status).ShouldBe(soll, $"{ort}: erwartet {zelle.Erwartet}, die Anwendung antwortet {status}. {kurz}");
        if (fall is not null && soll == MatrixErgebnis.NichtGefunden404)
        {
            (JsonNode.Parse(body)!["detail"]?.GetValue<string>()).ShouldBe("Der Fall wurde nicht gefunden.", $"{ort}: die 404 muss die eines nicht vorhandenen Falls sein.");
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
    }
}
