using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// The infrastructure as the application wires it (<see cref="DependencyInjection.AddKimInfrastructure"/>), pointed at a
/// test database: the app role for everything the app does, no migration at start (the clone is migrated already).
/// Each <see cref="Bereich"/> is one DI scope, i.e. one request with its own <see cref="KimDbContext"/>.
/// </summary>
internal sealed class KimDienste : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public KimDienste(string appConnectionString, string ownerConnectionString, IReadOnlyDictionary<string, string?>? weitere = null)
    {
        var einstellungen = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Kim"] = appConnectionString,
            ["ConnectionStrings:KimMigration"] = ownerConnectionString,
            ["Database:MigrateOnStartup"] = "false",
        };
        foreach (var (name, wert) in weitere ?? new Dictionary<string, string?>())
        {
            einstellungen[name] = wert;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(einstellungen).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKimInfrastructure(configuration);
        services.AddKimAudit();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IAktuellerBenutzer>(_ => new Audit.TestBenutzer("fm.test", "127.0.0.1", Application.Sicherheit.Rolle.Fallmanagement));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public Bereich NeuerBereich() => new(_provider.CreateAsyncScope());

    /// <summary>This instance's cache of Fall rows.</summary>
    public Infrastructure.Persistence.Aggregat.FallZwischenspeicher Zwischenspeicher => _provider.GetRequiredService<Infrastructure.Persistence.Aggregat.FallZwischenspeicher>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>One DI scope (one unit of work).</summary>
    internal sealed class Bereich(AsyncServiceScope scope) : IAsyncDisposable
    {
        public IFallRepository Repository => scope.ServiceProvider.GetRequiredService<IFallRepository>();

        public IFallAbfragen Abfragen => scope.ServiceProvider.GetRequiredService<IFallAbfragen>();

        public KimDbContext Kontext => scope.ServiceProvider.GetRequiredService<KimDbContext>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
