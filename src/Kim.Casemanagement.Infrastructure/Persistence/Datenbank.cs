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
        if (optionen.Value.LeseVerbindungen < 1)
        {
            // Checked before anything starts (the embedded cluster, the pools), so a wrong setting leaves nothing running.
            throw new InvalidOperationException($"Database:LeseVerbindungen must be at least 1 (configured: {optionen.Value.LeseVerbindungen}).");
        }

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

        DataSource = Bauen(AppConnectionString, Pool.Direkt);

        // EF Core (requests) opens and closes a pooled connection for every query; resetting the session each time
        // costs the server several statements per query. EF leaves no session state behind (no LISTEN, temp tables,
        // session advisory locks or SET outside a transaction; an open transaction is rolled back on close in any
        // case), so its pool skips the reset. Code that does use session state (LISTEN, the scheduler's advisory
        // lock) stays on DataSource, whose pool resets.
        EfDataSource = Bauen(AppConnectionString, Pool.Ef);
        LeseDataSource = Bauen(AppConnectionString, Pool.Lesen, optionen.Value.LeseVerbindungen);
    }

    public string AppConnectionString { get; }

    public string OwnerConnectionString { get; }

    public bool IstEingebettet => _embedded is not null;

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The pool of EF Core's contexts: like <see cref="DataSource"/>, without the session reset on return.</summary>
    public NpgsqlDataSource EfDataSource { get; }

    /// <summary>
    /// The pool of the Fall reads (<c>GET</c> of a Fall, its page, the API; ADR 0015): Npgsql's multiplexing, so that the
    /// load batches of concurrent reads share a few connections and reach PostgreSQL in one write each, instead of
    /// waking one backend per read. At most <see cref="DatenbankOptionen.LeseVerbindungen"/> connections, named
    /// <see cref="LesepoolName"/> in <c>pg_stat_activity</c>. Only single batches that run as one implicit
    /// transaction go here: no explicit transaction, no session state, no synchronous call (multiplexing refuses them).
    /// </summary>
    public NpgsqlDataSource LeseDataSource { get; }

    /// <summary>The <c>application_name</c> of the read pool's connections.</summary>
    public const string LesepoolName = "kim-lesen";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await DataSource.DisposeAsync();
        await EfDataSource.DisposeAsync();
        await LeseDataSource.DisposeAsync();
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
    }

    private int _disposed;

    /// <summary>
    /// Session settings of every application connection (PostgreSQL's <c>options</c> startup parameter), unless the
    /// connection string sets its own <c>Options</c>. <c>jit=off</c>: the analyses' statements over the whole event log
    /// have cost estimates far above the JIT thresholds, and compiling them took 1-3 s per statement (measured with
    /// <c>EXPLAIN ANALYZE</c> on the 100k demo data: "JIT Timing: Total 2963 ms" for a 0.9 s milestone query), more
    /// than the query itself; request statements never profit from it either.
    /// </summary>
    /// <para>
    /// <c>kim.mandant=*</c>: the installation-wide Mandant of the row-level security (migration 0020, ADR 0014), the
    /// session default under which background work runs; a request narrows it to its user's Mandant per command
    /// (<see cref="Mandanten.MandantBefehlsInterceptor"/>). Added to a connection string's own <c>Options</c> too.
    /// </para>
    public const string SitzungsOptionen = "-c jit=off " + Mandanten.MandantKontext.SitzungsOption;

    /// <summary>The connection string with the pools' session options (<see cref="SitzungsOptionen"/>), for a command's own data source (CLI).</summary>
    public static string MitSitzungsOptionen(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        SitzungsOptionenSetzen(builder);
        return builder.ConnectionString;
    }

    private static void SitzungsOptionenSetzen(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = SitzungsOptionen;
        }
        else if (!builder.Options.Contains(Mandanten.MandantKontext.Einstellung, StringComparison.Ordinal))
        {
            builder.Options += " " + Mandanten.MandantKontext.SitzungsOption;
        }
    }

    /// <summary>Which of an instance's pools a data source is.</summary>
    private enum Pool
    {
        /// <summary><see cref="DataSource"/>: session reset on return, no automatic preparation.</summary>
        Direkt,

        /// <summary><see cref="EfDataSource"/>.</summary>
        Ef,

        /// <summary><see cref="LeseDataSource"/>.</summary>
        Lesen,
    }

    private static NpgsqlDataSource Bauen(string connectionString, Pool pool, int leseVerbindungen = 0)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var einstellungen = builder.ConnectionStringBuilder;
        SitzungsOptionenSetzen(einstellungen);

        // EF's statements (loading a Fall by key, writing a step) and the read pool's load batches are prepared on each
        // pooled connection after their second use, so PostgreSQL skips parsing and planning them (unless the connection
        // string sets its own Max Auto Prepare). Not on DataSource: its range queries ("xid >= $1", "seq > $1") would fall
        // back to PostgreSQL's generic plan after five executions, which does not know how few rows the bound value selects.
        if (pool != Pool.Direkt && einstellungen.MaxAutoPrepare == 0)
        {
            einstellungen.MaxAutoPrepare = 200;
            einstellungen.AutoPrepareMinUsages = 2;
        }

        einstellungen.NoResetOnClose = pool == Pool.Ef;
        if (pool == Pool.Lesen)
        {
            einstellungen.Multiplexing = true;
            einstellungen.MaxPoolSize = leseVerbindungen;
            einstellungen.MinPoolSize = 0;
            einstellungen.ApplicationName = LesepoolName;
        }

        builder.EnableDynamicJson();
        return builder.Build();
    }
}
