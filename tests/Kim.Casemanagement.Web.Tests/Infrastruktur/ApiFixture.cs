using Kim.Casemanagement.Testing;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>One migrated database and one running app per test class; an HttpClient on real HTTP.</summary>
public class ApiFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private KimWebFactory? _factory;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _database = await cluster.CreateDatabaseAsync("web");
        _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString));
        _factory.StartServer();
        Client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
