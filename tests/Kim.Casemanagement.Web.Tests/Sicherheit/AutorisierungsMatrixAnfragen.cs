using System.Net.Http.Json;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>Who calls, on which Fall (null for endpoints without one).</summary>
internal sealed record MatrixKontext(AutorisierungsMatrixFixture Fixture, MatrixRolle Rolle, SzenarioFall? Fall, HttpClient? Partnersystem = null)
{
    /// <summary>The role's signed-in client, or the partner system's (client-credentials token) when one is given.</summary>
    public HttpClient Client => Partnersystem ?? Fixture.Client(Rolle);

    public SzenarioFall F => Fall ?? throw new InvalidOperationException("Dieser Endpunkt braucht einen Fall.");

    public string Basis => $"/api/faelle/{F.FallId}";
}

/// <summary>
/// For every matrix row a request that succeeds when the caller is allowed: a valid body, and for steps a trigger the
/// scenario Fall's current state permits (Prozess: Anfrage→Klärung; Aufenthalt: KeinStatus→Asylgesuch; Leistungen:
/// KeinLeistungsbezug→AsylbLG; Bildung: KeineBeratung→Erstberatung; the referral to JC: angefragt→angenommen/abgelehnt/zurückgezogen).
/// </summary>
internal static class AutorisierungsMatrixAnfragen
{
    private static DateOnly Heute => AutorisierungsMatrixFixture.Heute;

    public static IReadOnlyDictionary<string, Func<MatrixKontext, Task<HttpResponseMessage>>> Nach { get; } = new Dictionary<string, Func<MatrixKontext, Task<HttpResponseMessage>>>
    {
        ["Aufnahme"] = k => k.Client.PostAsJsonAsync("/api/faelle", AutorisierungsMatrixFixture.Aufnahme(Heute.AddDays(-3), mitPartnern: false, "Neuaufnahme")),
        ["FaelleListe"] = k => k.Client.GetAsync("/api/faelle?groesse=200"),

        ["FallLesen"] = k => k.Client.GetAsync(k.Basis),
        ["Ereignisse"] = k => k.Client.GetAsync(k.Basis + "/ereignisse"),
        ["NotizenLesen"] = k => k.Client.GetAsync(k.Basis + "/notizen"),

        ["SchrittProzess"] = k => Schritt(k, "Prozess", "Klaeren"),
        ["SchrittAufenthalt"] = k => Schritt(k, "Aufenthalt", "AsylSuchen"),
        ["SchrittLeistungen"] = k => Schritt(k, "Leistungen", "AsylbLGBewilligen"),
        ["SchrittBildung"] = k => Schritt(k, "Bildung", "ErstberatungDurchfuehren"),
        ["SchrittUeberleitungAnnehmen"] = k => Schritt(k, "Ueberleitung", "Annehmen", k.F.UeberleitungId),
        ["SchrittUeberleitungAblehnen"] = k => Schritt(k, "Ueberleitung", "Ablehnen", k.F.UeberleitungId),
        ["SchrittUeberleitungZurueckziehen"] = k => Schritt(k, "Ueberleitung", "Zurueckziehen", k.F.UeberleitungId),

        ["EinwilligungErteilen"] = k => k.Client.PostAsJsonAsync(k.Basis + "/einwilligungen", new
        {
            empfaenger = "Bildungsberatung",
            datenkategorien = new[] { "Stammdaten", "Bildung" },
            zweck = "Abstimmung der Sprachförderung",
            gueltigAb = Heute,
            formularReferenz = "EW-MX-BB-2",
        }),
        ["EinwilligungWiderrufen"] = k => k.Client.PostAsJsonAsync($"{k.Basis}/einwilligungen/{k.F.EinwilligungId}/widerruf", new { }),
        ["Art13Vermerken"] = k => k.Client.PutAsJsonAsync(k.Basis + "/art13-information", new { am = Heute }),
        ["KlientBerichtigen"] = k => k.Client.PutAsJsonAsync(k.Basis + "/klient", new
        {
            vorname = "Berichtigte",
            nachname = "Schreibweise",
            geburtsdatum = Heute.AddYears(-30),
            geschlecht = "Weiblich",
            herkunftsland = "Syrien",
            minderjaehrigeKinder = 1,
        }),
        ["KompetenzprofilErfassen"] = k => k.Client.PutAsJsonAsync(k.Basis + "/kompetenzprofil", new
        {
            profil = new { deutschniveau = "A2", alphabetisierungNoetig = false, schuljahre = 10, sprachen = new[] { "Arabisch" } },
            am = Heute,
        }),
        ["ZielVereinbaren"] = k => k.Client.PostAsJsonAsync(k.Basis + "/ziele", new { was = "Bewerbungsunterlagen erstellen", bisWann = Heute.AddMonths(2), wer = "Klientin", vereinbartAm = Heute }),
        ["ZielBewerten"] = k => k.Client.PostAsJsonAsync($"{k.Basis}/ziele/{k.F.ZielId}/bewertung", new { bewertung = "TeilweiseErreicht", am = Heute }),
        ["WiedervorlageAnlegen"] = k => k.Client.PostAsJsonAsync(k.Basis + "/wiedervorlagen", new { faellig = Heute.AddDays(14), betreff = "Rückmeldung der Schule abwarten" }),
        ["WiedervorlageErledigen"] = k => k.Client.PostAsJsonAsync($"{k.Basis}/wiedervorlagen/{k.F.WiedervorlageId}/erledigung", new { }),
        ["NotizVerfassen"] = k => k.Client.PostAsJsonAsync(k.Basis + "/notizen", new { text = "Telefonat mit der Klientin geführt.", kontaktAm = Heute }),
        ["UeberleitungAnfragen"] = k => k.Client.PostAsJsonAsync(k.Basis + "/ueberleitungen", new { empfaenger = "Bildungsberatung", anliegen = "Bitte Erstberatung zur Sprachförderung anbieten.", fachlichesDatum = Heute }),
        ["Zuweisen"] = k => k.Client.PostAsJsonAsync(k.Basis + "/zuweisung", new { fallmanagerId = k.F.Kollege }),
        ["VertretungEinrichten"] = k => k.Client.PostAsJsonAsync(k.Basis + "/vertretungen", new { benutzerId = k.F.Kollege, von = Heute, bis = Heute.AddDays(14) }),
        ["VertretungBeenden"] = k => k.Client.DeleteAsync($"{k.Basis}/vertretungen/{k.F.VertretungId}"),

        ["ThemaMelden"] = k => k.Client.PostAsJsonAsync(k.Basis + "/themen", new { kategorie = "WartezeitIntegrationskurs", beschreibung = "Keine Kursplätze mit Kinderbetreuung im Stadtteil." }),
        ["ThemenDesFalls"] = k => k.Client.GetAsync(k.Basis + "/themen"),
        ["ThemaStatusAendern"] = async k =>
        {
            // The Fall's lead case manager flags a Thema first; then the role under test changes its state.
            // (Another Kommune's Fall brings its Thema from the fixture: it is held.)
            var themaId = k.F.ThemaId ?? (await k.Fixture.Leitung(k.F).PostAsJsonAsync(k.Basis + "/themen", new { kategorie = "Wohnsitzauflage", beschreibung = "Wohnsitzauflage verhindert Ausbildung in der Nachbarstadt." }).OkAsync())["id"]!.GetValue<Guid>();
            return await k.Client.PatchAsJsonAsync($"{k.Basis}/themen/{themaId}", new { status = "InLenkungsgruppe" });
        },

        ["Diagramm"] = k => k.Client.GetAsync("/api/spuren/Prozess/diagramm"),

        ["Konto"] = k => k.Client.GetAsync("/api/konto"),
        ["Wiederherstellungscodes"] = k => k.Client.PostAsync("/api/konto/wiederherstellungscodes", null),
        ["Abmelden"] = k => EigenesKontoAsync(k, zweiFaktor: true, (c, _) => c.PostAsync("/api/konto/abmeldung", null)),
        ["PasswortAendern"] = k => EigenesKontoAsync(k, zweiFaktor: true, (c, konto) =>
            c.PostAsJsonAsync("/api/konto/passwort", new { bisher = konto?.Passwort ?? TestKonten.Passwort, neu = "Ein-ganz-neues-Passwort-2027" })),
        ["ZweiFaktorSchluessel"] = k => EigenesKontoAsync(k, zweiFaktor: false, (c, _) => c.GetAsync("/api/konto/zwei-faktor")),
        ["ZweiFaktorBestaetigen"] = k => EigenesKontoAsync(k, zweiFaktor: false, async (c, konto) =>
        {
            var code = "000000";
            if (konto is not null)
            {
                var schluessel = (await c.GetAsync("/api/konto/zwei-faktor").OkAsync())["schluessel"]!.GetValue<string>();
                code = Totp.Code(Totp.Base32Dekodieren(schluessel), Totp.Zeitschritt(DateTimeOffset.UtcNow));
            }

            return await c.PostAsJsonAsync("/api/konto/zwei-faktor", new { code });
        }),

        ["Anmelden"] = k => k.Client.PostAsJsonAsync("/api/anmeldung", new { benutzername = k.Fixture.Anmeldekonto.Benutzername, passwort = k.Fixture.Anmeldekonto.Passwort }),
        ["TokenErneuern"] = async k =>
        {
            var anmeldung = await k.Fixture.NeuerAnonymerClient()
                .PostAsJsonAsync("/api/anmeldung", new { benutzername = k.Fixture.Anmeldekonto.Benutzername, passwort = k.Fixture.Anmeldekonto.Passwort }).OkAsync();
            return await k.Client.PostAsJsonAsync("/api/anmeldung/erneuern", new { erneuerungsToken = anmeldung["refreshToken"]!.GetValue<string>() });
        },
        ["TeamAuslastung"] = k => k.Client.GetAsync("/api/teamleitung/auslastung?ohneKontaktTage=30"),
        ["BenachrichtigungenNachholen"] = k => k.Client.GetAsync("/api/benachrichtigungen?nachSeq=0&anzahl=10"),
        ["PosteingangStand"] = k => k.Client.GetAsync("/api/benachrichtigungen/stand"),
        ["BenachrichtigungGelesen"] = k => k.Client.PostAsync("/api/benachrichtigungen/1/gelesen", null),
        ["AlleGelesen"] = k => k.Client.PostAsync("/api/benachrichtigungen/gelesen", null),
        ["HubAushandeln"] = k => k.Client.PostAsync("/hubs/benachrichtigungen/negotiate?negotiateVersion=1", null),
        ["HubVerbinden"] = HubVerbindenAsync,
        ["HealthLive"] = k => k.Client.GetAsync("/health/live"),
        ["HealthReady"] = k => k.Client.GetAsync("/health/ready"),
        ["OpenApi"] = k => k.Client.GetAsync("/openapi/v1.json"),

        ["BenutzerListe"] = k => k.Client.GetAsync("/api/admin/benutzer"),
        ["BenutzerAnlegen"] = k => k.Client.PostAsJsonAsync("/api/admin/benutzer", new
        {
            benutzername = k.Fixture.Eindeutig("mx.neu"),
            anzeigename = "Neues Konto",
            rollen = new[] { "Lenkungsgruppe" },
            passwort = TestKonten.Passwort,
        }),
        ["BenutzerDeaktivieren"] = k => k.Client.PostAsync($"/api/admin/benutzer/{k.Fixture.Zielkonto.Id}/deaktivierung", null),
        ["BenutzerAktivieren"] = k => k.Client.PostAsync($"/api/admin/benutzer/{k.Fixture.Zielkonto.Id}/aktivierung", null),
        ["RollenSetzen"] = k => k.Client.PutAsJsonAsync($"/api/admin/benutzer/{k.Fixture.Zielkonto.Id}/rollen", new { rollen = new[] { "Lenkungsgruppe" } }),
        ["Teams"] = k => k.Client.GetAsync("/api/admin/teams"),
        ["TeamAnlegen"] = k => k.Client.PostAsJsonAsync("/api/admin/teams", new { name = k.Fixture.Eindeutig("Team MX ") }),
        ["EinstellungenLesen"] = k => k.Client.GetAsync("/api/admin/einstellungen"),
        ["EinstellungenAendern"] = k => k.Client.PutAsJsonAsync("/api/admin/einstellungen", new { mindestgroesse = 6, titelVorlaufWochen = 9 }),
        ["MandantenListe"] = k => k.Client.GetAsync("/api/anbieter/mandanten"),
        ["MandantAnlegen"] = k => k.Client.PostAsJsonAsync("/api/anbieter/mandanten", new { schluessel = k.Fixture.Eindeutig("kreis-mx-"), name = "Matrixkreis" }),
        ["MandantDeaktivieren"] = async k => await k.Client.PostAsync($"/api/anbieter/mandanten/{await k.Fixture.ZielMandantAsync()}/deaktivierung", null),
        ["MandantAktivieren"] = async k => await k.Client.PostAsync($"/api/anbieter/mandanten/{await k.Fixture.ZielMandantAsync()}/aktivierung", null),
        ["PartnersystemeListe"] = k => k.Client.GetAsync("/api/admin/partnersysteme"),
        ["PartnersystemAnlegen"] = k => k.Client.PostAsJsonAsync("/api/admin/partnersysteme", new { clientId = k.Fixture.Eindeutig("matrix-").ToLowerInvariant(), anzeigename = "Matrix-System", behoerde = "Jobcenter", scopes = new[] { "kim.partner.lesen" } }),
        ["PartnersystemGeheimnisErneuern"] = async k => await k.Client.PostAsync($"/api/admin/partnersysteme/{await k.Fixture.ZielPartnersystemAsync()}/geheimnis", null),
        ["PartnersystemDeaktivieren"] = async k => await k.Client.PostAsync($"/api/admin/partnersysteme/{await k.Fixture.ZielPartnersystemAsync()}/deaktivierung", null),
        ["PartnersystemAktivieren"] = async k => await k.Client.PostAsync($"/api/admin/partnersysteme/{await k.Fixture.ZielPartnersystemAsync()}/aktivierung", null),

        ["AnalyseProzesslandkarte"] = k => k.Client.GetAsync("/api/analysen/prozesslandkarte"),
        ["AnalyseVarianten"] = k => k.Client.GetAsync("/api/analysen/varianten?spur=Prozess"),
        ["AnalyseDauern"] = k => k.Client.GetAsync("/api/analysen/dauern"),
        ["AnalyseAbweichungen"] = k => k.Client.GetAsync("/api/analysen/abweichungen"),
        ["AnalyseKennzahlen"] = k => k.Client.GetAsync("/api/analysen/kennzahlen"),
        ["AnalyseThemen"] = k => k.Client.GetAsync("/api/analysen/themen"),
        ["AnalyseCsv"] = k => k.Client.GetAsync("/api/analysen/csv/kennzahlen"),
        ["AnalyseXes"] = k => k.Client.GetAsync("/api/analysen/xes"),
        ["AnalyseEntscheidungen"] = k => k.Client.GetAsync("/api/analysen/entscheidungen"),
        ["AnalyseEntscheidungErfassen"] = k => k.Client.PostAsJsonAsync("/api/analysen/entscheidungen", Entscheidung),
        ["AnalyseEntscheidungVergleich"] = EntscheidungVergleichAsync,
        ["AnalyseVergleich"] = k => k.Client.GetAsync("/api/analysen/vergleich?a.zieldimensionI=true&b.zieldimensionI=false"),

        ["Einwilligungsregister"] = k => k.Client.GetAsync("/api/datenschutz/einwilligungen"),
        ["Auditprotokoll"] = k => k.Client.GetAsync("/api/datenschutz/audit?groesse=10"),
        ["AuditPruefung"] = k => k.Client.GetAsync("/api/datenschutz/audit/pruefung"),
        ["Aufbewahrungsuebersicht"] = k => k.Client.GetAsync("/api/datenschutz/aufbewahrung"),
        ["Loeschvorschau"] = k => k.Client.GetAsync("/api/datenschutz/aufbewahrung/vorschau"),
        ["Auskunft"] = async k => await k.Client.GetAsync(
            $"/api/datenschutz/klienten/{await SqlHilfen.TextAsync(k.Fixture.Database.SuperuserConnectionString, $"SELECT klient_id FROM faelle WHERE id = '{k.F.FallId}'")}/auskunft"),
        ["KlientSuche"] = k => k.Client.GetAsync("/api/datenschutz/klienten?suche=Matrix"),
        ["Verarbeitungsverzeichnis"] = k => k.Client.GetAsync("/api/datenschutz/verarbeitungsverzeichnis?format=markdown"),
        ["Sperren"] = k => k.Client.GetAsync("/api/datenschutz/sperren?aktiv=true"),
        ["SperreSetzen"] = k => k.Client.PostAsJsonAsync($"/api/datenschutz/faelle/{k.F.FallId}/sperre", new { grund = "Bestreiten der Richtigkeit (Art. 18 Abs. 1 lit. a DSGVO)", bis = Heute.AddDays(30) }),
        ["LoeschungAufAntrag"] = k => k.Client.PostAsJsonAsync($"/api/datenschutz/faelle/{k.F.FallId}/loeschung", new { grund = "Antrag nach Art. 17 DSGVO" }),
        ["SperreAufheben"] = async k =>
        {
            // Lifting needs a hold: the Datenschutz role sets one first on its own copy of the Fall; every other role is
            // refused by the policy before the Fall is looked at, so nothing is set on the shared Fall for them.
            // Another Kommune's Fall is held from the start (its own Datenschutz set the hold when the fixture built it),
            // so that only the Mandant stands in the way.
            if (k.Rolle == MatrixRolle.Datenschutz && k.F.Szenario != MatrixSzenario.AndererMandant)
            {
                await k.Client.PostAsJsonAsync($"/api/datenschutz/faelle/{k.F.FallId}/sperre", new { grund = "Prüfung der Richtigkeit" }).OkAsync();
            }

            return await k.Client.PostAsJsonAsync($"/api/datenschutz/faelle/{k.F.FallId}/sperre/aufhebung", new { grund = "Richtigkeit bestätigt" });
        },
    };

    /// <summary>Negotiates a connection and sends the SignalR handshake over long polling; a refused negotiation is the answer.</summary>
    private static readonly object Entscheidung = new { titel = "Matrix: Termine der Ausländerbehörde online", behoerde = "Auslaenderbehoerde", giltAb = "2025-01-01", themen = new[] { "Wohnsitzauflage" } };

    /// <summary>
    /// The comparison of a decision the caller records first: the Lenkungsgruppe gets its decision's comparison; every
    /// other role is refused the recording and asks for an id that does not exist, which the policy refuses before any lookup.
    /// </summary>
    private static async Task<HttpResponseMessage> EntscheidungVergleichAsync(MatrixKontext k)
    {
        using var neu = await k.Client.PostAsJsonAsync("/api/analysen/entscheidungen", Entscheidung);
        var id = neu.IsSuccessStatusCode ? (await neu.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid() : Guid.NewGuid();
        return await k.Client.GetAsync($"/api/analysen/entscheidungen/{id}/vergleich");
    }

    private static async Task<HttpResponseMessage> HubVerbindenAsync(MatrixKontext k)
    {
        var aushandlung = await k.Client.PostAsync("/hubs/benachrichtigungen/negotiate?negotiateVersion=1", null);
        if (!aushandlung.IsSuccessStatusCode)
        {
            return aushandlung;
        }

        var token = System.Text.Json.Nodes.JsonNode.Parse(await aushandlung.Content.ReadAsStringAsync())!["connectionToken"]!.GetValue<string>();
        return await k.Client.PostAsync($"/hubs/benachrichtigungen?id={Uri.EscapeDataString(token)}",
            new StringContent("{\"protocol\":\"json\",\"version\":1}\u001e", System.Text.Encoding.UTF8, "text/plain"));
    }

    private static Task<HttpResponseMessage> Schritt(MatrixKontext k, string spur, string trigger, Guid? ueberleitungId = null) =>
        k.Client.PostAsJsonAsync(k.Basis + "/schritte", new { spur, trigger, fachlichesDatum = Heute, ueberleitungId });

    /// <summary>
    /// Requests that end or change the caller's own account run on a new account of the role (signed in with TOTP, or
    /// with the password only when it is to enrol its second factor); the anonymous caller sends them without a token.
    /// </summary>
    private static async Task<HttpResponseMessage> EigenesKontoAsync(MatrixKontext k, bool zweiFaktor, Func<HttpClient, TestKonto?, Task<HttpResponseMessage>> aufruf)
    {
        if (k.Rolle == MatrixRolle.Anonym || k.Partnersystem is not null)
        {
            // Nobody, or a partner system (it has no account of its own): the request goes with its token as it is.
            return await aufruf(k.Client, null);
        }

        var konto = await k.Fixture.WegwerfkontoAsync(k.Rolle, zweiFaktor);
        var client = zweiFaktor ? await k.Fixture.AngemeldetAsync(konto) : await k.Fixture.NurMitPasswortAsync(konto);
        return await aufruf(client, konto);
    }
}
