using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>
/// The loop of the analytics background jobs: a round, then a pause, until the host stops. A round that fails because the
/// database is away or slow is reported and the next one runs as scheduled; stopping the host ends the loop quietly.
/// </summary>
internal static class Hintergrundrunden
{
    public static async Task WiederholenAsync(Func<CancellationToken, Task> runde, Func<TimeSpan> pause, Action<Exception> fehlgeschlagen, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runde(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                fehlgeschlagen(e);
            }

            try
            {
                await Task.Delay(pause(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
