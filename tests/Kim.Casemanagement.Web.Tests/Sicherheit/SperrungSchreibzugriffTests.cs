using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// A held Fall (Sperrung, Art. 18 DSGVO) is read-only everywhere: every write endpoint of the authorisation matrix (which
/// names every endpoint of the app, see its completeness test) and every form of the pages that change a Fall answers
/// 409 with the German reason, and the database holds exactly what it held before. The refusal lives in one place
/// (<c>FallBearbeitung</c>, the path of every use case on a Fall, with the repository's save as the race-proof backstop),
/// so a new write endpoint is covered without code of its own; this test proves it for each.
/// </summary>
public sealed class SperrungSchreibzugriffTests(AutorisierungsMatrixFixture fx) : IClassFixture<AutorisierungsMatrixFixture>
{
    private const string Grund = "Der Fall ist gesperrt (Art. 18 DSGVO, § 84 Abs. 3 SGB X) seit ";

    private static DateOnly Heute => AutorisierungsMatrixFixture.Heute;

    private static string Tag(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Db => fx.Database.SuperuserConnectionString;

    private async Task SperrenAsync(Guid fallId) =>
        await fx.Client(MatrixRolle.Datenschutz).PostAsJsonAsync($"/api/datenschutz/faelle/{fallId}/sperre", new { grund = "Prüfung der Richtigkeit (Art. 18 Abs. 1 lit. a DSGVO)" }).OkAsync();

    [Fact]
    public async Task JederSchreibendeEndpunkt_WhenTheFallIsHeld_Answers409WithTheGermanReasonAndStoresNothing()
    {
        // Every request on a Fall that is not a read: the rows that change the Fall's version ("schreibend") and those that
        // write next to it (generative Themen); the holds themselves are the Datenschutz role's.
        var endpunkte = AutorisierungsMatrixTabelle.Endpunkte
            .Where(e => e.FallBezogen && e.Methode is not ("GET" or "*") && !e.Muster.StartsWith("/api/datenschutz/", StringComparison.Ordinal))
            .ToList();
        endpunkte.Count(e => !e.Schreibend).ShouldBe(2, "ThemaMelden und ThemaStatusAendern");
        endpunkte.Count.ShouldBeGreaterThan(20);
        var fehler = new List<string>();
        foreach (var e in endpunkte)
        {
            // A caller who may take the action on that scenario, on a fresh copy of the scenario Fall.
            var ((rolle, szenario), _) = e.Zellen.Where(z => z.Value == MatrixErgebnis.Ok).OrderBy(z => z.Key.Rolle).ThenBy(z => z.Key.Szenario).First();
            var fall = await fx.FrischAsync(szenario!.Value);
            var kontext = new MatrixKontext(fx, rolle, fall);
            Func<Task<HttpResponseMessage>> anfrage = () => AutorisierungsMatrixAnfragen.Nach[e.Name](kontext);
            if (e.Name == "ThemaStatusAendern")
            {
                // The Thema must exist before the hold (flagging one is a write as well).
                var lead = fx.Client(fall.Szenario == MatrixSzenario.Fremd ? MatrixRolle.FmB : MatrixRolle.FmA);
                var thema = await lead.PostAsJsonAsync($"/api/faelle/{fall.FallId}/themen", new { kategorie = "Wohnsitzauflage", beschreibung = "Wohnsitzauflage verhindert Ausbildung." }).OkAsync();
                anfrage = () => kontext.Client.PatchAsJsonAsync($"/api/faelle/{fall.FallId}/themen/{thema["id"]!.GetValue<Guid>()}", new { status = "InLenkungsgruppe" });
            }

            await SperrenAsync(fall.FallId);
            var vorher = await Sperrstand.FingerabdruckAsync(Db, fall.FallId);

            using var antwort = await anfrage();

            var body = await antwort.Content.ReadAsStringAsync();
            var ort = $"{e.Anzeige} als {AutorisierungsMatrixTabelle.Bezeichnung(rolle)} auf „{AutorisierungsMatrixTabelle.Bezeichnung(szenario)}“";
            if (antwort.StatusCode != HttpStatusCode.Conflict || !body.Contains("\"title\":\"Fall gesperrt\"", StringComparison.Ordinal) || !body.Contains(Grund, StringComparison.Ordinal))
            {
                fehler.Add($"{ort}: {(int)antwort.StatusCode} {(body.Length > 300 ? body[..300] : body)}");
            }

            if (await Sperrstand.FingerabdruckAsync(Db, fall.FallId) != vorher)
            {
                fehler.Add($"{ort}: der gesperrte Fall wurde trotzdem geändert.");
            }
        }

        fehler.ShouldBeEmpty();
    }

    /// <summary>The forms of every page that changes a Fall, by page model and handler (the test fails when a page gets a handler this list lacks).</summary>
    private static readonly (Type Seite, string Handler)[] Seitenaktionen =
    [
        (typeof(Pages.Faelle.AkteModel), "Einwilligung"), (typeof(Pages.Faelle.AkteModel), "Widerruf"), (typeof(Pages.Faelle.AkteModel), "Art13"),
        (typeof(Pages.Faelle.AkteModel), "Profil"), (typeof(Pages.Faelle.AkteModel), "Ziel"), (typeof(Pages.Faelle.AkteModel), "Bewertung"),
        (typeof(Pages.Faelle.AkteModel), "Wiedervorlage"), (typeof(Pages.Faelle.AkteModel), "Erledigt"), (typeof(Pages.Faelle.AkteModel), "Notiz"),
        (typeof(Pages.Faelle.AkteModel), "Ueberleitung"), (typeof(Pages.Faelle.AkteModel), "Zuweisung"), (typeof(Pages.Faelle.AkteModel), "Vertretung"),
        (typeof(Pages.Faelle.AkteModel), "VertretungEnde"), (typeof(Pages.Faelle.SchrittModel), string.Empty), (typeof(Pages.Faelle.StammdatenModel), string.Empty),
        (typeof(Pages.Teamleitung.IndexModel), "Zuweisen"), (typeof(Pages.Teamleitung.IndexModel), "Abwesenheit"),
    ];

    [Fact]
    public void Seitenaktionen_WhenComparedWithThePages_NameEveryFormThatChangesAFall()
    {
        var seiten = Seitenaktionen.Select(a => a.Seite).Distinct();
        var vorhanden = seiten.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => $"{t.Name}:{m.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal)}"))
            .Order(StringComparer.Ordinal);
        vorhanden.ShouldBe(Seitenaktionen.Select(a => $"{a.Seite.Name}:{a.Handler}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task JedeSeitenaktion_WhenTheFallIsHeld_Answers409WithTheGermanReasonAndStoresNothing()
    {
        var fm = await fx.Factory.KontoAsync(fx.Eindeutig("mx.sp.fm"), Rolle.Fallmanagement, "Team A");
        var tl = await fx.Factory.KontoAsync(fx.Eindeutig("mx.sp.tl"), Rolle.Teamleitung, "Team A");
        var kollege = fx.Konto(MatrixRolle.FmA2).Id;
        var api = await fx.AngemeldetAsync(fm);
        using var fmSeiten = await SeitenClientAsync(fm);
        using var tlSeiten = await SeitenClientAsync(tl);

        // A Fall of the new case manager with something of every kind to act on: consents, a goal, a follow-up, a deputy.
        var id = await api.NeuerFallAsync(AutorisierungsMatrixFixture.Aufnahme(Heute.AddDays(-5), mitPartnern: true, "Seitenprobe"));
        var basis = $"/api/faelle/{id}";
        var ziel = (await api.PostAsJsonAsync(basis + "/ziele", new { was = "Sprachkurs beginnen", bisWann = Heute.AddMonths(3), wer = "Klientin", vereinbartAm = Heute }).OkAsync())["id"]!.GetValue<Guid>();
        var wiedervorlage = (await api.PostAsJsonAsync(basis + "/wiedervorlagen", new { faellig = Heute.AddDays(7), betreff = "Nachfragen" }).OkAsync())["id"]!.GetValue<Guid>();
        var vertretung = (await api.PostAsJsonAsync(basis + "/vertretungen", new { benutzerId = kollege, von = Heute.AddDays(20), bis = Heute.AddDays(30) }).OkAsync())["id"]!.GetValue<Guid>();
        var einwilligung = (await api.FallAsync(id))["einwilligungen"]!.AsArray().First(e => e!["empfaenger"]!.GetValue<string>() == "Jobcenter")!["id"]!.GetValue<Guid>();
        await SperrenAsync(id);
        var version = await fx.VersionAsync(id);
        var heute = Tag(Heute);
        var akte = $"/Faelle/{id}";

        var aktionen = new Dictionary<string, (HttpClient Client, string Seite, string Ziel, Dictionary<string, string> Felder)>
        {
            ["AkteModel:Einwilligung"] = (fmSeiten, akte, akte + "?handler=Einwilligung", new() { ["NeueEinwilligung.Empfaenger"] = "Bildungsberatung", ["NeueEinwilligung.Datenkategorien"] = "Stammdaten", ["NeueEinwilligung.Zweck"] = "Sprachförderung", ["NeueEinwilligung.GueltigAb"] = heute, ["NeueEinwilligung.FormularReferenz"] = "EW-S-1" }),
            ["AkteModel:Widerruf"] = (fmSeiten, akte, $"{akte}?handler=Widerruf&einwilligungId={einwilligung}", []),
            ["AkteModel:Art13"] = (fmSeiten, akte, akte + "?handler=Art13", new() { ["Art13Am"] = heute }),
            ["AkteModel:Profil"] = (fmSeiten, akte, akte + "?handler=Profil", new() { ["Profil.Deutschniveau"] = "A2", ["Profil.Am"] = heute }),
            ["AkteModel:Ziel"] = (fmSeiten, akte, akte + "?handler=Ziel", new() { ["NeuesZiel.Was"] = "Bewerbung schreiben", ["NeuesZiel.BisWann"] = Tag(Heute.AddMonths(1)), ["NeuesZiel.Wer"] = "Klientin", ["NeuesZiel.VereinbartAm"] = heute }),
            ["AkteModel:Bewertung"] = (fmSeiten, akte, $"{akte}?handler=Bewertung&zielId={ziel}&bewertung=Erreicht", []),
            ["AkteModel:Wiedervorlage"] = (fmSeiten, akte, akte + "?handler=Wiedervorlage", new() { ["NeueWiedervorlage.Faellig"] = Tag(Heute.AddDays(3)), ["NeueWiedervorlage.Betreff"] = "Rückruf" }),
            ["AkteModel:Erledigt"] = (fmSeiten, akte, $"{akte}?handler=Erledigt&wiedervorlageId={wiedervorlage}", []),
            ["AkteModel:Notiz"] = (fmSeiten, akte, akte + "?handler=Notiz", new() { ["NeueNotiz.Text"] = "Telefonat geführt." }),
            ["AkteModel:Ueberleitung"] = (fmSeiten, akte, akte + "?handler=Ueberleitung", new() { ["NeueUeberleitung.Empfaenger"] = "Bildungsberatung", ["NeueUeberleitung.Anliegen"] = "Erstberatung", ["NeueUeberleitung.Datum"] = heute }),
            ["AkteModel:Zuweisung"] = (tlSeiten, akte, akte + "?handler=Zuweisung", new() { ["NeuerFallmanager"] = kollege }),
            ["AkteModel:Vertretung"] = (fmSeiten, akte, akte + "?handler=Vertretung", new() { ["NeueVertretung.BenutzerId"] = kollege, ["NeueVertretung.Von"] = heute, ["NeueVertretung.Bis"] = Tag(Heute.AddDays(5)) }),
            ["AkteModel:VertretungEnde"] = (fmSeiten, akte, $"{akte}?handler=VertretungEnde&vertretungId={vertretung}", []),
            ["SchrittModel:"] = (fmSeiten, akte, $"{akte}/Schritt", new() { ["spur"] = "Prozess", ["trigger"] = "Klaeren", ["FachlichesDatum"] = heute }),
            ["StammdatenModel:"] = (fmSeiten, akte, $"{akte}/Stammdaten", new() { ["Eingabe.Vorname"] = "Amina", ["Eingabe.Nachname"] = "Seitenprobe-Neu", ["Eingabe.Geburtsdatum"] = "1995-03-02", ["Eingabe.Geschlecht"] = "Weiblich", ["Eingabe.Herkunftsland"] = "Syrien", ["Eingabe.MinderjaehrigeKinder"] = "1" }),
            ["IndexModel:Zuweisen"] = (tlSeiten, "/Teamleitung", $"/Teamleitung?handler=Zuweisen&fallId={id}&fallmanagerId={kollege}", []),
            ["IndexModel:Abwesenheit"] = (tlSeiten, "/Teamleitung", "/Teamleitung?handler=Abwesenheit", new() { ["Abwesenheit.AbwesendId"] = fm.Id, ["Abwesenheit.VertretungId"] = kollege, ["Abwesenheit.Von"] = heute, ["Abwesenheit.Bis"] = Tag(Heute.AddDays(5)) }),
        };
        aktionen.Keys.Order(StringComparer.Ordinal).ShouldBe(Seitenaktionen.Select(a => $"{a.Seite.Name}:{a.Handler}").Order(StringComparer.Ordinal));

        var fehler = new List<string>();
        foreach (var (name, (client, seite, ziel2, felder)) in aktionen)
        {
            var vorher = await Sperrstand.FingerabdruckAsync(Db, id);
            felder["Version"] = version.ToString(CultureInfo.InvariantCulture);
            using var antwort = await Browser.PostFormularAsync(client, seite, ziel2, felder);
            var html = WebUtility.HtmlDecode(await antwort.Content.ReadAsStringAsync());
            if (name == "IndexModel:Abwesenheit")
            {
                // The absence deputy covers the Fälle of the team's lists: a held Fall is not among them, so it is left as it is.
                if (antwort.StatusCode != HttpStatusCode.Redirect)
                {
                    fehler.Add($"{name}: {(int)antwort.StatusCode} statt einer Weiterleitung");
                }
            }
            else if (antwort.StatusCode != HttpStatusCode.Conflict || !html.Contains(Grund, StringComparison.Ordinal))
            {
                fehler.Add($"{name}: {(int)antwort.StatusCode}{(html.Contains(Grund, StringComparison.Ordinal) ? string.Empty : ", ohne den Hinweis auf die Sperre")}");
            }

            if (await Sperrstand.FingerabdruckAsync(Db, id) != vorher)
            {
                fehler.Add($"{name}: der gesperrte Fall wurde trotzdem geändert.");
            }
        }

        fehler.ShouldBeEmpty();
    }

    /// <summary>A browser-like client (cookies) signed in through the login page with password and TOTP.</summary>
    private async Task<HttpClient> SeitenClientAsync(TestKonto konto)
    {
        var client = fx.Factory.NeuerClient(new CookieContainer());
        using var anmeldung = await Browser.AnmeldenAsync(client, konto.Benutzername, konto.Passwort, await fx.Factory.CodeAsync(konto));
        anmeldung.StatusCode.ShouldBe(HttpStatusCode.Redirect, await anmeldung.Content.ReadAsStringAsync());
        return client;
    }
}
