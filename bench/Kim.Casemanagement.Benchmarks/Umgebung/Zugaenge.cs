using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Npgsql;

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

    /// <summary>
    /// Creates <paramref name="anzahl"/> case managers of the team and signs each in (8 at a time). The first account is
    /// made over the admin API; the others are copies of its rows (same password hash, own id, name and security stamp),
    /// because hashing 1,000 passwords twice would only measure PBKDF2. Sign-in and TOTP enrolment go through the API.
    /// </summary>
    public static async Task<List<Zugang>> FallmanagementAnlegenAsync(AppProzess app, HttpClient admin, string ownerConnectionString, Guid team, string praefix, int anzahl, bool anmelden = true)
    {
        var namen = Enumerable.Range(0, anzahl).Select(i => $"{praefix}{i:0000}").ToArray();
        var vorlage = await LesenAsync(await admin.PostAsJsonAsync("/api/admin/benutzer", new { benutzername = namen[0], anzeigename = namen[0], rollen = Fallmanagement, teamId = team, passwort = Passwort }));
        if (anzahl > 1)
        {
            await using var verbindung = new NpgsqlConnection(ownerConnectionString);
            await verbindung.OpenAsync();
            await using var tx = await verbindung.BeginTransactionAsync();
            await using (var kopie = new NpgsqlCommand(
                """
                INSERT INTO benutzer (id, anzeigename, mandant, team_id, behoerde, deaktiviert, erstellt_am, user_name, normalized_user_name,
                  email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number,
                  phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count)
                SELECT gen_random_uuid()::text, n, b.mandant, b.team_id, b.behoerde, false, now(), n, upper(n),
                  NULL, NULL, false, b.password_hash, upper(replace(gen_random_uuid()::text, '-', '')), gen_random_uuid()::text, NULL,
                  false, false, NULL, b.lockout_enabled, 0
                FROM benutzer b, unnest(@namen) AS n WHERE b.id = @vorlage;
                INSERT INTO benutzer_rollen (user_id, role_id)
                SELECT k.id, r.role_id FROM benutzer k, benutzer_rollen r WHERE k.user_name = ANY(@namen) AND r.user_id = @vorlage;
                """,
                verbindung,
                tx))
            {
                kopie.Parameters.AddWithValue("namen", namen[1..]);
                kopie.Parameters.AddWithValue("vorlage", vorlage["id"]!.GetValue<string>());
                await kopie.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        if (!anmelden)
        {
            await using var verbindung = new NpgsqlConnection(ownerConnectionString);
            await verbindung.OpenAsync();
            await using var ids = new NpgsqlCommand("SELECT user_name, id FROM benutzer WHERE user_name = ANY(@namen)", verbindung);
            ids.Parameters.AddWithValue("namen", namen);
            var zuId = new Dictionary<string, string>();
            await using (var leser = await ids.ExecuteReaderAsync())
            {
                while (await leser.ReadAsync())
                {
                    zuId[leser.GetString(0)] = leser.GetString(1);
                }
            }

            return [.. namen.Select(n => new Zugang(zuId[n], n, string.Empty))];
        }

        var ergebnis = new Zugang[anzahl];
        using var client = app.NeuerClient();
        await Parallel.ForEachAsync(Enumerable.Range(0, anzahl), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ergebnis[i] = await AnmeldenUndEinrichtenAsync(client, namen[i]));
        return [.. ergebnis];
    }

    /// <summary>Today in Germany (the app's business date).</summary>
    public static DateOnly Heute => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    /// <summary>
    /// One Fall per deputy, taken in on <paramref name="heute"/> by <paramref name="fuehrung"/> (intake index <paramref name="versatz"/> + i), with
    /// that account as active deputy for 30 days, so that each step on the Fall notifies exactly it.
    /// </summary>
    public static async Task<Guid[]> FaelleMitVertretungAsync(HttpClient fuehrung, IReadOnlyList<Zugang> vertreter, DateOnly heute, int versatz = 0, int parallel = 8)
    {
        var ids = new Guid[vertreter.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, vertreter.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var fall = await LesenAsync(await fuehrung.PostAsJsonAsync("/api/faelle", Aufnahme(versatz + i, heute), ct));
            ids[i] = fall["fallId"]!.GetValue<Guid>();
            await LesenAsync(await fuehrung.PostAsJsonAsync($"/api/faelle/{ids[i]}/vertretungen", new { benutzerId = vertreter[i].Id, von = heute, bis = heute.AddDays(30) }, ct));
        });
        return ids;
    }

    /// <summary>An intake with consent to case management, one client per index (names of letters only).</summary>
    public static object Aufnahme(int i, DateOnly heute) => new
    {
        klient = new { vorname = "Bench", nachname = "Klient" + Buchstaben(i), geburtsdatum = "1990-01-01", geschlecht = "Weiblich", herkunftsland = "Syrien", einreisedatum = "2024-01-10", minderjaehrigeKinder = 0 },
        aufnahmedatum = heute,
        aufenthaltsstatus = "KeinStatus",
        leistungsstatus = "KeinLeistungsbezug",
        bildungsstand = "KeineBeratung",
        einwilligungen = new[]
        {
            new { empfaenger = "CaseManagement", datenkategorien = new[] { "Stammdaten", "Aufenthalt", "Leistungen", "Bildung", "Kompetenzprofil" }, zweck = "Rechtskreisübergreifendes Case Management KIM", gueltigAb = heute, formularReferenz = "EW-BENCH" },
        },
        art13InformiertAm = heute,
    };

    /// <summary>0 → "a", 25 → "z", 26 → "ba": names consist of letters only.</summary>
    private static string Buchstaben(int i)
    {
        var text = string.Empty;
        do
        {
            text = (char)('a' + (i % 26)) + text;
            i /= 26;
        }
        while (i > 0);
        return text;
    }

    /// <summary>One account with the given roles (and team), made over the admin API, signed in with TOTP.</summary>
    public static async Task<Zugang> KontoAsync(AppProzess app, HttpClient admin, string name, string[] rollen, Guid? team)
    {
        await LesenAsync(await admin.PostAsJsonAsync("/api/admin/benutzer", new { benutzername = name, anzeigename = name, rollen, teamId = team, passwort = Passwort }));
        using var client = app.NeuerClient();
        return await AnmeldenUndEinrichtenAsync(client, name);
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
