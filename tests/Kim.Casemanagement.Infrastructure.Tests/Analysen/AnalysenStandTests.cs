using System.Text.Json;
using Kim.Casemanagement.Application;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Analysen;
using Kim.Casemanagement.Infrastructure.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// The stored report of all Fälle (report page without filters): stored on first use, served unchanged until the
/// background refresh recomputes it, recomputed only when the data changed (after the interval) or the business day did;
/// filtered reports are computed on request and never stored; with two instances one refresh happens.
/// </summary>
public sealed class AnalysenStandTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Ereignislog SechsFaelle()
    {
        var log = new Ereignislog();
        for (var i = 0; i < 6; i++)
        {
            log.Fall(D(2025, 1, 10 + i), einreise: D(2024, 6, 1))
                .Schritt(Spur.Prozess, "Aufnahme", null, "Anfrage", D(2025, 1, 10 + i))
                .Schritt(Spur.Prozess, "Klaeren", "Anfrage", "Klaerung", D(2025, 2, 1 + i))
                .Schritt(Spur.Bildung, "Aufnahme", null, "Erstorientierung", D(2025, 1, 10 + i))
                .Schritt(Spur.Bildung, "IntegrationskursBeginnen", "Erstorientierung", "IntegrationskursLaeuft", D(2025, 3, 1 + i));
        }

        return log;
    }

    private static void Klein(AnalysenOptionen o)
    {
        o.Mindestgroesse = 1;
        o.StandIntervall = TimeSpan.Zero;
    }

    [Fact]
    public async Task BerichtAsync_WithoutFilter_IsStoredAndServedUnchangedUntilTheRefreshRecomputesIt()
    {
        await using var u = await AnalysenUmgebung.MitAsync(SechsFaelle());
        var handler = u.Handler(Klein);

        var erster = await handler.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);
        var zweiter = await handler.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);

        erster.Gespeichert.ShouldBeFalse();
        zweiter.Gespeichert.ShouldBeTrue();
        JsonSerializer.Serialize(zweiter with { Gespeichert = false }, Json).ShouldBe(JsonSerializer.Serialize(erster, Json));
        erster.Landkarte!.Kanten.ShouldNotBeEmpty();
        erster.Dauern!.Meilensteine.ShouldNotBeEmpty();
        Gesamt(erster).ShouldBe(0);

        await ThemaAnlegenAsync(u);
        Gesamt(await handler.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default)).ShouldBe(0, "served from the store until refreshed");

        (await handler.StandErneuernAsync(Mandant, default)).ShouldBeTrue();
        var neu = await handler.BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);
        neu.Gespeichert.ShouldBeTrue();
        Gesamt(neu).ShouldBe(1);
        (await handler.StandErneuernAsync(Mandant, default)).ShouldBeFalse("nothing changed since");
    }

    [Fact]
    public async Task StandErneuernAsync_WithinTheInterval_KeepsTheReport_ButRecomputesOnANewBusinessDay()
    {
        await using var u = await AnalysenUmgebung.MitAsync(SechsFaelle());
        (await u.Handler(o => o.Mindestgroesse = 1).StandErneuernAsync(Mandant, default)).ShouldBeTrue("none stored yet");

        await ThemaAnlegenAsync(u);
        (await u.Handler(o => o.Mindestgroesse = 1).StandErneuernAsync(Mandant, default)).ShouldBeFalse("changed, but within the 15 minutes");

        var morgen = new FesterKalender(AnalysenUmgebung.Heute.AddDays(1));
        (await u.Handler(o => o.Mindestgroesse = 1, kalender: morgen).StandErneuernAsync(Mandant, default)).ShouldBeTrue();
        var bericht = await u.Handler(o => o.Mindestgroesse = 1, kalender: morgen).BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);
        bericht.Gespeichert.ShouldBeTrue();
        bericht.Stand.ShouldBe(morgen.Jetzt);
        Gesamt(bericht).ShouldBe(1);
    }

    [Fact]
    public async Task BerichtAsync_WithAFilterOrATrack_IsComputedOnRequestAndNotStored()
    {
        await using var u = await AnalysenUmgebung.MitAsync(SechsFaelle());
        var handler = u.Handler(Klein);

        var gefiltert = await handler.BerichtAsync(new AnalyseFilter(Von: D(2025, 1, 1)), null, BerichtTeile.Alle, default);
        var spur = await handler.BerichtAsync(AnalyseFilter.Keiner, Spur.Bildung, BerichtTeile.Alle, default);

        gefiltert.Gespeichert.ShouldBeFalse();
        gefiltert.Landkarte!.Kanten.ShouldNotBeEmpty();
        spur.Gespeichert.ShouldBeFalse();
        spur.Landkarte!.Spur.ShouldBe(Spur.Bildung);
        spur.Varianten!.Spur.ShouldBe(Spur.Bildung);
        (await GespeicherteAsync(u)).ShouldBe(0);
    }

    [Fact]
    public async Task LaufAsync_OfTwoInstancesAtOnce_RecomputesEachTenantOnce()
    {
        await using var u = await AnalysenUmgebung.MitAsync(SechsFaelle());
        await using var a = Instanz(u);
        await using var b = Instanz(u);

        var laeufe = await Task.WhenAll(
            a.GetRequiredService<AnalysenStandAktualisierung>().LaufAsync(default),
            b.GetRequiredService<AnalysenStandAktualisierung>().LaufAsync(default));

        laeufe.Sum().ShouldBe(1);
        (await GespeicherteAsync(u)).ShouldBe(1);
        (await a.GetRequiredService<AnalysenStandAktualisierung>().LaufAsync(default)).ShouldBe(0, "nothing changed since");
    }

    private static long? Gesamt(AnalysenBericht bericht) => bericht.Themen!.Zeilen.Single(z => z.Kategorie is null).Gesamt.Wert;

    private static async Task ThemaAnlegenAsync(AnalysenUmgebung u)
    {
        await using var verbindung = new NpgsqlConnection(u.Datenbank.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(
            """
            INSERT INTO themen (id, mandant, fall_id, kategorie, beschreibung, status, erstellt_am, erstellt_von, geaendert_am, version)
            VALUES (gen_random_uuid(), $1, NULL, 'Sonstiges', 'Wartezeiten', 'Offen', now(), 'fm.test', now(), 1)
            """,
            verbindung);
        befehl.Parameters.Add(new NpgsqlParameter { Value = Mandant });
        await befehl.ExecuteNonQueryAsync();
    }

    private static async Task<long> GespeicherteAsync(AnalysenUmgebung u)
    {
        await using var befehl = u.DataSource.CreateCommand("SELECT count(*) FROM analysen_staende");
        return (long)(await befehl.ExecuteScalarAsync())!;
    }

    /// <summary>An app instance as far as the analyses go, wired as in the app; background services not started.</summary>
    private static ServiceProvider Instanz(AnalysenUmgebung u)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Kim"] = u.Datenbank.AppConnectionString,
            ["ConnectionStrings:KimMigration"] = u.Datenbank.OwnerConnectionString,
            ["Database:MigrateOnStartup"] = "false",
            ["Analysen:Mindestgroesse"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKimApplication();
        services.AddKimInfrastructure(configuration);
        services.AddKimAudit();
        services.AddKimAnalysen();
        services.AddScoped<IAktuellerBenutzer>(_ => new Audit.TestBenutzer("system", "127.0.0.1"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
