namespace Kim.Casemanagement.Testing;

/// <summary>
/// A fresh migrated database for one test class; use it directly as <c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>.
/// </summary>
public class PostgresDatabaseFixture : Xunit.IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database
        ?? throw new InvalidOperationException($"{GetType().Name} is not initialised; xunit calls InitializeAsync only on IAsyncLifetime fixtures.");

    public string OwnerConnectionString => Database.OwnerConnectionString;

    public string AppConnectionString => Database.AppConnectionString;

    public string SuperuserConnectionString => Database.SuperuserConnectionString;

    /// <summary>Prefix of the database name; the fixture's type name unless overridden.</summary>
    protected virtual string DatabaseNamePrefix => GetType().Name;

    public async Task InitializeAsync()
    {
        if (_database is null)
        {
            var cluster = await PostgresTestCluster.GetAsync().ConfigureAwait(false);
            _database = await cluster.CreateDatabaseAsync(DatabaseNamePrefix).ConfigureAwait(false);
        }
    }

    public async Task DisposeAsync()
    {
        var database = Interlocked.Exchange(ref _database, null);
        if (database is not null)
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }
    }
}
