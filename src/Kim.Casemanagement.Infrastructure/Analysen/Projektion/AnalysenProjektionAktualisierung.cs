using Kim.Casemanagement.Application.Analysen;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Analysen.Projektion;

/// <summary>
/// Builds the per-Fall projection right after the start and brings it up to date every
/// <see cref="AnalysenOptionen.ProjektionIntervall"/> (ADR 0004). Each instance keeps its own projection; a round checks a
/// fingerprint of the data and, when it changed (or the last full read is older than <see cref="AnalysenOptionen.StandIntervall"/>),
/// reads one row per Fall and the events of the Fälle that changed. Off with <see cref="AnalysenOptionen.StandAktualisieren"/> = false.
/// </summary>
public sealed partial class AnalysenProjektionAktualisierung(AnalysenProjektion projektion, IOptions<AnalysenOptionen> optionen, ILogger<AnalysenProjektionAktualisierung> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!optionen.Value.StandAktualisieren)
        {
            return;
        }

        // Let the host finish starting first.
        await Task.Yield();
        var erste = true;
        await Hintergrundrunden.WiederholenAsync(
            async ct =>
            {
                var uhr = System.Diagnostics.Stopwatch.StartNew();
                if (await projektion.AktualisierenWennNoetigAsync(optionen.Value.StandIntervall, ct) is not null || erste)
                {
                    LogLauf(logger, (long)uhr.Elapsed.TotalMilliseconds);
                }

                erste = false;
            },
            () => optionen.Value.ProjektionIntervall,
            e => LogFehler(logger, e.GetType().Name),
            stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics projection reread in {Millisekunden} ms.")]
    private static partial void LogLauf(ILogger logger, long millisekunden);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the analytics projection failed ({Fehler}); next round as scheduled.")]
    private static partial void LogFehler(ILogger logger, string fehler);
}
