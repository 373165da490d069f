using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>
/// One migrated database and one running app per test class; <see cref="Client"/> is signed in (password and TOTP,
/// over HTTPS) as a case manager who leads every Fall it takes in.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private KimWebFactory? _factory;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The case manager the default client is signed in as.</summary>
    public TestKonto Fallmanagerin { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A second client of the same case manager with its own session (for races).</summary>
    public HttpClient ZweiterClient { get; private set; } = null!;

    /// <summary>Another client signed in as the same case manager (its own session).</summary>
    public Task<HttpClient> NeuerClientAsync() => Factory.AngemeldetAsync(Fallmanagerin);

    public virtual async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _database = await cluster.CreateDatabaseAsync("web");
        _factory = new KimWebFactory(KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString));
        _factory.StartServer();
        Fallmanagerin = await _factory.KontoAsync("fm.test", Rolle.Fallmanagement, "Team A");
        Client = await _factory.AngemeldetAsync(Fallmanagerin);
        ZweiterClient = await _factory.AngemeldetAsync(Fallmanagerin);
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        ZweiterClient?.Dispose();
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
