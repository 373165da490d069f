using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>A scenario Fall and the ids of what lives in it (consent, goal, follow-up, deputy, referral), for requests that need them.</summary>
/// <param name="EinwilligungId">The CaseManagement consent (still valid in every scenario).</param>
/// <param name="VertretungId">A deputy: active today on "vertreten", in 30 days elsewhere (so that nobody deputises today).</param>
/// <param name="UeberleitungId">The referral to the Jobcenter, where a partner consent was given.</param>
/// <param name="Kollege">A case manager of the Fall's team who does not lead it: target of reassignment and deputies.</param>
/// <param name="ThemaId">A Thema flagged before the hold (only on "andererMandant", which is held from the start).</param>
internal sealed record SzenarioFall(MatrixSzenario Szenario, Guid FallId, Guid EinwilligungId, Guid ZielId, Guid WiedervorlageId, Guid VertretungId, Guid? UeberleitungId, string Kollege, Guid? ThemaId = null);

/// <summary>
/// One app, one database for the whole matrix: a signed-in client per role (real password and TOTP sign-in over
/// HTTPS), an anonymous client, the shared scenario Fälle, and a factory that builds a scenario Fall again for every
/// write that is expected to succeed (so that no allowed write changes what later cells see).
/// </summary>
public sealed class AutorisierungsMatrixFixture : IAsyncLifetime
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly string[] AlleKategorien = ["Stammdaten", "Aufenthalt", "Leistungen", "Bildung", "Kompetenzprofil", "Gesundheit"];
    private static readonly string[] Partnerbehoerden = ["Auslaenderbehoerde", "Jobcenter", "Bildungsberatung"];

    private readonly Dictionary<MatrixRolle, TestKonto> _konten = [];
    private readonly Dictionary<MatrixRolle, HttpClient> _clients = [];
    private readonly Dictionary<MatrixSzenario, SzenarioFall> _geteilt = [];
    private readonly List<HttpClient> _weitereClients = [];
    private TestDatabase? _database;
    private KimWebFactory? _factory;
    private int _zaehler;

    public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The Fall's calendar day (Europe/Berlin, as the app counts it).</summary>
    internal static DateOnly Heute => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).DateTime);

    /// <summary>A second case manager of team B (never signed in): target of deputies on the "fremd" Fall.</summary>
    internal TestKonto KollegeTeamB { get; private set; } = null!;

    /// <summary>A Lenkungsgruppe account without second factor, used as the body of sign-in requests.</summary>
    internal TestKonto Anmeldekonto { get; private set; } = null!;

    /// <summary>The account the administration endpoints act on.</summary>
    internal TestKonto Zielkonto { get; private set; } = null!;

    internal TestKonto Konto(MatrixRolle rolle) => _konten[rolle];

    internal HttpClient Client(MatrixRolle rolle) => _clients[rolle];

    internal SzenarioFall Geteilt(MatrixSzenario szenario) => _geteilt[szenario];

    /// <summary>A new Fall built exactly like the shared one of the scenario.</summary>
    internal Task<SzenarioFall> FrischAsync(MatrixSzenario szenario) => AufbauenAsync(szenario);

    /// <summary>Replaces the shared Fall of the scenario (after a denied write changed it anyway).</summary>
    internal async Task GeteiltNeuAufbauenAsync(MatrixSzenario szenario) => _geteilt[szenario] = await AufbauenAsync(szenario);

    internal async Task<int> VersionAsync(Guid fallId) =>
        int.Parse(await SqlHilfen.TextAsync(Database.SuperuserConnectionString, $"SELECT version FROM faelle WHERE id = '{fallId}'") ?? "-1", CultureInfo.InvariantCulture);

    internal string Eindeutig(string praefix) => praefix + Interlocked.Increment(ref _zaehler).ToString(CultureInfo.InvariantCulture);

    /// <summary>The partner system the administration rows rotate, disable and enable (registered on first use).</summary>
    internal async Task<string> ZielPartnersystemAsync()
    {
        const string Id = "matrix-ziel";
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Infrastructure.Tokendienst.ClientVerzeichnis>()
            .PartnersystemAnlegenAsync(Id, "Matrix-Ziel", "standard", Behoerde.Jobcenter, ["kim.partner.lesen"], "matrix", default);
        return Id;
    }

    /// <summary>The Mandant the provider rows disable and enable (created on first use; nobody of the matrix belongs to it).</summary>
    internal async Task<string> ZielMandantAsync()
    {
        const string Schluessel = "matrix-zielkreis";
        await Factory.MandantAsync(Schluessel, "Matrix-Zielkreis");
        return Schluessel;
    }

    /// <summary>
    /// A client with a fresh client-credentials access token of the Behörde's partner system (registered on first use
    /// with every scope a system of that Behörde may hold: reading and the steps of its track).
    /// </summary>
    internal async Task<HttpClient> PartnersystemAsync(Behoerde behoerde)
    {
        var id = "matrix-" + behoerde.ToString().ToLowerInvariant();
        var spur = behoerde switch { Behoerde.Auslaenderbehoerde => "aufenthalt", Behoerde.Jobcenter => "leistungen", _ => "bildung" };
        string[] scopes = ["kim.partner.lesen", "kim.partner." + spur];
        string geheimnis;
        lock (_partnersysteme)
        {
            _partnersysteme.TryGetValue(id, out geheimnis!);
        }

        if (geheimnis is null)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            geheimnis = await scope.ServiceProvider.GetRequiredService<Infrastructure.Tokendienst.ClientVerzeichnis>()
                .PartnersystemAnlegenAsync(id, "Matrix " + behoerde, "standard", behoerde, scopes, "matrix", default)
                ?? throw new InvalidOperationException($"Partnersystem {id} gibt es schon.");
            lock (_partnersysteme)
            {
                _partnersysteme[id] = geheimnis;
            }
        }

        var client = Merken(Factory.NeuerClient());
        using var antwort = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = id,
            ["client_secret"] = geheimnis,
            ["scope"] = string.Join(' ', scopes),
        }));
        var text = await antwort.Content.ReadAsStringAsync();
        antwort.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", System.Text.Json.Nodes.JsonNode.Parse(text)!["access_token"]!.GetValue<string>());
        return client;
    }

    private readonly Dictionary<string, string> _partnersysteme = [];

    /// <summary>The Kommune of <see cref="MatrixSzenario.AndererMandant"/>.</summary>
    internal const string AndererMandant = "matrix-kreis-b";

    private HttpClient? _fmAndererMandant;
    private HttpClient? _dsAndererMandant;

    /// <summary>The scenario Fall's lead case manager (FM-A; FM-B for "fremd"; the other Kommune's for "andererMandant").</summary>
    internal HttpClient Leitung(SzenarioFall fall) => fall.Szenario switch
    {
        MatrixSzenario.AndererMandant => _fmAndererMandant!,
        MatrixSzenario.Fremd => Client(MatrixRolle.FmB),
        _ => Client(MatrixRolle.FmA),
    };


    private string? _kollegeAndererMandant;

    /// <summary>A new account of the role (for requests that end or change the account: logout, password, two-factor enrolment).</summary>
    internal Task<TestKonto> WegwerfkontoAsync(MatrixRolle rolle, bool zweiFaktor)
    {
        var (r, team, behoerde) = Art(rolle);
        return Factory.KontoAsync(Eindeutig("mx.wk"), r, team, behoerde, zweiFaktor, rolle == MatrixRolle.Anbieter ? Hosting.Kommandos.AnbieterMandant : "standard");
    }

    /// <summary>Signs in with password and TOTP; the client is disposed with the fixture.</summary>
    internal async Task<HttpClient> AngemeldetAsync(TestKonto konto) => Merken(await Factory.AngemeldetAsync(konto));

    /// <summary>Signs in with the password only (accounts without second factor); the client is disposed with the fixture.</summary>
    internal async Task<HttpClient> NurMitPasswortAsync(TestKonto konto)
    {
        var client = Merken(Factory.NeuerClient());
        var token = (await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = konto.Benutzername, passwort = konto.Passwort }).OkAsync())["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal HttpClient NeuerAnonymerClient() => Merken(Factory.NeuerClient());

    /// <summary>The intake body: client, start states, consents (CaseManagement; with <paramref name="mitPartnern"/> also ABH, JC and BB, every category).</summary>
    internal static object Aufnahme(DateOnly aufnahmedatum, bool mitPartnern, string nachname = "Haddad")
    {
        var einwilligungen = new List<object> { Einwilligung("CaseManagement", "Rechtskreisübergreifendes Case Management KIM", aufnahmedatum) };
        if (mitPartnern)
        {
            einwilligungen.AddRange(Partnerbehoerden.Select(b => Einwilligung(b, $"Abstimmung des Case Managements mit {b}", aufnahmedatum)));
        }

        return new
        {
            klient = new { vorname = "Amina", nachname, geburtsdatum = "1995-03-02", geschlecht = "Weiblich", herkunftsland = "Syrien", einreisedatum = "2024-01-10", minderjaehrigeKinder = 1 },
            aufnahmedatum,
            aufenthaltsstatus = "KeinStatus",
            leistungsstatus = "KeinLeistungsbezug",
            bildungsstand = "KeineBeratung",
            einwilligungen,
            art13InformiertAm = aufnahmedatum,
        };
    }

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _database = await cluster.CreateDatabaseAsync("matrix");
        _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString));
        _factory.StartServer();

        await _factory.MandantAsync(Hosting.Kommandos.AnbieterMandant, "IT-Dienstleister");
        foreach (var rolle in AutorisierungsMatrixTabelle.Rollen.Where(r => r != MatrixRolle.Anonym))
        {
            var (r, team, behoerde) = Art(rolle);
            var konto = await _factory.KontoAsync(
                "mx." + AutorisierungsMatrixTabelle.Bezeichnung(rolle).ToLowerInvariant(), r, team, behoerde,
                mandant: rolle == MatrixRolle.Anbieter ? Hosting.Kommandos.AnbieterMandant : "standard");
            _konten[rolle] = konto;
            _clients[rolle] = await _factory.AngemeldetAsync(konto);
        }

        _clients[MatrixRolle.Anonym] = _factory.NeuerClient();
        KollegeTeamB = await _factory.KontoAsync("mx.fm-b2", Rolle.Fallmanagement, "Team B");
        Anmeldekonto = await _factory.KontoAsync("mx.anmeldung", Rolle.Lenkungsgruppe, zweiFaktor: false);
        Zielkonto = await _factory.KontoAsync("mx.zielkonto", Rolle.Lenkungsgruppe, zweiFaktor: false);

        // The other Kommune: its case manager builds the cross-Mandant scenario Fall; its colleague is the deputy target.
        await _factory.MandantAsync(AndererMandant, "Matrix-Kreis B");
        _fmAndererMandant = await _factory.AngemeldetAsync(await _factory.KontoAsync("mx.fm-kreis-b", Rolle.Fallmanagement, "Team Kreis B", mandant: AndererMandant));
        _kollegeAndererMandant = (await _factory.KontoAsync("mx.fm-kreis-b2", Rolle.Fallmanagement, "Team Kreis B", mandant: AndererMandant)).Id;
        _dsAndererMandant = await _factory.AngemeldetAsync(await _factory.KontoAsync("mx.ds-kreis-b", Rolle.Datenschutz, mandant: AndererMandant));

        foreach (var szenario in AutorisierungsMatrixTabelle.AlleSzenarien)
        {
            _geteilt[szenario] = await AufbauenAsync(szenario);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values.Concat(_weitereClients))
        {
            client.Dispose();
        }

        _fmAndererMandant?.Dispose();
        _dsAndererMandant?.Dispose();

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static (Rolle Rolle, string? Team, Behoerde? Behoerde) Art(MatrixRolle rolle) => rolle switch
    {
        MatrixRolle.FmA or MatrixRolle.FmA2 => (Rolle.Fallmanagement, "Team A", null),
        MatrixRolle.FmB => (Rolle.Fallmanagement, "Team B", null),
        MatrixRolle.TlA => (Rolle.Teamleitung, "Team A", null),
        MatrixRolle.PartnerAbh => (Rolle.Partner, null, Behoerde.Auslaenderbehoerde),
        MatrixRolle.PartnerJc => (Rolle.Partner, null, Behoerde.Jobcenter),
        MatrixRolle.PartnerBb => (Rolle.Partner, null, Behoerde.Bildungsberatung),
        MatrixRolle.Lenkungsgruppe => (Rolle.Lenkungsgruppe, null, null),
        MatrixRolle.Datenschutz => (Rolle.Datenschutz, null, null),
        MatrixRolle.Administration => (Rolle.Administration, null, null),
        MatrixRolle.Anbieter => (Rolle.Anbieteradministration, null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(rolle), rolle, "Anonym hat kein Konto."),
    };

    private static object Einwilligung(string empfaenger, string zweck, DateOnly gueltigAb) =>
        new { empfaenger, datenkategorien = AlleKategorien, zweck, gueltigAb, formularReferenz = "EW-MX-" + empfaenger };

    private HttpClient Merken(HttpClient client)
    {
        lock (_weitereClients)
        {
            _weitereClients.Add(client);
        }

        return client;
    }

    /// <summary>Builds a scenario Fall through the API, as its case manager (FM-A; FM-B for "fremd").</summary>
    private async Task<SzenarioFall> AufbauenAsync(MatrixSzenario szenario)
    {
        var heute = Heute;
        var fremd = szenario == MatrixSzenario.Fremd;
        var andererMandant = szenario == MatrixSzenario.AndererMandant;
        var mitPartnern = szenario is MatrixSzenario.Fremd or MatrixSzenario.Eingewilligt or MatrixSzenario.Widerrufen or MatrixSzenario.AndererMandant;
        var fm = andererMandant ? _fmAndererMandant! : Client(fremd ? MatrixRolle.FmB : MatrixRolle.FmA);
        var kollege = andererMandant ? _kollegeAndererMandant! : fremd ? KollegeTeamB.Id : Konto(MatrixRolle.FmA2).Id;

        var fallId = await fm.NeuerFallAsync(Aufnahme(heute.AddDays(-20), mitPartnern, "Matrix" + szenario));
        var basis = $"/api/faelle/{fallId}";
        var ziel = await fm.PostAsJsonAsync(basis + "/ziele", new { was = "Integrationskurs bis B1 abschließen", bisWann = heute.AddMonths(6), wer = "Klientin mit Fallmanagement", vereinbartAm = heute.AddDays(-1) }).OkAsync();
        var wiedervorlage = await fm.PostAsJsonAsync(basis + "/wiedervorlagen", new { faellig = heute.AddDays(7), betreff = "Unterlagen nachhalten" }).OkAsync();
        var (von, bis) = szenario == MatrixSzenario.Vertreten ? (heute, heute.AddDays(14)) : (heute.AddDays(30), heute.AddDays(60));
        var vertretung = await fm.PostAsJsonAsync(basis + "/vertretungen", new { benutzerId = kollege, von, bis }).OkAsync();

        Guid? ueberleitungId = null;
        if (mitPartnern)
        {
            using var antwort = await fm.PostAsJsonAsync(basis + "/ueberleitungen", new { empfaenger = "Jobcenter", anliegen = "Bitte Termin zur Potenzialanalyse anbieten.", fachlichesDatum = heute.AddDays(-1) });
            if (!antwort.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Überleitung für {szenario} fehlgeschlagen: {(int)antwort.StatusCode} {await antwort.Content.ReadAsStringAsync()}");
            }

            ueberleitungId = Guid.Parse(antwort.Headers.Location!.OriginalString.Split("#ueberleitung-")[1]);
        }

        var einwilligungen = (await fm.FallAsync(fallId))["einwilligungen"]!.AsArray();
        if (szenario == MatrixSzenario.Widerrufen)
        {
            foreach (var behoerde in Partnerbehoerden)
            {
                await fm.PostAsJsonAsync($"{basis}/einwilligungen/{EinwilligungVon(einwilligungen, behoerde)}/widerruf", new { }).OkAsync();
            }
        }

        Guid? themaId = null;
        if (andererMandant)
        {
            // A Thema for the state-change row, then a hold set by its own Kommune's Datenschutz: the lifting row has a
            // hold to lift that only the Mandant hides.
            themaId = Id(await fm.PostAsJsonAsync(basis + "/themen", new { kategorie = "Wohnsitzauflage", beschreibung = "Wohnsitzauflage verhindert Ausbildung in der Nachbarstadt." }).OkAsync());
            await _dsAndererMandant!.PostAsJsonAsync($"/api/datenschutz/faelle/{fallId}/sperre", new { grund = "Prüfung der Richtigkeit" }).OkAsync();
        }

        return new SzenarioFall(
            szenario, fallId, EinwilligungVon(einwilligungen, "CaseManagement"), Id(ziel), Id(wiedervorlage), Id(vertretung), ueberleitungId, kollege, themaId);
    }

    private static Guid EinwilligungVon(JsonArray einwilligungen, string empfaenger) =>
        einwilligungen.Single(e => e!["empfaenger"]!.GetValue<string>() == empfaenger)!["id"]!.GetValue<Guid>();

    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();
}
