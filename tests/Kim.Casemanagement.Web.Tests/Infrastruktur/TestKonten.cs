using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>A staff account created for a test, with its password, TOTP key and Mandant (user names are unique per Mandant).</summary>
public sealed record TestKonto(string Id, string Benutzername, string Passwort, string TotpSchluessel, IReadOnlyList<Rolle> Rollen, Guid? TeamId, Behoerde? Behoerde, string Mandant = "standard");

/// <summary>Creates accounts through the application's own services and signs in for real over HTTP.</summary>
public static class TestKonten
{
    public const string Passwort = "Ein-langes-Test-Passwort-2026";

    public static async Task<Guid> TeamAsync(this KimWebFactory factory, string name, string mandant = "standard")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        if (await db.Teams.FirstOrDefaultAsync(t => t.Name == name && t.Mandant == mandant) is { } team)
        {
            return team.Id;
        }

        return (await scope.ServiceProvider.GetRequiredService<BenutzerVerwaltung>().TeamAnlegenAsync(name, mandant, default)).Id;
    }

    /// <summary>A second Kommune on the installation (created through the provider's service if missing).</summary>
    public static async Task MandantAsync(this KimWebFactory factory, string schluessel, string name)
    {
        factory.StartServer();
        var mandanten = factory.Services.GetRequiredService<Infrastructure.Mandanten.MandantenVerwaltung>();
        if (await mandanten.FindenAsync(schluessel, default) is null)
        {
            await mandanten.AnlegenAsync(schluessel, name, default);
        }
    }

    public static async Task<TestKonto> KontoAsync(this KimWebFactory factory, string benutzername, Rolle rolle, string? team = null, Behoerde? behoerde = null, bool zweiFaktor = true, string mandant = "standard", string passwort = Passwort)
    {
        factory.StartServer();
        Guid? teamId = team is null ? null : await factory.TeamAsync(team, mandant);
        await using var scope = factory.Services.CreateAsyncScope();
        var verwaltung = scope.ServiceProvider.GetRequiredService<BenutzerVerwaltung>();
        var benutzer = scope.ServiceProvider.GetRequiredService<UserManager<Benutzer>>();
        var zeile = await verwaltung.AnlegenAsync(new NeuerBenutzer(benutzername, benutzername, null, [rolle], teamId, behoerde, passwort), mandant, default, anbieter: rolle == Rolle.Anbieteradministration);
        var user = (await benutzer.FindByIdAsync(zeile.Id))!;
        var schluessel = Base32(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        if (zweiFaktor)
        {
            await benutzer.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", schluessel);
            await benutzer.SetTwoFactorEnabledAsync(user, true);
        }

        return new TestKonto(zeile.Id, benutzername, passwort, schluessel, [rolle], teamId, behoerde, mandant);
    }

    /// <summary>The next TOTP code the server will accept for the account (one step after the last used one if needed).</summary>
    public static async Task<string> CodeAsync(this KimWebFactory factory, TestKonto konto, int versatz = 0)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var benutzer = scope.ServiceProvider.GetRequiredService<UserManager<Benutzer>>();
        var user = (await benutzer.FindByIdAsync(konto.Id))!;
        var letzter = long.TryParse(await benutzer.GetAuthenticationTokenAsync(user, "[Kim]", "TotpLetzterSchritt"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        var jetzt = Totp.Zeitschritt(DateTimeOffset.UtcNow);
        var schritt = Math.Max(jetzt, letzter + 1) + versatz;
        if (schritt > jetzt + 1)
        {
            // Both usable steps are spent: wait for the next one.
            await Task.Delay(TimeSpan.FromSeconds(Totp.Schrittlaenge - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % Totp.Schrittlaenge) + 1));
            return await factory.CodeAsync(konto, versatz);
        }

        return Totp.Code(Totp.Base32Dekodieren(konto.TotpSchluessel), schritt);
    }

    /// <summary>Signs in over HTTP (password and TOTP) and returns a client that sends the bearer token.</summary>
    public static async Task<HttpClient> AngemeldetAsync(this KimWebFactory factory, TestKonto konto)
    {
        var client = factory.NeuerClient();
        var token = await factory.TokenAsync(client, konto);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> TokenAsync(this KimWebFactory factory, HttpClient client, TestKonto konto)
    {
        using var antwort = await client.PostAsJsonAsync("/api/anmeldung", new { mandant = konto.Mandant, benutzername = konto.Benutzername, passwort = konto.Passwort, code = await factory.CodeAsync(konto) });
        var text = await antwort.Content.ReadAsStringAsync();
        if (!antwort.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Anmeldung von {konto.Benutzername} fehlgeschlagen: {(int)antwort.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!["accessToken"]!.GetValue<string>();
    }

    public static string Base32(byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new System.Text.StringBuilder();
        int puffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            puffer = (puffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(puffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(puffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }
}
