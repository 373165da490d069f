using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kim.Casemanagement.Benchmarks.Umgebung;

/// <summary>
/// The baseline for the case read (QUALITY.md target 2): a bare Kestrel endpoint that reads one row of <c>faelle</c>
/// with raw Npgsql and writes it as JSON, no authentication, no authorisation, no audit; <c>/roh/{id}</c> with Npgsql's
/// defaults, <c>/roh-vorbereitet/{id}</c> as a prepared statement and <c>/roh-multiplex/{id}</c> prepared on a multiplexed
/// pool of 2 connections like the app's read pool (ADR 0015), both for comparison. It runs as its own process
/// (this program with the argument <c>rohserver</c>) so that it competes for the CPU like the app does.
/// </summary>
internal static class RohServer
{
    public static async Task<int> LaufenAsync(int port, string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // Npgsql's defaults (every statement parsed and planned by PostgreSQL on each call), and the same read as a
        // prepared statement (Npgsql's automatic preparation, as the app uses it on its pool).
        await using var quelle = NpgsqlDataSource.Create(connectionString);
        await using var vorbereitet = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 4, AutoPrepareMinUsages = 2 });
        await using var multiplex = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 4, AutoPrepareMinUsages = 2, Multiplexing = true, MaxPoolSize = 2 });
        var app = builder.Build();
        app.MapGet("/roh/{id:guid}", (Guid id, HttpContext http) => LesenAsync(quelle, id, http.RequestAborted));
        app.MapGet("/roh-vorbereitet/{id:guid}", (Guid id, HttpContext http) => LesenAsync(vorbereitet, id, http.RequestAborted));
        app.MapGet("/roh-multiplex/{id:guid}", (Guid id, HttpContext http) => LesenAsync(multiplex, id, http.RequestAborted));
        app.MapGet("/bereit", () => Results.Ok());
        await app.RunAsync();
        return 0;
    }

    private static async Task<IResult> LesenAsync(NpgsqlDataSource quelle, Guid id, CancellationToken ct)
    {
        await using var befehl = quelle.CreateCommand(
            "SELECT id, aktenzeichen, version, prozess_zustand, aufenthalt_zustand, leistungen_zustand, bildung_zustand, geaendert_am FROM faelle WHERE id = $1");
        befehl.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        if (!await leser.ReadAsync(ct))
        {
            return Results.NotFound();
        }

        return Results.Json(new RohFall(
            leser.GetGuid(0), leser.GetString(1), leser.GetInt32(2), leser.GetString(3), leser.GetString(4), leser.GetString(5), leser.GetString(6), leser.GetDateTime(7)));
    }

    /// <summary>Starts the baseline server as a child process and waits until it answers.</summary>
    public static async Task<Process> StartenAsync(int port, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(RohServer).Assembly.Location, "rohserver", port.ToString(System.Globalization.CultureInfo.InvariantCulture), connectionString])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var prozess = Process.Start(start)!;
        prozess.BeginOutputReadLine();
        prozess.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var versuch = 0; versuch < 300; versuch++)
        {
            try
            {
                if ((await client.GetAsync("/bereit")).IsSuccessStatusCode)
                {
                    return prozess;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        prozess.Kill();
        throw new InvalidOperationException("Der Vergleichsserver ist nicht gestartet.");
    }

    private sealed record RohFall(Guid Id, string Aktenzeichen, int Version, string Prozess, string Aufenthalt, string Leistungen, string Bildung, DateTime GeaendertAm);
}
