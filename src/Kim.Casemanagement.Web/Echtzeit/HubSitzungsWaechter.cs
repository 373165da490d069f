using Kim.Casemanagement.Infrastructure.Identitaet;

namespace Kim.Casemanagement.Web.Echtzeit;

/// <summary>
/// Closes hub connections whose session ended: at once when the session service reports an end (logout, deactivation;
/// on another instance via NOTIFY), and by a periodic re-check for sessions that simply expired (idle or absolute
/// timeout). A live connection alone does not count as activity.
/// </summary>
internal sealed partial class HubSitzungsWaechter(SitzungsDienst sitzungen, VerbindungsRegister register, ILogger<HubSitzungsWaechter> logger) : BackgroundService
{
    public static readonly TimeSpan Intervall = TimeSpan.FromSeconds(60);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        sitzungen.SitzungBeendet += register.SitzungBeenden;
        sitzungen.BenutzerSitzungenBeendet += register.BenutzerBeenden;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        sitzungen.SitzungBeendet -= register.SitzungBeenden;
        sitzungen.BenutzerSitzungenBeendet -= register.BenutzerBeenden;
        return base.StopAsync(cancellationToken);
    }

    /// <summary>Re-checks every connected session once; returns how many connections were closed.</summary>
    public async Task<int> PruefenAsync(CancellationToken ct)
    {
        var geschlossen = 0;
        foreach (var sitzung in register.Sitzungen())
        {
            if (!Guid.TryParse(sitzung, out var id) || await sitzungen.PruefenAsync(id, aktivitaet: false, ct) is null)
            {
                geschlossen += register.SitzungBeenden(sitzung);
            }
        }

        return geschlossen;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var takt = new PeriodicTimer(Intervall);
        try
        {
            while (await takt.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PruefenAsync(stoppingToken);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    LogFehler(logger, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-check of hub sessions failed ({Fehler}); next check as scheduled.")]
    private static partial void LogFehler(ILogger logger, string fehler);
}
