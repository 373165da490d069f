using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>
/// Keeps the stored report of every tenant current (<see cref="AnalysenHandler.StandErneuernAsync"/>): checks every
/// <see cref="AnalysenOptionen.StandPruefintervall"/>. Safe with N instances: one computes at a time (session advisory
/// lock), the others skip the round; a report written by a slower instance never replaces a newer one.
/// </summary>
public sealed partial class AnalysenStandAktualisierung(
    IServiceScopeFactory scopes, Datenbank datenbank, IAnalysenStand stand, IOptions<AnalysenOptionen> optionen, ILogger<AnalysenStandAktualisierung> logger)
    : BackgroundService
{
    public const long SperrSchluessel = 0x4B494D5F414E414C;

    /// <summary>One round over all tenants; returns how many reports were recomputed (0 when another instance holds the lock).</summary>
    public async Task<int> LaufAsync(CancellationToken ct)
    {
        await using var sperre = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using (var versuch = new NpgsqlCommand($"SELECT pg_try_advisory_lock({SperrSchluessel})", sperre))
        {
            if (!(bool)(await versuch.ExecuteScalarAsync(ct))!)
            {
                return 0;
            }
        }

        try
        {
            var anzahl = 0;
            foreach (var mandant in await stand.MandantenAsync(ct))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<AnalysenHandler>().StandErneuernAsync(mandant, ct))
                {
                    anzahl++;
                }
            }

            return anzahl;
        }
        finally
        {
            await using var frei = new NpgsqlCommand($"SELECT pg_advisory_unlock({SperrSchluessel})", sperre);
            await frei.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!optionen.Value.StandAktualisieren)
        {
            return;
        }

        await Hintergrundrunden.WiederholenAsync(
            async ct =>
            {
                var anzahl = await LaufAsync(ct);
                if (anzahl > 0)
                {
                    LogLauf(logger, anzahl);
                }
            },
            () => optionen.Value.StandPruefintervall,
            e => LogFehler(logger, e.GetType().Name),
            stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored analytics report recomputed for {Anzahl} tenant(s).")]
    private static partial void LogLauf(ILogger logger, int anzahl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the stored analytics report failed ({Fehler}); next round as scheduled.")]
    private static partial void LogFehler(ILogger logger, string fehler);
}
