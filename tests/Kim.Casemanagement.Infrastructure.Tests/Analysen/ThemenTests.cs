using System.Text.Json;
using Kim.Casemanagement.Application;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Themen;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Themen;
using Kim.Casemanagement.Infrastructure.Analysen;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Infrastructure.Tests.Persistence;
using Kim.Casemanagement.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// Generative Themen through the application as it is wired (AddKimApplication, AddKimInfrastructure, AddKimAudit,
/// AddKimAnalysen) on a migrated database: the case manager flags one on her Fall and records how it stands; the
/// Lenkungsgruppe sees only counts.
/// </summary>
public sealed class ThemenTests : IAsyncLifetime
{
    private readonly Benutzerwahl _wahl = new();
    private TestDatabase _datenbank = null!;
    private ServiceProvider _dienste = null!;

    public async Task InitializeAsync()
    {
        _datenbank = await (await PostgresTestCluster.GetAsync()).CreateDatabaseAsync("themen");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Kim"] = _datenbank.AppConnectionString,
            ["ConnectionStrings:KimMigration"] = _datenbank.OwnerConnectionString,
            ["Database:MigrateOnStartup"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKimApplication();
        services.AddKimInfrastructure(configuration);
        services.AddKimAudit();
        services.AddKimAnalysen();
        services.AddScoped<IAktuellerBenutzer>(_ => _wahl.Aktuell);
        _dienste = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await _dienste.DisposeAsync();
        await _datenbank.DisposeAsync();
    }

    [Fact]
    public async Task Themen_RoundTrip_FlagChangeStateOnTheFallAndCountForTheLenkungsgruppe()
    {
        var fall = await FallAnlegenAsync();

        // The case manager flags a Thema on her Fall and records that it went to the Lenkungsgruppe.
        _wahl.Aktuell = new Person("fm.yilmaz", Testfaelle.Mandant, Rolle.Fallmanagement);
        var gemeldet = await MitAsync<ThemenHandler, ThemaDetail>(h => h.MeldenAsync(fall, ThemaKategorie.WartezeitIntegrationskurs, "Keine Kursplätze mit Kinderbetreuung im Stadtteil.", default));
        gemeldet.Status.ShouldBe(ThemaStatus.Offen);
        gemeldet.Version.ShouldBe(1);
        (await MitAsync<ThemenHandler, IReadOnlyList<ThemaDetail>>(h => h.DesFallsAsync(fall, default))).ShouldHaveSingleItem().Id.ShouldBe(gemeldet.Id);

        var geaendert = await MitAsync<ThemenHandler, ThemaDetail>(h => h.StatusAendernAsync(fall, gemeldet.Id, ThemaStatus.InLenkungsgruppe, gemeldet.Version, default));
        geaendert.Status.ShouldBe(ThemaStatus.InLenkungsgruppe);
        geaendert.Version.ShouldBe(2);
        await Should.ThrowAsync<KonfliktException>(() => MitAsync<ThemenHandler, ThemaDetail>(h => h.StatusAendernAsync(fall, gemeldet.Id, ThemaStatus.Erledigt, gemeldet.Version, default)));

        // The Lenkungsgruppe sees counts only, and one Thema is a group below the minimum size.
        _wahl.Aktuell = new Person("lg.fischer", Testfaelle.Mandant, Rolle.Lenkungsgruppe);
        var uebersicht = await MitAsync<AnalysenHandler, Application.Analysen.Ergebnisse.Themenuebersicht>(h => h.ThemenAsync(AnalyseFilter.Keiner, default));
        var zeile = uebersicht.Zeilen.Single(z => z.Kategorie == ThemaKategorie.WartezeitIntegrationskurs);
        zeile.InLenkungsgruppe.Gesperrt.ShouldBeTrue();
        zeile.Offen.Wert.ShouldBe(0);
        var json = JsonSerializer.Serialize(uebersicht);
        json.ShouldNotContain(fall.ToString());
        json.ShouldNotContain(gemeldet.Id.ToString());
        json.ShouldNotContain("Kursplätze");
        json.ShouldNotContain("fm.yilmaz");

        // Flag and change of state are in the audit trail with the Fall.
        var aktionen = await Sql.ColumnAsync<string>(_datenbank.OwnerConnectionString, "SELECT aktion || '|' || coalesce(fall_id::text, '-') FROM audit_protokoll ORDER BY id");
        aktionen.ShouldContain($"Thema.Melden|{fall}");
        aktionen.ShouldContain($"Thema.StatusAendern|{fall}");
    }

    [Theory]
    [InlineData("fm.schneider", Rolle.Fallmanagement)]
    [InlineData("lg.fischer", Rolle.Lenkungsgruppe)]
    [InlineData("ds.schulz", Rolle.Datenschutz)]
    public async Task MeldenAsync_ForSomeoneWhoDoesNotLeadTheFall_IsNotFound(string id, Rolle rolle)
    {
        var fall = await FallAnlegenAsync();
        _wahl.Aktuell = new Person(id, Testfaelle.Mandant, rolle);

        await Should.ThrowAsync<NichtGefundenException>(() => MitAsync<ThemenHandler, ThemaDetail>(h => h.MeldenAsync(fall, ThemaKategorie.Sonstiges, "Strukturelles Problem.", default)));
    }

    [Fact]
    public async Task MeldenAsync_WhenTheDescriptionNamesTheClient_IsRefusedAndNothingIsStored()
    {
        var fall = await FallAnlegenAsync();
        _wahl.Aktuell = new Person("fm.yilmaz", Testfaelle.Mandant, Rolle.Fallmanagement);

        await Should.ThrowAsync<DomainException>(() => MitAsync<ThemenHandler, ThemaDetail>(h => h.MeldenAsync(fall, ThemaKategorie.Sonstiges, "Frau Haddad findet keine Kita.", default)));

        (await Sql.ScalarAsync<long>(_datenbank.OwnerConnectionString, "SELECT count(*) FROM themen")).ShouldBe(0);
    }

    [Fact]
    public async Task StatusAendernAsync_ForAnotherRoleOrThroughAnotherFall_IsRefused()
    {
        var fall = await FallAnlegenAsync();
        var andererFall = await FallAnlegenAsync();
        _wahl.Aktuell = new Person("fm.yilmaz", Testfaelle.Mandant, Rolle.Fallmanagement);
        var thema = await MitAsync<ThemenHandler, ThemaDetail>(h => h.MeldenAsync(fall, ThemaKategorie.Wohnsitzauflage, "Wohnsitzauflage verhindert Ausbildung in der Nachbarstadt.", default));

        // Through a Fall the Thema does not belong to: not found, nothing changed.
        await Should.ThrowAsync<NichtGefundenException>(() => MitAsync<ThemenHandler, ThemaDetail>(h => h.StatusAendernAsync(andererFall, thema.Id, ThemaStatus.Erledigt, null, default)));

        // The Lenkungsgruppe and a case manager who does not lead the Fall do not even see the Fall.
        foreach (var person in new[] { new Person("lg.fischer", Testfaelle.Mandant, Rolle.Lenkungsgruppe), new Person("fm.schneider", Testfaelle.Mandant, Rolle.Fallmanagement) })
        {
            _wahl.Aktuell = person;
            await Should.ThrowAsync<NichtGefundenException>(() => MitAsync<ThemenHandler, ThemaDetail>(h => h.StatusAendernAsync(fall, thema.Id, ThemaStatus.Erledigt, null, default)));
        }

        (await Sql.ScalarAsync<string>(_datenbank.OwnerConnectionString, "SELECT status FROM themen")).ShouldBe("Offen");
    }

    [Fact]
    public async Task Themen_ForTheApplicationRole_CanOnlyChangeTheState()
    {
        var fall = await FallAnlegenAsync();
        _wahl.Aktuell = new Person("fm.yilmaz", Testfaelle.Mandant, Rolle.Fallmanagement);
        await MitAsync<ThemenHandler, ThemaDetail>(h => h.MeldenAsync(fall, ThemaKategorie.AnerkennungDauert, "Anerkennung dauert über ein Jahr.", default));

        await Sql.ExecuteAsync(_datenbank.AppConnectionString, "UPDATE themen SET status = 'Erledigt', version = version + 1");
        var umschreiben = await Should.ThrowAsync<PostgresException>(() => Sql.ExecuteAsync(_datenbank.AppConnectionString, "UPDATE themen SET beschreibung = 'anders'"));
        var loeschen = await Should.ThrowAsync<PostgresException>(() => Sql.ExecuteAsync(_datenbank.AppConnectionString, "DELETE FROM themen"));

        umschreiben.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        loeschen.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Themen_WhenTheFallIsErased_StayWithoutTheLink()
    {
        var fall = await FallAnlegenAsync();
        _wahl.Aktuell = new Person("fm.yilmaz", Testfaelle.Mandant, Rolle.Fallmanagement);
        await MitAsync<ThemenHandler, ThemaDetail>(h => h.MeldenAsync(fall, ThemaKategorie.KinderbetreuungFehlt, "Keine Kitaplätze für Kursteilnehmende.", default));

        await Sql.ExecuteAsync(_datenbank.OwnerConnectionString, $"""
            DELETE FROM fall_ereignisse WHERE fall_id = '{fall}';
            DELETE FROM faelle WHERE id = '{fall}';
            """);

        (await Sql.ScalarAsync<long>(_datenbank.OwnerConnectionString, "SELECT count(*) FROM themen WHERE fall_id IS NULL")).ShouldBe(1);
    }

    private async Task<Guid> FallAnlegenAsync()
    {
        var fall = Testfaelle.Eroeffnen("KIM-2026-" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _wahl.Aktuell = new Person("fm.yilmaz", Testfaelle.Mandant, Rolle.Fallmanagement);
        await using var scope = _dienste.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IFallRepository>().HinzufuegenAsync(fall, default);
        return fall.Id;
    }

    private async Task<TErgebnis> MitAsync<THandler, TErgebnis>(Func<THandler, Task<TErgebnis>> aufruf)
        where THandler : notnull
    {
        await using var scope = _dienste.CreateAsyncScope();
        try
        {
            return await aufruf(scope.ServiceProvider.GetRequiredService<THandler>());
        }
        finally
        {
            // As the end of a request does: entries no save carried go to the audit writer.
            await scope.ServiceProvider.GetRequiredService<AuditProtokoll>().AbschliessenAsync(200);
            await _dienste.GetRequiredService<AuditSchreiber>().StopAsync(default);
        }
    }

    private sealed class Benutzerwahl
    {
        public IAktuellerBenutzer Aktuell { get; set; } = new Person("niemand", Testfaelle.Mandant);
    }

    private sealed class Person(string id, string mandant, params Rolle[] rollen) : IAktuellerBenutzer
    {
        public string Id => id;

        public string Mandant => mandant;

        public bool IstAngemeldet => true;

        public IReadOnlySet<Rolle> Rollen { get; } = rollen.ToHashSet();

        public Guid? TeamId => null;

        public Behoerde? Behoerde => null;

        public string? Herkunft => "127.0.0.1";
    }
}
