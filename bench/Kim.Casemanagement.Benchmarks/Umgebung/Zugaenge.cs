using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Infrastructure.Identitaet;

namespace Kim.Casemanagement.Benchmarks.Umgebung;

/// <summary>A signed-in account: its id, name and bearer token (second factor enrolled).</summary>
internal sealed record Zugang(string Id, string Benutzername, string Token);

/// <summary>
/// Accounts the way an administrator makes them: the first administrator by the app's <c>create-admin</c> command,
/// everyone else over the admin API; each signs in and enrols TOTP over the account API.
/// </summary>
internal static class Zugaenge
{
    public const string Passwort = "Bench-Passwort-lang-2026!";

    private static readonly string[] Fallmanagement = ["Fallmanagement"];

    public static async Task<Zugang> AdministrationAsync(AppProzess app, string appCs, string ownerCs)
    {
        var code = await AppProzess.KommandoAsync(appCs, ownerCs, new Dictionary<string, string> { ["KIM_ADMIN_PASSWORT"] = Passwort }, "create-admin", "--benutzername", "admin.bench");
        if (code != 0)
        {
            throw new InvalidOperationException("create-admin fehlgeschlagen.");
        }

        using var client = app.NeuerClient();
        return await AnmeldenUndEinrichtenAsync(client, "admin.bench");
    }

    public static async Task<Guid> TeamAsync(HttpClient admin, string name)
    {
        var team = await LesenAsync(await admin.PostAsJsonAsync("/api/admin/teams", new { name }));
        return team["id"]!.GetValue<Guid>();
    }

    /// <summary>Creates <paramref name="anzahl"/> case managers of the team and signs each in (4 at a time).</summary>
    public static async Task<List<Zugang>> FallmanagementAnlegenAsync(AppProzess app, HttpClient admin, Guid team, string praefix, int anzahl)
    {
        var ergebnis = new Zugang[anzahl];
        using var client = app.NeuerClient();
        await Parallel.ForEachAsync(Enumerable.Range(0, anzahl), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var name = $"{praefix}{i:0000}";
            await LesenAsync(await admin.PostAsJsonAsync("/api/admin/benutzer", new { benutzername = name, anzeigename = name, rollen = Fallmanagement, teamId = team, passwort = Passwort }, ct));
            ergebnis[i] = await AnmeldenUndEinrichtenAsync(client, name);
        });
        return [.. ergebnis];
    }

    /// <summary>A client that sends the account's bearer token.</summary>
    public static HttpClient Client(AppProzess app, Zugang zugang, int verbindungen = 64)
    {
        var client = app.NeuerClient(verbindungen);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", zugang.Token);
        return client;
    }

    public static async Task<JsonNode> LesenAsync(HttpResponseMessage antwort)
    {
        using (antwort)
        {
            var text = await antwort.Content.ReadAsStringAsync();
            if (!antwort.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{antwort.RequestMessage?.Method} {antwort.RequestMessage?.RequestUri}: {(int)antwort.StatusCode} {text}");
            }

            return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
        }
    }

    private static async Task<Zugang> AnmeldenUndEinrichtenAsync(HttpClient client, string name)
    {
        var anmeldung = await LesenAsync(await client.PostAsJsonAsync("/api/anmeldung", new { benutzername = name, passwort = Passwort }));
        var token = anmeldung["accessToken"]!.GetValue<string>();
        using var mitToken = new HttpRequestMessage(HttpMethod.Get, "/api/konto/zwei-faktor");
        mitToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var schluessel = (await LesenAsync(await client.SendAsync(mitToken)))["schluessel"]!.GetValue<string>();
        using var bestaetigen = new HttpRequestMessage(HttpMethod.Post, "/api/konto/zwei-faktor")
        {
            Content = JsonContent.Create(new { code = Totp.Code(Totp.Base32Dekodieren(schluessel), Totp.Zeitschritt(DateTimeOffset.UtcNow)) }),
        };
        bestaetigen.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await LesenAsync(await client.SendAsync(bestaetigen));
        using var ich = new HttpRequestMessage(HttpMethod.Get, "/api/konto");
        ich.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var konto = await LesenAsync(await client.SendAsync(ich));
        return new Zugang(konto["id"]!.GetValue<string>(), name, token);
    }
}
