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
        AppConnectionString = appConnectionString;
        SuperuserConnectionString = superuserConnectionString;
    }

    public string Name { get; }

    /// <summary>As <c>kim_owner</c>: owns the database, runs migrations.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>As <c>kim_app</c>: what the application uses.</summary>
    public string AppConnectionString { get; }

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
