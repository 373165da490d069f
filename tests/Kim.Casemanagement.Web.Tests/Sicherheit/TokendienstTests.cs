using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// The token service (ADR 0010) against independent implementations and hostile tokens: discovery, openid-client's
/// code + PKCE with refresh rotation and reuse detection, a partner system's client credentials through openid-client,
/// forged JWTs (wrong issuer, audience, expired, alg none, HS256 with the public key, tampered), broken authorization
/// requests, a disabled partner system, the token endpoint's rate limit.
/// </summary>
public sealed class TokendienstTests(TokendienstFixture fx) : IClassFixture<TokendienstFixture>
{
    [Fact]
    public async Task Discovery_WhenRequested_ListsTheThreeGrantsAndS256Only()
    {
        using var client = fx.Factory.NeuerClient();

        var doc = JsonNode.Parse(await client.GetStringAsync("/.well-known/openid-configuration"))!;

        doc["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).Order().ShouldBe(["authorization_code", "client_credentials", "refresh_token"]);
        doc["code_challenge_methods_supported"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["S256"]);
        doc["response_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["code"]);
        doc["issuer"]!.GetValue<string>().ShouldBe(fx.Factory.Adresse.GetLeftPart(UriPartial.Authority));
        var jwks = JsonNode.Parse(await client.GetStringAsync("/.well-known/openid-configuration/jwks"))!;
        jwks["keys"]!.AsArray().Count.ShouldBe(1);
        jwks["keys"]![0]!["d"].ShouldBeNull("der private Schlüssel darf nie veröffentlicht werden");
    }

    [Fact]
    public async Task CodeMitPkce_WhenOpenidClientSignsIn_CallsTheApiRotatesAndRevokesTheFamilyOnReuse()
    {
        var ergebnis = await TokendienstFixture.NodeAsync("code-pkce.mjs", new Dictionary<string, string>
        {
            ["KIM_URL"] = fx.Factory.Adresse.GetLeftPart(UriPartial.Authority),
            ["KIM_CLIENT"] = TokendienstFixture.AppClient,
            ["KIM_REDIRECT"] = TokendienstFixture.Rueckruf,
            ["KIM_SCOPE"] = "openid kim.konto kim.faelle offline_access",
            ["KIM_BENUTZER"] = fx.Fallmanagerin.Benutzername,
            ["KIM_PASSWORT"] = fx.Fallmanagerin.Passwort,
            ["KIM_CODE"] = await fx.Factory.CodeAsync(fx.Fallmanagerin),
        });

        ergebnis["fehler"].ShouldBeNull(ergebnis.ToJsonString());
        ergebnis["anmeldeseite"]!.GetValue<string>().ShouldBe("/Konto/Anmelden");
        ergebnis["rueckruf"]!.GetValue<bool>().ShouldBeTrue();
        ergebnis["hatRefreshToken"]!.GetValue<bool>().ShouldBeTrue();
        ergebnis["sub"]!.GetValue<string>().ShouldBe(fx.Fallmanagerin.Id);
        ergebnis["kontoStatus"]!.GetValue<int>().ShouldBe(200, ergebnis.ToJsonString());
        ergebnis["konto"]!["benutzername"]!.GetValue<string>().ShouldBe(fx.Fallmanagerin.Benutzername);
        ergebnis["konto"]!["sitzungMitZweitemFaktor"]!.GetValue<bool>().ShouldBeTrue();
        ergebnis["erneuertNeuesRefreshToken"]!.GetValue<bool>().ShouldBeTrue();
        ergebnis["nachErneuerungStatus"]!.GetValue<int>().ShouldBe(200);
        ergebnis["wiederverwendung"]!.GetValue<string>().ShouldBe("invalid_grant");
        ergebnis["familie"]!.GetValue<string>().ShouldBe("invalid_grant");
        ergebnis["zugriffNachWiederverwendung"]!.GetValue<int>().ShouldBe(401);

        var access = new JwtSecurityTokenHandler().ReadJwtToken(ergebnis["accessToken"]!.GetValue<string>());
        access.Header.Typ.ShouldBe("at+jwt");
        access.Audiences.ShouldBe(["kim-api"]);
    }

    [Fact]
    public async Task Partnersystem_WhenOpenidClientUsesClientCredentials_FiresAStepOnTheConsentedFallAndIsAuditedWithItsId()
    {
        var geheimnis = await fx.PartnersystemAsync("abh-fachverfahren", Behoerde.Auslaenderbehoerde, "kim.partner.lesen", "kim.partner.aufenthalt");

        var ergebnis = await TokendienstFixture.NodeAsync("partnersystem.mjs", new Dictionary<string, string>
        {
            ["KIM_URL"] = fx.Factory.Adresse.GetLeftPart(UriPartial.Authority),
            ["KIM_CLIENT"] = "abh-fachverfahren",
            ["KIM_GEHEIMNIS"] = geheimnis,
            ["KIM_SCOPE"] = "kim.partner.lesen kim.partner.aufenthalt",
            ["KIM_FALL"] = fx.FallEingewilligt.ToString(),
            ["KIM_SPUR"] = "Aufenthalt",
            ["KIM_TRIGGER"] = "AsylSuchen",
            ["KIM_DATUM"] = AutorisierungsMatrixFixture.Heute.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        ergebnis["fehler"].ShouldBeNull(ergebnis.ToJsonString());
        ergebnis["lesenStatus"]!.GetValue<int>().ShouldBe(200, ergebnis.ToJsonString());
        ergebnis["schrittStatus"]!.GetValue<int>().ShouldBe(200, ergebnis["schritt"]?.ToJsonString());
        await using var db = NpgsqlDataSource.Create(fx.Einstellungen["ConnectionStrings:KimMigration"]!);
        await using var cmd = db.CreateCommand("SELECT count(*) FROM audit_protokoll WHERE benutzer_id = 'partnersystem:abh-fachverfahren' AND aktion = 'Partnersystem.Aufruf'");
        var zeilen = (long)(await cmd.ExecuteScalarAsync())!;
        zeilen.ShouldBeGreaterThanOrEqualTo(2);
        await using var ereignis = db.CreateCommand("SELECT count(*) FROM fall_ereignisse WHERE fall_id = $1 AND akteur = 'partnersystem:abh-fachverfahren'");
        ereignis.Parameters.AddWithValue(fx.FallEingewilligt);
        ((long)(await ereignis.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task Partnersystem_WithItsToken_GetsThePartnerRulesAndNoHumanOnlyEndpoint()
    {
        var geheimnis = await fx.PartnersystemAsync("jc-regeln", Behoerde.Jobcenter, "kim.partner.lesen", "kim.partner.leistungen");
        using var client = await PartnersystemClientAsync("jc-regeln", geheimnis, "kim.partner.lesen kim.partner.leistungen");

        (await StatusAsync(client.GetAsync($"/api/faelle/{fx.FallEingewilligt}"))).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(client.GetAsync($"/api/faelle/{fx.FallOhneEinwilligung}"))).ShouldBe(HttpStatusCode.NotFound);
        (await StatusAsync(client.GetAsync($"/api/faelle/{Guid.NewGuid()}"))).ShouldBe(HttpStatusCode.NotFound);
        (await StatusAsync(client.PostAsJsonAsync($"/api/faelle/{fx.FallEingewilligt}/schritte", new { spur = "Aufenthalt", trigger = "AsylSuchen", fachlichesDatum = AutorisierungsMatrixFixture.Heute }))).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(client.PostAsJsonAsync("/api/faelle", AutorisierungsMatrixFixture.Aufnahme(AutorisierungsMatrixFixture.Heute, mitPartnern: false)))).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(client.GetAsync("/api/admin/benutzer"))).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(client.GetAsync("/api/datenschutz/einwilligungen"))).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(client.GetAsync($"/api/faelle/{fx.FallEingewilligt}/notizen"))).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(client.GetAsync("/api/konto"))).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(client.GetAsync("/Faelle"))).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Partnersystem_WhenDisabled_ItsTokenStopsAtOnceAndNoNewTokenIsIssued()
    {
        var geheimnis = await fx.PartnersystemAsync("bb-sperre", Behoerde.Bildungsberatung, "kim.partner.lesen");
        using var client = await PartnersystemClientAsync("bb-sperre", geheimnis, "kim.partner.lesen");
        (await StatusAsync(client.GetAsync($"/api/faelle/{fx.FallEingewilligt}"))).ShouldBe(HttpStatusCode.OK);

        (await StatusAsync(fx.AdminClient.PostAsync("/api/admin/partnersysteme/bb-sperre/deaktivierung", null))).ShouldBe(HttpStatusCode.OK);

        (await StatusAsync(client.GetAsync($"/api/faelle/{fx.FallEingewilligt}"))).ShouldBe(HttpStatusCode.Unauthorized);
        using var anonym = fx.Factory.NeuerClient();
        var (status, antwort) = await fx.TokenAsync(anonym, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "bb-sperre", ["client_secret"] = geheimnis });
        status.ShouldBe(HttpStatusCode.BadRequest);
        antwort!["access_token"].ShouldBeNull();
    }

    [Fact]
    public async Task Partnersystem_WhenItsSecretIsRotated_TheNewSecretWorksAndAWrongOneDoesNot()
    {
        var alt = await fx.PartnersystemAsync("abh-rotation", Behoerde.Auslaenderbehoerde, "kim.partner.lesen");
        using var antwort = await fx.AdminClient.PostAsync("/api/admin/partnersysteme/abh-rotation/geheimnis", null);
        var neu = JsonNode.Parse(await antwort.Content.ReadAsStringAsync())!["geheimnis"]!.GetValue<string>();
        using var anonym = fx.Factory.NeuerClient();

        (await fx.TokenAsync(anonym, Felder("abh-rotation", neu))).Status.ShouldBe(HttpStatusCode.OK);
        (await fx.TokenAsync(anonym, Felder("abh-rotation", alt))).Status.ShouldBe(HttpStatusCode.OK, "das bisherige Geheimnis gilt in der Übergangszeit");
        (await fx.TokenAsync(anonym, Felder("abh-rotation", neu + "x"))).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await fx.TokenAsync(anonym, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "abh-rotation", ["client_secret"] = neu, ["scope"] = "kim.admin" })).Status.ShouldBe(HttpStatusCode.BadRequest);

        static Dictionary<string, string> Felder(string id, string geheimnis) => new() { ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = geheimnis };
    }

    public static TheoryData<string> Faelschungen() => ["Aussteller", "Zielgruppe", "Abgelaufen", "AlgNone", "Hs256MitOeffentlichemSchluessel", "Manipuliert", "FremderSchluessel"];

    [Theory]
    [MemberData(nameof(Faelschungen))]
    public async Task Jwt_WhenForgedOrWrong_IsRefusedWith401(string art)
    {
        var geheimnis = await fx.PartnersystemAsync("abh-faelschung-" + art.ToLowerInvariant(), Behoerde.Auslaenderbehoerde, "kim.partner.lesen");
        var echt = await TokenTextAsync("abh-faelschung-" + art.ToLowerInvariant(), geheimnis, "kim.partner.lesen");
        using (var pruefung = fx.Factory.NeuerClient())
        {
            pruefung.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", echt);
            (await StatusAsync(pruefung.GetAsync($"/api/faelle/{fx.FallEingewilligt}"))).ShouldBe(HttpStatusCode.OK, "das echte Token muss gelten, sonst beweist der Test nichts");
        }

        var gelesen = new JwtSecurityTokenHandler().ReadJwtToken(echt);
        var claims = gelesen.Claims.Where(c => c.Type is not ("aud" or "iss" or "exp" or "nbf" or "iat")).ToList();
        var aussteller = gelesen.Issuer;
        var rsa = new RsaSecurityKey(fx.Schluessel) { KeyId = gelesen.Header.Kid };
        string Signieren(string iss, string aud, DateTime ablauf, SigningCredentials mit) => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            new JwtHeader(mit) { ["typ"] = "at+jwt" }, new JwtPayload(iss, aud, claims, DateTime.UtcNow.AddMinutes(-10), ablauf, DateTime.UtcNow.AddMinutes(-10))));
        var echteZeichnung = new SigningCredentials(rsa, SecurityAlgorithms.RsaSha256);
        var gueltigBis = DateTime.UtcNow.AddMinutes(5);

        var token = art switch
        {
            "Aussteller" => Signieren("https://boese.example", "kim-api", gueltigBis, echteZeichnung),
            "Zielgruppe" => Signieren(aussteller, "andere-api", gueltigBis, echteZeichnung),
            "Abgelaufen" => Signieren(aussteller, "kim-api", DateTime.UtcNow.AddMinutes(-2), echteZeichnung),
            "AlgNone" => Unsigniert(echt),
            "Hs256MitOeffentlichemSchluessel" => Signieren(aussteller, "kim-api", gueltigBis, new SigningCredentials(
                new SymmetricSecurityKey(Encoding.ASCII.GetBytes(fx.Schluessel.ExportSubjectPublicKeyInfoPem())) { KeyId = gelesen.Header.Kid }, SecurityAlgorithms.HmacSha256)),
            "Manipuliert" => Manipuliert(echt),
            "FremderSchluessel" => Signieren(aussteller, "kim-api", gueltigBis, new SigningCredentials(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = gelesen.Header.Kid }, SecurityAlgorithms.RsaSha256)),
            _ => throw new ArgumentOutOfRangeException(nameof(art)),
        };

        using var client = fx.Factory.NeuerClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await StatusAsync(client.GetAsync($"/api/faelle/{fx.FallEingewilligt}"))).ShouldBe(HttpStatusCode.Unauthorized);

        static string Unsigniert(string jwt)
        {
            var teile = jwt.Split('.');
            return Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + teile[1] + ".";
        }

        static string Manipuliert(string jwt)
        {
            var teile = jwt.Split('.');
            var nutzlast = JsonNode.Parse(Base64UrlEncoder.Decode(teile[1]))!;
            nutzlast["client_behoerde"] = "Jobcenter";
            return teile[0] + "." + Base64UrlEncoder.Encode(nutzlast.ToJsonString()) + "." + teile[2];
        }
    }

    [Fact]
    public async Task Autorisierung_WhenTheRedirectUriIsNotRegistered_IssuesNoCodeAndShowsTheErrorPage()
    {
        var (_, challenge) = TokendienstFixture.Pkce();

        var ziel = await fx.AutorisierenAsync("https://angreifer.example/rueckruf", challenge);

        ziel.Host.ShouldBe(fx.Factory.Adresse.Host);
        ziel.AbsolutePath.ShouldBe("/Konto/Anmeldefehler");
        ziel.Query.ShouldNotContain("code=");
    }

    [Fact]
    public async Task Autorisierung_WithoutPkceOrWithPlain_IssuesNoCode()
    {
        var ohne = await fx.AutorisierenAsync(TokendienstFixture.Rueckruf, challenge: null);
        var plain = await fx.AutorisierenAsync(TokendienstFixture.Rueckruf, "x".PadRight(43, 'x'), methode: "plain");

        foreach (var ziel in new[] { ohne, plain })
        {
            // IdentityServer shows its error page for a request it does not accept: nothing goes to the client.
            ziel.Host.ShouldBe(fx.Factory.Adresse.Host, ziel.ToString());
            ziel.AbsolutePath.ShouldBe("/Konto/Anmeldefehler", ziel.ToString());
            ziel.Query.ShouldNotContain("code=");
        }
    }

    [Fact]
    public async Task Code_WithAMissingOrWrongVerifierOrRedeemedTwice_IssuesNothing()
    {
        using var anonym = fx.Factory.NeuerClient();
        var (verifier, challenge) = TokendienstFixture.Pkce();

        var ohne = await CodeEinloesenAsync(anonym, await CodeAsync(challenge), verifier: null);
        var falsch = await CodeEinloesenAsync(anonym, await CodeAsync(challenge), TokendienstFixture.Pkce().Verifier);
        var code = await CodeAsync(challenge);
        var erstes = await CodeEinloesenAsync(anonym, code, verifier);
        var zweites = await CodeEinloesenAsync(anonym, code, verifier);

        ohne.Status.ShouldBe(HttpStatusCode.BadRequest);
        ohne.Antwort!["access_token"].ShouldBeNull();
        falsch.Status.ShouldBe(HttpStatusCode.BadRequest);
        falsch.Antwort!["access_token"].ShouldBeNull();
        erstes.Status.ShouldBe(HttpStatusCode.OK, erstes.Antwort?.ToJsonString());
        erstes.Antwort!["access_token"].ShouldNotBeNull();
        zweites.Status.ShouldBe(HttpStatusCode.BadRequest);
        zweites.Antwort!["error"]!.GetValue<string>().ShouldBe("invalid_grant");
        zweites.Antwort["access_token"].ShouldBeNull();
    }

    [Fact]
    public async Task PersonenToken_WhenTheSessionIsLoggedOut_StopsAtOnce()
    {
        var (verifier, challenge) = TokendienstFixture.Pkce();
        using var anonym = fx.Factory.NeuerClient();
        var tokens = (await CodeEinloesenAsync(anonym, await CodeAsync(challenge), verifier)).Antwort!;
        using var client = fx.Factory.NeuerClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]!.GetValue<string>());
        (await StatusAsync(client.GetAsync("/api/faelle"))).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(client.GetAsync("/api/teamleitung/auslastung"))).ShouldBe(HttpStatusCode.Forbidden, "der Bereich kim.teamleitung wurde nicht erteilt");

        (await StatusAsync(client.PostAsync("/api/konto/abmeldung", null))).ShouldBe(HttpStatusCode.NoContent);

        (await StatusAsync(client.GetAsync("/api/faelle"))).ShouldBe(HttpStatusCode.Unauthorized);
        var erneuert = await fx.TokenAsync(anonym, new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = TokendienstFixture.AppClient, ["refresh_token"] = tokens["refresh_token"]!.GetValue<string>() });
        erneuert.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TokenEndpunkt_WhenCalledTooOften_AnswersWith429()
    {
        var einstellungen = new Dictionary<string, string?>(fx.Einstellungen) { ["Tokendienst:TokenAnfragenProMinute"] = "3" };
        await using var zweite = new KimWebFactory(einstellungen);
        using var client = zweite.NeuerClient();
        var felder = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "gibt-es-nicht", ["client_secret"] = "falsch" };

        var status = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            status.Add((await fx.TokenAsync(client, felder)).Status);
        }

        status.Take(3).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        status.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Schluesselwechsel_WhenTheOldKeyIsListedAsEarlier_TokensSignedWithItStillWorkAndBothArePublished()
    {
        var geheimnis = await fx.PartnersystemAsync("abh-schluesselwechsel", Behoerde.Auslaenderbehoerde, "kim.partner.lesen");
        var alt = new JwtSecurityTokenHandler().ReadJwtToken(await TokenTextAsync("abh-schluesselwechsel", geheimnis, "kim.partner.lesen"));
        using var neu = System.Security.Cryptography.RSA.Create(2048);
        var neueDatei = Path.Combine(Path.GetDirectoryName(fx.SchluesselDatei)!, $"signatur-neu-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(neueDatei, neu.ExportPkcs8PrivateKeyPem());
        var einstellungen = new Dictionary<string, string?>(fx.Einstellungen)
        {
            ["Tokendienst:Signaturschluessel"] = neueDatei,
            ["Tokendienst:FruehereSchluessel:0"] = fx.SchluesselDatei,
        };
        await using var gewechselt = new KimWebFactory(einstellungen);
        using var client = gewechselt.NeuerClient();
        var aussteller = gewechselt.Adresse.GetLeftPart(UriPartial.Authority);

        var jwks = JsonNode.Parse(await client.GetStringAsync("/.well-known/openid-configuration/jwks"))!["keys"]!.AsArray();
        jwks.Count.ShouldBe(2);
        var (status, antwort) = await fx.TokenAsync(client, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "abh-schluesselwechsel", ["client_secret"] = geheimnis, ["scope"] = "kim.partner.lesen" });
        status.ShouldBe(HttpStatusCode.OK);
        var neuesToken = new JwtSecurityTokenHandler().ReadJwtToken(antwort!["access_token"]!.GetValue<string>());
        neuesToken.Header.Kid.ShouldNotBe(alt.Header.Kid, "neue Tokens tragen den neuen Schlüssel");

        // A token of the old key (same claims, this instance's issuer) is still accepted during the overlap.
        var claims = alt.Claims.Where(c => c.Type is not ("aud" or "iss" or "exp" or "nbf" or "iat")).ToList();
        var altesToken = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            new JwtHeader(new SigningCredentials(new RsaSecurityKey(fx.Schluessel) { KeyId = alt.Header.Kid }, SecurityAlgorithms.RsaSha256)) { ["typ"] = "at+jwt" },
            new JwtPayload(aussteller, "kim-api", claims, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(4), DateTime.UtcNow.AddMinutes(-1))));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", altesToken);
        (await StatusAsync(client.GetAsync($"/api/faelle/{fx.FallEingewilligt}"))).ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", neuesToken.RawData);
        (await StatusAsync(client.GetAsync($"/api/faelle/{fx.FallEingewilligt}"))).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> CodeAsync(string challenge)
    {
        var ziel = await fx.AutorisierenAsync(TokendienstFixture.Rueckruf, challenge);
        ziel.GetLeftPart(UriPartial.Path).ShouldBe(TokendienstFixture.Rueckruf, ziel.ToString());
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(ziel.Query)["code"].ToString();
    }

    private Task<(HttpStatusCode Status, JsonNode? Antwort)> CodeEinloesenAsync(HttpClient client, string code, string? verifier)
    {
        var felder = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = TokendienstFixture.AppClient, ["code"] = code, ["redirect_uri"] = TokendienstFixture.Rueckruf };
        if (verifier is not null)
        {
            felder["code_verifier"] = verifier;
        }

        return fx.TokenAsync(client, felder);
    }

    private async Task<string> TokenTextAsync(string clientId, string geheimnis, string scope)
    {
        using var anonym = fx.Factory.NeuerClient();
        var (status, antwort) = await fx.TokenAsync(anonym, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = geheimnis, ["scope"] = scope });
        status.ShouldBe(HttpStatusCode.OK, antwort?.ToJsonString());
        return antwort!["access_token"]!.GetValue<string>();
    }

    private async Task<HttpClient> PartnersystemClientAsync(string clientId, string geheimnis, string scope)
    {
        var client = fx.Factory.NeuerClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenTextAsync(clientId, geheimnis, scope));
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> anfrage)
    {
        using var antwort = await anfrage;
        return antwort.StatusCode;
    }

    [Fact]
    public void KeyManagementOptions_AreRegisteredAsOneValidatedInstance_NotResolvedAnewOnEveryRequest()
    {
        var dienste = new ServiceCollection();
        var konfiguration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var umgebung = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() };

        Kim.Casemanagement.Web.Tokendienst.TokendienstKonfiguration.AddKimTokendienst(dienste, konfiguration, umgebung);

        var eintraege = dienste.Where(d => d.ServiceType == typeof(Duende.IdentityServer.Configuration.KeyManagementOptions)).ToList();
        eintraege.ShouldHaveSingleItem().Lifetime.ShouldBe(ServiceLifetime.Singleton);
        var a = fx.Factory.Services.GetRequiredService<Duende.IdentityServer.Configuration.KeyManagementOptions>();
        a.Enabled.ShouldBeFalse("automatic key management is a licence feature and off (ADR 0010)");
    }
}
