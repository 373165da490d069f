using Kim.Casemanagement.Infrastructure.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>Ready = the database answers and every embedded migration script is applied.</summary>
internal sealed class DatenbankBereitCheck(Datenbank datenbank) : IHealthCheck
{
    private readonly SqlMigrator _migrator = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _migrator.IsUpToDateAsync(datenbank.AppConnectionString, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Datenbankschema ist nicht aktuell.");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Datenbank nicht erreichbar.", e);
        }
    }
}
