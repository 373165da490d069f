using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Infrastructure.Tests.Persistence;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tests.Demodaten;

/// <summary>Generated demo data bulk-loaded into real PostgreSQL: complete, reproducible, valid by replay, and usable by the application.</summary>
public sealed class DemodatenLadenTests(DemodatenLaden geladen) : IClassFixture<DemodatenLaden>
{
    private static readonly string[] Tabellen =
        ["klienten", "faelle", "fall_ereignisse", "einwilligungen", "ziele", "wiedervorlagen", "vertretungen", "ueberleitungen", "notizen", "kompetenzprofil_uebergaben"];

    [Fact]
    public async Task LadenAsync_WritesEveryGeneratedRowIntoTheTables()
    {
        var e = geladen.Ergebnis;

        (await ZaehlenAsync("faelle")).ShouldBe(DemodatenLaden.Klienten);
        (await ZaehlenAsync("klienten")).ShouldBe(DemodatenLaden.Klienten);
        (await ZaehlenAsync("fall_ereignisse")).ShouldBe(e.Ereignisse);
        (await ZaehlenAsync("einwilligungen")).ShouldBe(e.Einwilligungen);
        (await ZaehlenAsync("ziele")).ShouldBe(e.Ziele);
        (await ZaehlenAsync("wiedervorlagen")).ShouldBe(e.Wiedervorlagen);
        (await ZaehlenAsync("ueberleitungen")).ShouldBe(e.Ueberleitungen);
        (await ZaehlenAsync("notizen")).ShouldBe(e.Notizen);
        e.Ereignisse.ShouldBeGreaterThan(DemodatenLaden.Klienten * 8);
        (await SkalarAsync<long>("SELECT count(*) FROM faelle f WHERE NOT EXISTS (SELECT 1 FROM benutzer b WHERE b.id = f.fallmanager_id) AND f.fallmanager_id IS NOT NULL")).ShouldBe(0);
        (await SkalarAsync<long>("SELECT count(*) FROM faelle WHERE ereignis_anzahl <> (SELECT count(*) FROM fall_ereignisse e WHERE e.fall_id = faelle.id)")).ShouldBe(0);
    }

    [Fact]
    public async Task LadenAsync_LeavesTheSameIndexesAndConstraintsAsAFreshlyMigratedDatabase()
    {
        const string Indizes = "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'";
        const string Constraints = """
            SELECT string_agg(conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid), E'\n' ORDER BY conrelid::regclass::text, conname)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """;
        var cluster = await Testing.PostgresTestCluster.GetAsync();
        await using var frisch = await cluster.CreateDatabaseAsync("demodaten_frisch");

        var indizes = await SkalarAsync<string>(Indizes);
        var constraints = await SkalarAsync<string>(Constraints);

        indizes.ShouldBe(await SkalarAsync<string>(Indizes, frisch.OwnerConnectionString));
        indizes.ShouldContain("ux_fall_ereignisse_fall_id_nr");
        constraints.ShouldBe(await SkalarAsync<string>(Constraints, frisch.OwnerConnectionString));
        constraints.ShouldContain("fall_ereignisse_fall_id_fkey");
    }

    [Fact]
    public async Task LadenAsync_WhenTheSameSeedIsLoadedIntoTwoDatabases_StoresIdenticalData()
    {
        foreach (var tabelle in Tabellen)
        {
            var sql = tabelle == "fall_ereignisse"
                ? "SELECT md5(string_agg(row(fall_id, nr, spur, ueberleitung_id, trigger, von_zustand, nach_zustand, fachliches_datum, erfasst_am, akteur, notiz, parameter, ausgeloest_durch)::text, '|' ORDER BY fall_id, nr)) FROM fall_ereignisse"
                : $"SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {tabelle} t";
            var a = await SkalarAsync<string>(sql, geladen.Erste.OwnerConnectionString);
            var b = await SkalarAsync<string>(sql, geladen.Zweite.OwnerConnectionString);
            b.ShouldBe(a, $"Tabelle {tabelle}");
        }
    }

    [Fact]
    public async Task PruefenAsync_WhenEveryStoredFallIsReplayedThroughTheDomain_ReportsNoGuardViolation()
    {
        var ergebnis = await DemodatenValidierung.PruefenAsync(geladen.Erste.OwnerConnectionString, null, CancellationToken.None);

        ergebnis.Beispiele.ShouldBeEmpty();
        ergebnis.VerstoesseGesamt.ShouldBe(0);
        ergebnis.Faelle.ShouldBe(DemodatenLaden.Klienten);
        ergebnis.Nachgespielt.ShouldBe(geladen.Ergebnis.Ereignisse);
    }

    [Fact]
    public async Task PruefenAsync_WhenAStoredEventWasTamperedWith_ReportsTheViolation()
    {
        var cluster = await Testing.PostgresTestCluster.GetAsync();
        await using var db = await cluster.CreateDatabaseAsync("demodaten_manipuliert");
        var optionen = DemodatenLaden.Optionen with { Klienten = 100 };
        await DemodatenLader.LadenAsync(db.OwnerConnectionString, new DemodatenGenerator(optionen), null, CancellationToken.None);

        // An Einbürgerung as the first step after an intake in the asylum procedure: no such transition exists.
        var geaendert = await SkalarAsync<int>(
            """
            WITH f AS (
              SELECT e.fall_id FROM fall_ereignisse e
              WHERE e.nr <= 4 AND e.spur = 'Aufenthalt' AND e.nach_zustand = 'Aufenthaltsgestattung'
                AND EXISTS (SELECT 1 FROM fall_ereignisse x WHERE x.fall_id = e.fall_id AND x.nr = 5 AND x.ausgeloest_durch IS NULL)
              ORDER BY e.fall_id LIMIT 1)
            UPDATE fall_ereignisse e SET spur = 'Aufenthalt', trigger = 'Einbuergern', von_zustand = 'Aufenthaltsgestattung', nach_zustand = 'Eingebuergert', parameter = '{}'
            FROM f WHERE e.fall_id = f.fall_id AND e.nr = 5 RETURNING 1
            """,
            db.OwnerConnectionString);
        geaendert.ShouldBe(1);

        var ergebnis = await DemodatenValidierung.PruefenAsync(db.OwnerConnectionString, null, CancellationToken.None);

        ergebnis.VerstoesseGesamt.ShouldBe(1);
        ergebnis.Beispiele.ShouldHaveSingleItem().ShouldContain("Einbuergern");
    }

    [Fact]
    public async Task LadenAsync_ThroughTheFallRepository_ReturnsTheStoredFallAndTheDomainAcceptsTheNextStep()
    {
        var datensatz = geladen.Generator.Erzeugen(0, DemodatenLaden.Klienten).First(d => d.Fall.Prozess.Zustand == ProzessZustand.Monitoring);
        await using var dienste = new KimDienste(geladen.Erste.AppConnectionString, geladen.Erste.OwnerConnectionString);

        await using (var bereich = dienste.NeuerBereich())
        {
            var fall = await bereich.Repository.LadenAsync(datensatz.Fall.Id, CancellationToken.None);

            fall.ShouldNotBeNull();
            fall.Aktenzeichen.ShouldBe(datensatz.Fall.Aktenzeichen);
            fall.Klient.Nachname.ShouldBe(datensatz.Klient.Nachname);
            fall.EreignisAnzahl.ShouldBe(datensatz.Ereignisse.Count);
            fall.Einwilligungen.Count.ShouldBe(datensatz.Einwilligungen.Count);
            fall.Ziele.Count.ShouldBe(datensatz.Ziele.Count);
            fall.Prozess.Zustand.ShouldBe(ProzessZustand.Monitoring);
            fall.Aufenthalt.Zustand.ShouldBe(datensatz.Fall.Aufenthalt.Zustand);

            var jetzt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
            var tag = new DateOnly(2026, 11, 21);
            fall.Feuern(Spur.Prozess, nameof(ProzessTrigger.EvaluationBeginnen), null, new SchrittRahmen(tag, "fm.test", "Evaluation nach dem Seed", Rechtsregeltabelle.Standard, jetzt, tag));
            await bereich.Repository.SpeichernAsync(fall, CancellationToken.None);
        }

        await using (var bereich = dienste.NeuerBereich())
        {
            var fall = await bereich.Repository.LadenAsync(datensatz.Fall.Id, CancellationToken.None);

            fall!.Prozess.Zustand.ShouldBe(ProzessZustand.Evaluation);
            fall.EreignisAnzahl.ShouldBe(datensatz.Ereignisse.Count + 1);
        }
    }

    [Fact]
    public async Task LadenAsync_WhenTheDatabaseHoldsFaelleAlready_RefusesToLoad()
    {
        var generator = new DemodatenGenerator(DemodatenLaden.Optionen with { Klienten = 5 });

        var fehler = await Should.ThrowAsync<InvalidOperationException>(() => DemodatenLader.LadenAsync(geladen.Erste.OwnerConnectionString, generator, null, CancellationToken.None));

        fehler.Message.ShouldContain("bereits Fälle");
        (await DemodatenLader.HatFaelleAsync(geladen.Erste.OwnerConnectionString, CancellationToken.None)).ShouldBeTrue();
    }

    private Task<long> ZaehlenAsync(string tabelle) => SkalarAsync<long>($"SELECT count(*) FROM {tabelle}");

    private async Task<T> SkalarAsync<T>(string sql, string? connectionString = null)
    {
        await using var verbindung = new NpgsqlConnection(connectionString ?? geladen.Erste.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        return (T)(await befehl.ExecuteScalarAsync())!;
    }
}
