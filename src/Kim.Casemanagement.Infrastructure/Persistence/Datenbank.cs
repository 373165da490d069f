using Kim.Casemanagement.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>
/// Where the database is: the configured server (<c>ConnectionStrings:Kim</c> for the app role, optional
/// <c>ConnectionStrings:KimMigration</c> for the owner role that runs migrations), or the embedded default
/// cluster, started on first use and stopped on dispose. Owns the application's <see cref="NpgsqlDataSource"/>.
/// </summary>
public sealed class Datenbank : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    public Datenbank(IConfiguration configuration, IOptions<DatenbankOptionen> optionen, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(optionen);
        var app = configuration.GetConnectionString("Kim");
        if (string.IsNullOrWhiteSpace(app))
        {
            _embedded = new EmbeddedPostgres(optionen.Value.Embedded, loggerFactory.CreateLogger<EmbeddedPostgres>());
            _embedded.Start();
            AppConnectionString = _embedded.AppConnectionString;
            OwnerConnectionString = _embedded.OwnerConnectionString;
        }
        else
        {
            AppConnectionString = app;
            OwnerConnectionString = configuration.GetConnectionString("KimMigration") is { Length: > 0 } owner ? owner : app;
        }

        var builder = new NpgsqlDataSourceBuilder(AppConnectionString);
        builder.EnableDynamicJson();
        DataSource = builder.Build();
    }

    public string AppConnectionString { get; }

    public string OwnerConnectionString { get; }

    public bool IstEingebettet => _embedded is not null;

    public NpgsqlDataSource DataSource { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await DataSource.DisposeAsync();
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
    }

    private int _disposed;
}
