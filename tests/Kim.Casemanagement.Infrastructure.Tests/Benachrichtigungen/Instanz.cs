using System.Collections.Concurrent;
using Kim.Casemanagement.Application;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Infrastructure.Tests.Benachrichtigungen;

/// <summary>
/// One app instance as far as notifications go: the application and infrastructure wired as in the app, a recording
/// delivery in place of SignalR, a settable clock and acting user. Background services are not started; tests drive
/// <see cref="BenachrichtigungsVerteiler.RundeAsync"/> and <see cref="TerminPruefung.LaufAsync"/> themselves.
/// </summary>
internal sealed class Instanz : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public Instanz(string appConnectionString, string ownerConnectionString, DateTimeOffset jetzt, string akteur = "system")
    {
        Uhr = new StellbareUhr(jetzt);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Kim"] = appConnectionString,
                ["ConnectionStrings:KimMigration"] = ownerConnectionString,
                ["Database:MigrateOnStartup"] = "false",
                ["Termine:Aktiv"] = "false",
                ["Analysen:StandAktualisieren"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKimApplication();
        services.AddKimInfrastructure(configuration);
        services.AddKimAudit();
        services.AddKimBenachrichtigungen();
        services.AddOptions<SitzungsOptionen>();
        services.AddSingleton<SitzungsDienst>();
        services.AddSingleton<TimeProvider>(Uhr);
        services.AddSingleton<IBenachrichtigungsZustellung>(Zustellung);
        services.AddScoped<IAktuellerBenutzer>(_ => new Audit.TestBenutzer(Akteur, "127.0.0.1", Application.Sicherheit.Rolle.Fallmanagement));
        Akteur = akteur;
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public StellbareUhr Uhr { get; }

    /// <summary>The user id changes are made as ("system" for the scheduler).</summary>
    public string Akteur { get; set; } = "system";

    public Aufzeichnung Zustellung { get; } = new();

    public BenachrichtigungsVerteiler Verteiler => _provider.GetRequiredService<BenachrichtigungsVerteiler>();

    public TerminPruefung Termine => _provider.GetRequiredService<TerminPruefung>();

    public Kim.Casemanagement.Infrastructure.Persistence.Datenbank Datenbank => _provider.GetRequiredService<Kim.Casemanagement.Infrastructure.Persistence.Datenbank>();

    public AsyncServiceScope NeuerBereich() => _provider.CreateAsyncScope();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>What the dispatcher pushed, per recipient, in push order.</summary>
    internal sealed class Aufzeichnung : IBenachrichtigungsZustellung
    {
        private readonly ConcurrentQueue<(string Empfaenger, BenachrichtigungDto Benachrichtigung)> _zugestellt = new();

        public IReadOnlyList<(string Empfaenger, BenachrichtigungDto Benachrichtigung)> Zugestellt => [.. _zugestellt];

        public Task ZustellenAsync(string empfaengerId, BenachrichtigungDto benachrichtigung, CancellationToken ct)
        {
            _zugestellt.Enqueue((empfaengerId, benachrichtigung));
            return Task.CompletedTask;
        }
    }
}

/// <summary>A clock the test moves.</summary>
internal sealed class StellbareUhr(DateTimeOffset jetzt) : TimeProvider
{
    public DateTimeOffset Jetzt { get; set; } = jetzt;

    public override DateTimeOffset GetUtcNow() => Jetzt;
}
