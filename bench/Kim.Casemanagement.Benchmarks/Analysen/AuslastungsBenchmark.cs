using System.Text.Json.Nodes;
using Kim.Casemanagement.Benchmarks.Umgebung;
using Npgsql;

namespace Kim.Casemanagement.Benchmarks.Analysen;

/// <summary>
/// QUALITY.md target 5 on the demo generator's data (default 100,000 clients): the team lead's workload overview
/// (<c>GET /api/teamleitung/auslastung</c>) through the whole app for the team with the most Fälle, 200 requests one after
/// another after 5 warm-up requests; p95 &lt; 200 ms.
/// </summary>
internal static class AuslastungsBenchmark
{
    public static async Task<int> AusfuehrenAsync(int klienten)
    {
        Console.WriteLine($"== Teamleitung: Auslastung über Demodaten mit {klienten} Klienten");
        var (datenbank, ereignisse) = await AnalysenBenchmark.DemodatenAsync(klienten);
        await using var _ = datenbank;
        await using var app = await AppProzess.StartenAsync(datenbank.AppConnectionString, datenbank.OwnerConnectionString);
        var admin = await Zugaenge.AdministrationAsync(app, datenbank.AppConnectionString, datenbank.OwnerConnectionString);
        using var adminClient = Zugaenge.Client(app, admin);

        Guid teamId;
        long teamFaelle, alleFaelle;
        await using (var v = new NpgsqlConnection(datenbank.OwnerConnectionString))
        {
            await v.OpenAsync();
            await using var b = new NpgsqlCommand("SELECT team_id, count(*), (SELECT count(*) FROM faelle) FROM faelle WHERE team_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1", v);
            await using var r = await b.ExecuteReaderAsync();
            await r.ReadAsync();
            teamId = r.GetGuid(0);
            teamFaelle = r.GetInt64(1);
            alleFaelle = r.GetInt64(2);
        }

        var tl = await Zugaenge.KontoAsync(app, adminClient, "tl.bench", ["Teamleitung"], teamId);
        using var tlClient = Zugaenge.Client(app, tl);
        for (var i = 0; i < 5; i++)
        {
            (await tlClient.GetAsync("/api/teamleitung/auslastung")).EnsureSuccessStatusCode();
        }

        var dauern = new double[200];
        for (var i = 0; i < dauern.Length; i++)
        {
            dauern[i] = await AnalysenBenchmark.ZeitAsync(async () =>
            {
                using var antwort = await tlClient.GetAsync("/api/teamleitung/auslastung");
                antwort.EnsureSuccessStatusCode();
                await antwort.Content.CopyToAsync(Stream.Null);
            });
        }

        Array.Sort(dauern);
        var p95 = Bericht.Perzentil(dauern, 95);
        var zeilen = new (string Was, string Wert, string Ziel, bool Ok)[]
        {
            ($"Teamleitung: Auslastung (Team mit {teamFaelle:N0} von {alleFaelle:N0} Fällen) p50 / p95 / max", $"{Bericht.Perzentil(dauern, 50):F0} / {p95:F0} / {dauern[^1]:F0} ms", "p95 < 200 ms", p95 < 200),
        };
        Bericht.Ausgeben("auslastung", zeilen, new JsonObject
        {
            ["klienten"] = klienten,
            ["faelle"] = alleFaelle,
            ["ereignisse"] = ereignisse,
            ["teamFaelle"] = teamFaelle,
            ["p50Ms"] = Bericht.Perzentil(dauern, 50),
            ["p95Ms"] = p95,
        },
        "Team-lead workload over the demo data (QUALITY.md target 5)",
        $"./scripts/bench.sh auslastung --klienten {klienten}",
        $"Data: the demo generator's `seed --clients {klienten} --years 8 --seed 42` ({alleFaelle:N0} Fälle, {ereignisse:N0} events). `GET /api/teamleitung/auslastung` over HTTPS as a team lead of the largest team (the figures are aggregated in SQL over the team's Fälle), 200 requests one after another after 5 warm-up requests.");
        return zeilen.All(z => z.Ok) ? 0 : 1;
    }
}
