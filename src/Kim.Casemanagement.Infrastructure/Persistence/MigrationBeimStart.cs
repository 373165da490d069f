using Kim.Casemanagement.Infrastructure.Database;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>Starts the database (embedded if needed) and applies pending migrations before the app serves requests.</summary>
internal sealed class MigrationBeimStart(Datenbank datenbank, IOptions<DatenbankOptionen> optionen, ILogger<SqlMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (optionen.Value.MigrateOnStartup)
        {
            await new SqlMigrator(logger).MigrateAsync(datenbank.OwnerConnectionString, cancellationToken);
        }
    }

    /// <summary>Stops the embedded cluster as part of host shutdown (after the server stopped), so that a new process finds it stopped.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) => await datenbank.DisposeAsync();
}
