using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>The request-scoped <see cref="AuditProtokoll"/> and the registration <see cref="AuditRegistrierung.AddKimAudit"/>.</summary>
public sealed class AuditProtokollTests
{
    private static readonly Guid FallId = Guid.Parse("11111111-2222-4333-8444-555555555555");
    private static readonly Guid KlientId = Guid.Parse("66666666-7777-4888-9999-000000000000");

    [Fact]
    public async Task AlsEintraege_WhenAccessesWereNoted_BuildsRowsWithWhoWhatWhenWhereAndTheOutcome()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=unbenutzt");
        var zeit = new FesteZeit(new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var protokoll = new AuditProtokoll(
            new TestBenutzer("fm.schulz", "198.51.100.4", Rolle.Teamleitung, Rolle.Fallmanagement), Schreiber(dataSource), zeit, () => "trace-1");

        protokoll.Vormerken("Fall.Lesen", null, FallId, KlientId);
        protokoll.Vormerken("Fall.Schritt", "Aufenthalt/Anerkennen", FallId, null);
        var eintraege = protokoll.AlsEintraege(200);

        eintraege.Count.ShouldBe(2);
        eintraege.ShouldAllBe(e => e.BenutzerId == "fm.schulz" && e.Rollen == "Fallmanagement,Teamleitung" && e.Herkunft == "198.51.100.4"
            && e.TraceId == "trace-1" && e.Ergebnis == 200 && e.Zeitpunkt == zeit.GetUtcNow() && e.Id == 0 && e.Xid == 0);
        (eintraege[0].Aktion, eintraege[0].Detail, eintraege[0].FallId, eintraege[0].KlientId).ShouldBe(("Fall.Lesen", (string?)null, (Guid?)FallId, (Guid?)KlientId));
        (eintraege[1].Aktion, eintraege[1].Detail, eintraege[1].FallId, eintraege[1].KlientId).ShouldBe(("Fall.Schritt", "Aufenthalt/Anerkennen", (Guid?)FallId, (Guid?)null));
        protokoll.Offen.Count.ShouldBe(2, "building rows does not store them");
    }

    [Fact]
    public async Task AbschliessenAsync_AfterAWriteStoredItsEntries_QueuesOnlyWhatCameAfterWithTheFinalStatus()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);
        await schreiber.StartAsync(default);
        var protokoll = new AuditProtokoll(new TestBenutzer("fm.schulz", null, Rolle.Fallmanagement), schreiber, TimeProvider.System);
        await using var kontext = Kontext(dataSource);

        protokoll.Vormerken("Fall.Schritt", "Bildung/KursBeginnen", FallId, KlientId);
        schreiber.Hinzufuegen(kontext, protokoll.AlsEintraege(200));
        await kontext.SaveChangesAsync();
        protokoll.AlsGespeichertMarkieren();
        protokoll.Vormerken("Fall.Lesen", null, FallId, KlientId);
        await protokoll.AbschliessenAsync(409);
        await schreiber.StopAsync(default);

        protokoll.Offen.ShouldBeEmpty();
        (await Sql.ColumnAsync<string>(db.OwnerConnectionString, "SELECT aktion || ':' || ergebnis FROM audit_protokoll ORDER BY id"))
            .ShouldBe(["Fall.Schritt:200", "Fall.Lesen:409"]);
    }

    [Fact]
    public async Task AbschliessenAsync_WhenNothingIsOpen_WritesNothing()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        var schreiber = Schreiber(dataSource);
        var protokoll = new AuditProtokoll(new TestBenutzer("fm.schulz", null), schreiber, TimeProvider.System);

        await protokoll.AbschliessenAsync(200);
        await schreiber.StopAsync(default);

        (await Sql.ScalarAsync<long>(db.OwnerConnectionString, "SELECT count(*) FROM audit_protokoll")).ShouldBe(0);
    }

    [Fact]
    public async Task AddKimAudit_WhenTheHostRuns_AuditsAWriteAndARequestEndAndSealsThemIntoAValidChain()
    {
        await using var db = await NeueDatenbankAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Kim"] = db.AppConnectionString })
            .Build());
        services.AddOptions<DatenbankOptionen>();
        services.AddSingleton<Datenbank>();
        services.AddDbContext<KimDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddScoped<IAktuellerBenutzer>(_ => new TestBenutzer("fm.schulz", "192.0.2.1", Rolle.Fallmanagement));
        services.AddKimAudit();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var gehostet = provider.GetServices<IHostedService>().ToList();
        gehostet.ShouldContain(provider.GetRequiredService<AuditSchreiber>());
        gehostet.ShouldContain(provider.GetRequiredService<AuditVersiegelung>());
        foreach (var dienst in gehostet)
        {
            await dienst.StartAsync(default);
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var protokoll = scope.ServiceProvider.GetRequiredService<AuditProtokoll>();
            scope.ServiceProvider.GetRequiredService<IAuditProtokoll>().ShouldBeSameAs(protokoll);
            var kontext = scope.ServiceProvider.GetRequiredService<KimDbContext>();
            protokoll.Vormerken("Fall.Schritt", "Prozess/Ruhen", FallId, KlientId);
            scope.ServiceProvider.GetRequiredService<AuditSchreiber>().Hinzufuegen(kontext, protokoll.AlsEintraege(200));
            await kontext.SaveChangesAsync();
            protokoll.AlsGespeichertMarkieren();
            protokoll.Vormerken("Fall.Lesen", null, FallId, KlientId);
            await protokoll.AbschliessenAsync(200);
        }

        await WartenBisAsync(async () =>
            await Sql.ScalarAsync<long>(db.AppConnectionString, "SELECT count(*) FROM audit_siegel") == 2);
        foreach (var dienst in Enumerable.Reverse(gehostet))
        {
            await dienst.StopAsync(default);
        }

        var ergebnis = await provider.GetRequiredService<AuditPruefung>().PruefenAsync(default);
        ergebnis.Ok.ShouldBeTrue();
        ergebnis.GepruefteSiegel.ShouldBe(2);
        var seite = await provider.GetRequiredService<AuditAbfrage>().SuchenAsync(new AuditFilter { FallId = FallId }, default);
        seite.Eintraege.Select(e => e.Aktion).ShouldBe(["Fall.Lesen", "Fall.Schritt"], ignoreOrder: true);
        seite.Eintraege.ShouldAllBe(e => e.BenutzerId == "fm.schulz" && e.Herkunft == "192.0.2.1" && e.Rollen == "Fallmanagement");
    }

    private sealed class FesteZeit(DateTimeOffset jetzt) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => jetzt;
    }
}
