using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// The settings per Kommune (issue 18 item 3, migration 0022) through <c>/api/admin/einstellungen</c>: installation
/// defaults without own values, the data protection floor of k, German messages per field with nothing stored, the audit
/// entry with old and new values, and two Kommunen that never see each other's values.
/// </summary>
public sealed class EinstellungenTests(EinstellungenTests.Fixture fx) : IClassFixture<EinstellungenTests.Fixture>
{
    private const string Basis = "/api/admin/einstellungen";

    [Fact]
    public async Task Lesen_WithoutOwnValues_GivesTheInstallationDefaultForEverySetting()
    {
        var e = await fx.AdminLeer.GetFromJsonAsync<JsonNode>(Basis);

        e!["mandant"]!.GetValue<string>().ShouldBe(Fixture.MandantLeer);
        e["geaendertAm"].ShouldBeNull();
        foreach (var feld in new[] { "mindestgroesse", "titelVorlaufWochen", "einwilligungVorlaufTage", "kooperationsplanVorlaufTage", "chancenaufenthaltsrechtVorlaufWochen" })
        {
            e[feld]!["ueberschrieben"]!.GetValue<bool>().ShouldBeFalse(feld);
            e[feld]!["wirksam"]!.GetValue<int>().ShouldBe(e[feld]!["standard"]!.GetValue<int>(), feld);
        }

        e["mindestgroesse"]!["wirksam"]!.GetValue<int>().ShouldBe(e["mindestgroesseUntergrenze"]!.GetValue<int>());
        e["titelVorlaufWochen"]!["wirksam"]!.GetValue<int>().ShouldBe(8);
        e["einwilligungVorlaufTage"]!["wirksam"]!.GetValue<int>().ShouldBe(28);
        e["idealverlauf"]!.AsArray().ShouldAllBe(i => !i!["ueberschrieben"]!.GetValue<bool>());
        e["idealverlauf"]!.AsArray().Single(i => i!["spur"]!.GetValue<string>() == "Prozess")!["wirksam"]!["pfade"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Aendern_WithKBelowTheFloorAndOtherWrongValues_Answers400InGermanPerFieldAndStoresNothing()
    {
        var vorher = await fx.AdminA.GetFromJsonAsync<JsonNode>(Basis);
        var untergrenze = vorher!["mindestgroesseUntergrenze"]!.GetValue<int>();

        var problem = await fx.AdminA.PutAsJsonAsync(Basis, new
        {
            mindestgroesse = untergrenze - 1,
            vollzeitstellen = 0m,
            idealverlauf = new Dictionary<string, object> { ["Prozess"] = new { pfade = new[] { "Anfrage>Nirgendwo" }, wartezustaende = Array.Empty<string>() } },
            titelVorlaufWochen = 60,
            einwilligungVorlaufTage = 0,
        }).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Fehlerfelder().ShouldBe(["mindestgroesse", "vollzeitstellen", "idealverlauf.Prozess", "titelVorlaufWochen", "einwilligungVorlaufTage"], ignoreOrder: true);
        problem.Fehler("mindestgroesse").Single().ShouldBe($"Die Mindestgruppengröße darf nicht unter {untergrenze} liegen, der Untergrenze dieser Installation (Datenschutz). Sie kann nur erhöht werden.");
        problem.Fehler("idealverlauf.Prozess").Single().ShouldBe("„Nirgendwo“ ist kein Zustand dieser Spur.");
        problem.Fehler("titelVorlaufWochen").Single().ShouldContain("zwischen 1 und 52 Wochen");
        problem.Fehler("vollzeitstellen").Single().ShouldContain("größer als 0");

        // Nothing stored: no row, and the same answer as before.
        (await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, $"SELECT count(*) FROM mandant_einstellungen WHERE mandant = '{Fixture.MandantA}'")).ShouldBe("0");
        (await fx.AdminA.GetFromJsonAsync<JsonNode>(Basis))!.ToJsonString().ShouldBe(vorher.ToJsonString());

        // An unknown track is refused the same way.
        var spur = await fx.AdminA.PutAsJsonAsync(Basis, new { idealverlauf = new Dictionary<string, object> { ["Wohnen"] = new { pfade = new[] { "A>B" } } } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        spur.Fehlerfelder().ShouldBe(["idealverlauf.Wohnen"]);
    }

    [Fact]
    public async Task Aendern_WithValidValues_StoresThemAuditsOldAndNewAndAnEmptyFieldGoesBackToTheDefault()
    {
        var standard = (await fx.AdminB.GetFromJsonAsync<JsonNode>(Basis))!["mindestgroesse"]!["standard"]!.GetValue<int>();

        var antwort = await fx.AdminB.PutAsJsonAsync(Basis, new
        {
            mindestgroesse = standard + 2,
            vollzeitstellen = 4.5m,
            idealverlauf = new Dictionary<string, object> { ["Prozess"] = new { pfade = new[] { "Anfrage > Klaerung > Verweisung" }, wartezustaende = new[] { "Klaerung" } } },
            kooperationsplanVorlaufTage = 21,
        }).OkAsync();

        antwort["mindestgroesse"]!["wirksam"]!.GetValue<int>().ShouldBe(standard + 2);
        antwort["mindestgroesse"]!["ueberschrieben"]!.GetValue<bool>().ShouldBeTrue();
        antwort["vollzeitstellen"]!["wirksam"]!.GetValue<decimal>().ShouldBe(4.5m);
        antwort["kooperationsplanVorlaufTage"]!["wirksam"]!.GetValue<int>().ShouldBe(21);
        antwort["titelVorlaufWochen"]!["ueberschrieben"]!.GetValue<bool>().ShouldBeFalse();
        var prozess = antwort["idealverlauf"]!.AsArray().Single(i => i!["spur"]!.GetValue<string>() == "Prozess")!;
        prozess["ueberschrieben"]!.GetValue<bool>().ShouldBeTrue();
        prozess["wirksam"]!["pfade"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["Anfrage>Klaerung>Verweisung"]);
        antwort["geaendertAm"].ShouldNotBeNull();

        // Audited on the same path as every admin action, with old and new values and no personal data.
        var detail = await WarteAufAuditAsync();
        detail.ShouldContain($"Mindestgroesse: Standard ({standard}) -> {standard + 2}");
        detail.ShouldContain("Vollzeitstellen: Standard -> 4.5");
        detail.ShouldContain("KooperationsplanVorlaufTage: Standard (14) -> 21");
        detail.ShouldContain("Idealverlauf.Prozess: Standard -> Anfrage>Klaerung>Verweisung (warten: Klaerung)");

        // PUT replaces: what is left out is the installation's default again.
        var zurueck = await fx.AdminB.PutAsJsonAsync(Basis, new { kooperationsplanVorlaufTage = 21 }).OkAsync();
        zurueck["mindestgroesse"]!["wirksam"]!.GetValue<int>().ShouldBe(standard);
        zurueck["mindestgroesse"]!["ueberschrieben"]!.GetValue<bool>().ShouldBeFalse();
        zurueck["idealverlauf"]!.AsArray().ShouldAllBe(i => !i!["ueberschrieben"]!.GetValue<bool>());

        // The other Kommune's Administration never sees these values.
        var a = await fx.AdminA.GetFromJsonAsync<JsonNode>(Basis);
        a!["kooperationsplanVorlaufTage"]!["ueberschrieben"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Aendern_TwoAdministratorsFromTheSameVersion_TheSecondIsRefusedWith409AndNothingOfItIsStored()
    {
        // Both people of Kommune C's Administration open the settings while nothing of their own is stored yet.
        var gelesen = await fx.AdminC1.GetAsync(Basis);
        var version = (await gelesen.Content.ReadFromJsonAsync<JsonNode>())!["version"]!.GetValue<string>();
        version.ShouldBe("standard");
        gelesen.Headers.ETag!.Tag.ShouldBe("\"standard\"");
        var version2 = (await fx.AdminC2.GetFromJsonAsync<JsonNode>(Basis))!["version"]!.GetValue<string>();
        version2.ShouldBe(version);

        // The first saves over that version (If-Match): stored, and the answer names the new version.
        var erste = await fx.AdminC1.SendAsync(Put(new { titelVorlaufWochen = 10 }, ifMatch: gelesen.Headers.ETag.Tag));
        erste.StatusCode.ShouldBe(HttpStatusCode.OK);
        var neu = (await erste.Content.ReadFromJsonAsync<JsonNode>())!["version"]!.GetValue<string>();
        neu.ShouldNotBe(version);
        erste.Headers.ETag!.Tag.ShouldBe($"\"{neu}\"");

        // The second, still over the old version (here in the body): 409 in German, nothing of it stored, nothing audited.
        var problem = await fx.AdminC2.PutAsJsonAsync(Basis, new { einwilligungVorlaufTage = 40, version = version2 }).ProblemAsync(HttpStatusCode.Conflict);
        problem.Titel().ShouldBe("Bearbeitungskonflikt");
        problem["detail"]!.GetValue<string>().ShouldBe(Application.Einstellungen.MandantEinstellungen.KonfliktText);
        var stand = (await fx.AdminC2.GetFromJsonAsync<JsonNode>(Basis))!;
        stand["version"]!.GetValue<string>().ShouldBe(neu);
        stand["titelVorlaufWochen"]!["wirksam"]!.GetValue<int>().ShouldBe(10);
        stand["einwilligungVorlaufTage"]!["ueberschrieben"]!.GetValue<bool>().ShouldBeFalse();

        // The same after a save: a version that is no longer the stored one is refused (If-Match, weak form too).
        (await fx.AdminC1.SendAsync(Put(new { titelVorlaufWochen = 11 }, ifMatch: $"W/\"{version}\""))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Over the version just read, the second person's save goes through; a save without any version still replaces
        // (API clients that send none: last save wins, as documented).
        var zweite = await fx.AdminC2.SendAsync(Put(new { titelVorlaufWochen = 10, einwilligungVorlaufTage = 40 }, ifMatch: $"\"{neu}\""));
        zweite.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fx.AdminC1.PutAsJsonAsync(Basis, new { titelVorlaufWochen = 9 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Exactly the three stored changes are audited, none of the refused ones.
        await WarteAufAuditAsync(Fixture.MandantC, "TitelVorlaufWochen: 10 -> 9%");
        var details = await SqlHilfen.TextAsync(
            fx.Database.OwnerConnectionString,
            $"SELECT string_agg(detail, ' | ' ORDER BY id) FROM audit_protokoll WHERE aktion = 'Admin.EinstellungenGeaendert' AND mandant = '{Fixture.MandantC}'");
        details.ShouldBe("TitelVorlaufWochen: Standard (8) -> 10 | EinwilligungVorlaufTage: Standard (28) -> 40 | TitelVorlaufWochen: 10 -> 9; EinwilligungVorlaufTage: 40 -> Standard (28)");
    }

    [Theory]
    [InlineData("\"gestern\"")]
    [InlineData("\"-5\"")]
    [InlineData("\"99999999999999999999999\"")]
    public async Task Aendern_WithAVersionThatIsNoVersion_Answers400InGermanAndStoresNothing(string ifMatch)
    {
        var vorher = (await fx.AdminLeer.GetFromJsonAsync<JsonNode>(Basis))!.ToJsonString();
        var problem = await fx.AdminLeer.SendAsync(Put(new { titelVorlaufWochen = 10 }, ifMatch)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Fehlerfelder().ShouldBe(["version"]);
        problem.Fehler("version").Single().ShouldStartWith("Erwartet wird die Version, die das Lesen der Einstellungen genannt hat");
        (await fx.AdminLeer.GetFromJsonAsync<JsonNode>(Basis))!.ToJsonString().ShouldBe(vorher);
    }

    private static HttpRequestMessage Put(object body, string ifMatch)
    {
        var anfrage = new HttpRequestMessage(HttpMethod.Put, Basis) { Content = JsonContent.Create(body) };
        anfrage.Headers.TryAddWithoutValidation("If-Match", ifMatch).ShouldBeTrue();
        return anfrage;
    }

    [Fact]
    public async Task Einstellungen_ForOtherRoles_Answer403()
    {
        (await fx.Lenkungsgruppe.GetAsync(Basis)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fx.Lenkungsgruppe.PutAsJsonAsync(Basis, new { mindestgroesse = 50 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fx.Client.PutAsJsonAsync(Basis, new { mindestgroesse = 50 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SqlHilfen.TextAsync(fx.Database.OwnerConnectionString, "SELECT count(*) FROM mandant_einstellungen WHERE mindestgroesse = 50")).ShouldBe("0");
    }

    private Task<string> WarteAufAuditAsync() => WarteAufAuditAsync(Fixture.MandantB, "Mindestgroesse%");

    private async Task<string> WarteAufAuditAsync(string mandant, string muster)
    {
        for (var i = 0; i < 100; i++)
        {
            var detail = await SqlHilfen.TextAsync(
                fx.Database.OwnerConnectionString,
                $"SELECT detail FROM audit_protokoll WHERE aktion = 'Admin.EinstellungenGeaendert' AND mandant = '{mandant}' AND detail LIKE '{muster}' ORDER BY id DESC LIMIT 1");
            if (detail is not null)
            {
                return detail;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException("Kein Protokolleintrag Admin.EinstellungenGeaendert.");
    }

    /// <summary>Three Kommunen: one that never sets anything, A and B with their own Administration; a Lenkungsgruppe of A.</summary>
    public sealed class Fixture : ApiFixture
    {
        public const string MandantLeer = "kreis-einst-leer";
        public const string MandantA = "kreis-einst-a";
        public const string MandantB = "kreis-einst-b";
        public const string MandantC = "kreis-einst-c";

        public HttpClient AdminLeer { get; private set; } = null!;

        public HttpClient AdminA { get; private set; } = null!;

        public HttpClient AdminB { get; private set; } = null!;

        public HttpClient Lenkungsgruppe { get; private set; } = null!;

        /// <summary>Two people of Kommune C's Administration (concurrent saves).</summary>
        public HttpClient AdminC1 { get; private set; } = null!;

        public HttpClient AdminC2 { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var m in new[] { MandantLeer, MandantA, MandantB, MandantC })
            {
                await Factory.MandantAsync(m, "Kreis " + m);
            }

            AdminLeer = await Factory.AngemeldetAsync(await Factory.KontoAsync("ad.einst-leer", Rolle.Administration, mandant: MandantLeer));
            AdminA = await Factory.AngemeldetAsync(await Factory.KontoAsync("ad.einst-a", Rolle.Administration, mandant: MandantA));
            AdminB = await Factory.AngemeldetAsync(await Factory.KontoAsync("ad.einst-b", Rolle.Administration, mandant: MandantB));
            Lenkungsgruppe = await Factory.AngemeldetAsync(await Factory.KontoAsync("lg.einst-a", Rolle.Lenkungsgruppe, mandant: MandantA));
            AdminC1 = await Factory.AngemeldetAsync(await Factory.KontoAsync("ad.einst-c1", Rolle.Administration, mandant: MandantC));
            AdminC2 = await Factory.AngemeldetAsync(await Factory.KontoAsync("ad.einst-c2", Rolle.Administration, mandant: MandantC));
        }

        public override async Task DisposeAsync()
        {
            AdminLeer?.Dispose();
            AdminA?.Dispose();
            AdminB?.Dispose();
            Lenkungsgruppe?.Dispose();
            AdminC1?.Dispose();
            AdminC2?.Dispose();
            await base.DisposeAsync();
        }
    }
}
