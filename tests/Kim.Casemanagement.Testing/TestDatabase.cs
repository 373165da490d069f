namespace Kim.Casemanagement.Testing;

/// <summary>A database of the <see cref="PostgresTestCluster"/>, dropped (WITH (FORCE)) on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresTestCluster _cluster;
    private int _disposed;

    internal TestDatabase(PostgresTestCluster cluster, string name, string ownerConnectionString, string appConnectionString, string superuserConnectionString)
    {
        _cluster = cluster;
        Name = name;
        OwnerConnectionString = ownerConnectionString;
        AppConnectionStringOhneMandant = appConnectionString;
        AppConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(appConnectionString) { Options = AlleMandanten }.ConnectionString;
        SuperuserConnectionString = superuserConnectionString;
    }

    public string Name { get; }

    /// <summary>As <c>kim_owner</c>: owns the database, runs migrations.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>
    /// The session options the application's own pools start with (Datenbank.SitzungsOptionen): JIT off, and the
    /// installation-wide Mandant <c>*</c> of the row-level security (migration 0020, ADR 0014) that background work and
    /// tests of the repositories run under.
    /// </summary>
    public const string AlleMandanten = "-c jit=off -c kim.mandant=*";

    /// <summary>As <c>kim_app</c>: what the application uses, with the session options of its pools (<see cref="AlleMandanten"/>).</summary>
    public string AppConnectionString { get; }

    /// <summary>As <c>kim_app</c> with no Mandant set: what a query sees that bypasses the application's pools (row-level security test).</summary>
    public string AppConnectionStringOhneMandant { get; }

    /// <summary>As the cluster superuser <c>postgres</c>, for tests that tamper with data behind the app's back.</summary>
    public string SuperuserConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _cluster.DropDatabaseAsync(this).ConfigureAwait(false);
        }
    }
}
