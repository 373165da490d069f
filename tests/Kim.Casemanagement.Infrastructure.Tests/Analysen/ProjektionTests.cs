using System.Globalization;
using System.Text.Json;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Analysen;
using Kim.Casemanagement.Infrastructure.Analysen.Projektion;
using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Testing;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// The per-Fall projection (ADR 0004) gives exactly the raw figures of the SQL over the event log for every analysis and
/// filter, on the demo generator's data and on hand-made logs, also after Fälle changed and the projection was refreshed;
/// and the report page computed from it equals the one computed on request.
/// </summary>
public sealed class ProjektionTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task EveryAnalysis_FromTheProjection_EqualsTheSqlOverTheEventLog_OnTheDemoData()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var datenbank = await cluster.CreateDatabaseAsync("projektion_demo");
        var heute = new DateOnly(2026, 11, 20);
        var optionen = new DemodatenOptionen { Klienten = 400, Jahre = 8, Seed = 42, Heute = heute };
        await DemodatenLader.LadenAsync(datenbank.OwnerConnectionString, new DemodatenGenerator(optionen), null, CancellationToken.None);
        await using var quelle = NpgsqlDataSource.Create(datenbank.AppConnectionString);
        var sql = new AnalysenDaten(quelle);
        var projektion = new AnalysenProjektion(quelle, new FesterKalender(heute));
        (await projektion.AktualisierenAsync(default)).ShouldBeGreaterThan(0);
        var p = projektion.Aktuell!.Daten;

        await using var befehl = quelle.CreateCommand("SELECT team_id FROM faelle WHERE team_id IS NOT NULL GROUP BY team_id ORDER BY count(*) DESC LIMIT 1");
        var team = (Guid)(await befehl.ExecuteScalarAsync())!;
        var filter = new List<AnalyseFilter>
        {
            AnalyseFilter.Keiner,
            new(ZieldimensionI: true),
            new(ZieldimensionI: false),
            new(Von: heute.AddYears(-3), Bis: heute.AddYears(-1)),
            new(Von: heute.AddYears(-2), ZieldimensionI: true, Altersgruppe: Altersgruppe.JungeErwachsene),
            new(TeamId: team),
            new(TeamId: team, ZieldimensionI: true),
        };
        filter.AddRange(Enum.GetValues<Altersgruppe>().Select(a => new AnalyseFilter(Altersgruppe: a)));
        filter.AddRange(Enum.GetValues<AufenthaltZustand>().Select(s => new AnalyseFilter(Aufenthaltsstatus: s)));

        foreach (var f in filter)
        {
            var abfrage = new AnalyseAbfrage(optionen.Mandant, f, heute, KohortenRegel.Abschnitte(Rechtsregeltabelle.Standard));
            await GleichAsync(sql, p, abfrage, f.Beschreibung());
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task EveryAnalysis_FromTheProjection_EqualsTheSqlOverTheEventLog_OnARandomLog_AlsoAfterChanges(int saat)
    {
        var log = ReferenzvergleichTests.Zufallslog(saat);
        await using var u = await AnalysenUmgebung.MitAsync(log);
        var projektion = new AnalysenProjektion(u.DataSource, new FesterKalender(AnalysenUmgebung.Heute));
        (await projektion.AktualisierenAsync(default)).ShouldBe(log.Faelle.Count);
        var filter = new[] { AnalyseFilter.Keiner, new AnalyseFilter(Von: D(2024, 3, 1), Bis: D(2024, 10, 31)), new AnalyseFilter(ZieldimensionI: true) };
        foreach (var f in filter)
        {
            await GleichAsync(u.Daten, projektion.Aktuell!.Daten, u.Abfrage(f), "vorher " + f.Beschreibung());
        }

        (await projektion.AktualisierenWennNoetigAsync(TimeSpan.FromHours(1), default)).ShouldBeNull("nothing changed");

        // A new step on one Fall (event and counter in one transaction, as the app writes), another Fall closed and moved
        // to a team, a Thema flagged on a third: the refresh re-projects only the Fall with a new event.
        var faelle = log.Faelle.Select(f => f.Id).ToList();
        var team = Guid.NewGuid();
        await using (var verbindung = new NpgsqlConnection(u.Datenbank.OwnerConnectionString))
        {
            await verbindung.OpenAsync();
            await using var befehl = new NpgsqlCommand(
                """
                INSERT INTO fall_ereignisse (fall_id, nr, spur, trigger, von_zustand, nach_zustand, fachliches_datum, erfasst_am, akteur, parameter)
                SELECT @f0, max(nr) + 1, 'Prozess', 'Abschliessen', 'Monitoring', 'Abschluss', '2025-12-01', now(), 'fm.neu', '{"abschlussgrund": "ZieleErreicht"}'::jsonb
                FROM fall_ereignisse WHERE fall_id = @f0;
                UPDATE faelle SET ereignis_anzahl = ereignis_anzahl + 1, prozess_zustand = 'Abschluss', prozess_seit = '2025-12-01' WHERE id = @f0;
                UPDATE faelle SET team_id = @team, prozess_zustand = 'Abbruch', prozess_seit = '2025-06-01' WHERE id = @f1;
                INSERT INTO themen (id, mandant, fall_id, kategorie, beschreibung, status, erstellt_am, erstellt_von, geaendert_am, version)
                VALUES (gen_random_uuid(), @mandant, @f2, 'Wohnsitzauflage', 'Test', 'InLenkungsgruppe', now(), 'fm.test', now(), 1);
                """, verbindung);
            befehl.Parameters.AddWithValue("f0", faelle[0]);
            befehl.Parameters.AddWithValue("f1", faelle[1]);
            befehl.Parameters.AddWithValue("team", team);
            befehl.Parameters.AddWithValue("mandant", Mandant);
            befehl.Parameters.AddWithValue("f2", faelle[2]);
            await befehl.ExecuteNonQueryAsync();
        }

        (await projektion.AktualisierenWennNoetigAsync(TimeSpan.FromHours(1), default)).ShouldBe(1, "the fingerprint changed; only the Fall with a new event is re-projected");
        (await projektion.AktualisierenWennNoetigAsync(TimeSpan.FromHours(1), default)).ShouldBeNull("read already");
        (await projektion.AktualisierenWennNoetigAsync(TimeSpan.Zero, default)).ShouldBe(0, "the last full read is too old: reread, nothing to re-project");
        foreach (var f in filter.Append(new AnalyseFilter(TeamId: team)).Append(new AnalyseFilter(ZieldimensionI: false)))
        {
            await GleichAsync(u.Daten, projektion.Aktuell!.Daten, u.Abfrage(f), "nachher " + f.Beschreibung());
        }
    }

    [Fact]
    public async Task TheCohortFilters_FromTheProjection_JudgeEveryFallAsTheSql()
    {
        await using var u = await AnalysenUmgebung.MitAsync(KohortenSqlTests.Log());
        var projektion = new AnalysenProjektion(u.DataSource, new FesterKalender(AnalysenUmgebung.Heute));
        await projektion.AktualisierenAsync(default);
        var filter = Enum.GetValues<Altersgruppe>().Select(a => new AnalyseFilter(Altersgruppe: a))
            .Concat([new AnalyseFilter(ZieldimensionI: true), new AnalyseFilter(ZieldimensionI: false), new AnalyseFilter(Aufenthaltsstatus: AufenthaltZustand.Duldung)])
            .Concat([new AnalyseFilter(Aufenthaltsstatus: AufenthaltZustand.Duldung, Altersgruppe: Altersgruppe.JungeErwachsene, ZieldimensionI: true)]);
        foreach (var f in filter)
        {
            await GleichAsync(u.Daten, projektion.Aktuell!.Daten, u.Abfrage(f), f.Beschreibung());
        }
    }

    [Fact]
    public async Task BerichtAsync_WithAFilterOrATrack_ComesFromTheProjection_WithItsStand_AndEqualsTheOnRequestReport()
    {
        var log = ReferenzvergleichTests.Zufallslog(13);
        await using var u = await AnalysenUmgebung.MitAsync(log);
        var projektion = new AnalysenProjektion(u.DataSource, new FesterKalender(AnalysenUmgebung.Heute.AddDays(-1)));
        await projektion.AktualisierenAsync(default);
        static void Klein(AnalysenOptionen o) => o.Mindestgroesse = 3;

        foreach (var (filter, spur) in new (AnalyseFilter, Spur?)[] { (new AnalyseFilter(ZieldimensionI: true), null), (AnalyseFilter.Keiner, Spur.Bildung), (new AnalyseFilter(Von: D(2024, 2, 1)), Spur.Ueberleitung) })
        {
            var vorberechnet = await u.Handler(Klein, projektion: projektion).BerichtAsync(filter, spur, BerichtTeile.Alle, default);
            var berechnet = await u.Handler(Klein).BerichtAsync(filter, spur, BerichtTeile.Alle, default);

            vorberechnet.Vorberechnet.ShouldBeTrue();
            vorberechnet.Gespeichert.ShouldBeFalse();
            vorberechnet.Stand.ShouldBe(new FesterKalender(AnalysenUmgebung.Heute.AddDays(-1)).Jetzt);
            berechnet.Vorberechnet.ShouldBeFalse();
            JsonSerializer.Serialize(vorberechnet with { Stand = berechnet.Stand, Vorberechnet = false }, Json).ShouldBe(JsonSerializer.Serialize(berechnet, Json));
        }

        var alle = await u.Handler(Klein, projektion: projektion).BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Alle, default);
        alle.Vorberechnet.ShouldBeFalse("the page without filter and track shows the stored report");
    }

    [Fact]
    public async Task BerichtAsync_ComputesOnlyThePartsAPageAsksFor_EachEqualToTheWholeReports()
    {
        var log = ReferenzvergleichTests.Zufallslog(17);
        await using var u = await AnalysenUmgebung.MitAsync(log);
        var projektion = new AnalysenProjektion(u.DataSource, new FesterKalender(AnalysenUmgebung.Heute.AddDays(-1)));
        await projektion.AktualisierenAsync(default);
        static void Klein(AnalysenOptionen o) => o.Mindestgroesse = 3;
        var filter = new AnalyseFilter(ZieldimensionI: true);

        foreach (var p in new[] { projektion, null })
        {
            var ganz = await u.Handler(Klein, projektion: p).BerichtAsync(filter, null, BerichtTeile.Alle, default);
            ganz.Abweichungen!.Engpaesse.ShouldNotBeEmpty("the generated log has waiting states with enough Fälle");
            static string J(object? o) => JsonSerializer.Serialize(o, Json);

            var karte = await u.Handler(Klein, projektion: p).BerichtAsync(filter, null, BerichtTeile.Landkarte, default);
            J(karte.Landkarte).ShouldBe(J(ganz.Landkarte));
            new object?[] { karte.Varianten, karte.Dauern, karte.Abweichungen, karte.Kennzahlen, karte.Themen }.ShouldAllBe(x => x == null);

            var ueberblick = await u.Handler(Klein, projektion: p).BerichtAsync(
                filter, null, BerichtTeile.Konformitaet | BerichtTeile.Kennzahlen | BerichtTeile.Dauern | BerichtTeile.Varianten | BerichtTeile.Themen, default);
            ueberblick.Landkarte.ShouldBeNull();
            J(ueberblick.Varianten).ShouldBe(J(ganz.Varianten));
            J(ueberblick.Dauern).ShouldBe(J(ganz.Dauern));
            J(ueberblick.Kennzahlen).ShouldBe(J(ganz.Kennzahlen));
            J(ueberblick.Themen).ShouldBe(J(ganz.Themen));
            ueberblick.Abweichungen!.Engpaesse.ShouldBeEmpty("bottlenecks are a part of their own");
            J(ueberblick.Abweichungen with { Engpaesse = ganz.Abweichungen.Engpaesse }).ShouldBe(J(ganz.Abweichungen));

            var abweichungen = await u.Handler(Klein, projektion: p).BerichtAsync(filter, null, BerichtTeile.Konformitaet | BerichtTeile.Engpaesse, default);
            J(abweichungen.Abweichungen).ShouldBe(J(ganz.Abweichungen));
        }

        // Without filter and track the page shows the stored report of all Fälle, whatever it asks for: it has every part.
        var gespeichert = await u.Handler(Klein, projektion: projektion).BerichtAsync(AnalyseFilter.Keiner, null, BerichtTeile.Themen, default);
        new object?[] { gespeichert.Landkarte, gespeichert.Varianten, gespeichert.Dauern, gespeichert.Abweichungen, gespeichert.Kennzahlen, gespeichert.Themen }.ShouldAllBe(x => x != null);
    }

    [Fact]
    public async Task UeberschneidenSichAsync_InTheProjection_EqualsTheSqlReference_WithBothAnswers()
    {
        var log = ReferenzvergleichTests.Zufallslog(19);
        await using var u = await AnalysenUmgebung.MitAsync(log);
        var projektion = new AnalysenProjektion(u.DataSource, new FesterKalender(AnalysenUmgebung.Heute.AddDays(-1)));
        await projektion.AktualisierenAsync(default);

        foreach (var (a, b, erwartet) in new (AnalyseFilter, AnalyseFilter, bool)[]
        {
            (new AnalyseFilter(ZieldimensionI: true), new AnalyseFilter(ZieldimensionI: false), false),
            (AnalyseFilter.Keiner, new AnalyseFilter(ZieldimensionI: true), true),
            (new AnalyseFilter(Bis: D(2024, 6, 30)), new AnalyseFilter(Von: D(2024, 7, 1)), false),
            (new AnalyseFilter(Bis: D(2024, 6, 30)), new AnalyseFilter(Von: D(2024, 1, 1), Altersgruppe: Altersgruppe.Aeltere), true),
        })
        {
            var sql = await u.Daten.UeberschneidenSichAsync(u.Abfrage(a), u.Abfrage(b), default);
            var schnell = await projektion.Aktuell!.Daten.UeberschneidenSichAsync(u.Abfrage(a), u.Abfrage(b), default);
            sql.ShouldBe(erwartet, a.Beschreibung() + " / " + b.Beschreibung());
            schnell.ShouldBe(sql, a.Beschreibung() + " / " + b.Beschreibung());
        }
    }

    private static async Task GleichAsync(AnalysenDaten sql, IAnalysenDaten projektion, AnalyseAbfrage abfrage, string wo)
    {
        foreach (var mitZeitraum in new[] { true, false })
        {
            Zeile(await projektion.PopulationAsync(abfrage, mitZeitraum, default)).ShouldBe(Zeile(await sql.PopulationAsync(abfrage, mitZeitraum, default)), $"Population {mitZeitraum} {wo}");
        }

        foreach (var (spur, ueber) in new (Spur?, bool)[] { (null, true), (null, false), (Spur.Prozess, false), (Spur.Ueberleitung, false) })
        {
            Vergleich.Zeilen(await projektion.LandkarteAsync(abfrage, spur, ueber, default))
                .ShouldBe(Vergleich.Zeilen(await sql.LandkarteAsync(abfrage, spur, ueber, default)), $"Landkarte {spur} {ueber} {wo}");
        }

        foreach (var spur in Enum.GetValues<Spur>())
        {
            foreach (var anzahl in new[] { 3, 1000 })
            {
                Vergleich.Zeilen(await projektion.VariantenAsync(abfrage, spur, anzahl, default))
                    .ShouldBe(Vergleich.Zeilen(await sql.VariantenAsync(abfrage, spur, anzahl, default)), $"Varianten {spur} {anzahl} {wo}");
            }
        }

        foreach (var m in AnalysenStandards.Meilensteine())
        {
            (await projektion.DauernAsync(abfrage, m, default)).ShouldBe(await sql.DauernAsync(abfrage, m, default), $"Dauern {m.Schluessel} {wo}");
        }

        var soll = Enum.GetValues<Spur>().SelectMany(s => AnalysenStandards.Idealverlauf(s).Kanten().Select(k => new SollKante(s, k.Von, k.Nach))).ToList();
        var spuren = Enum.GetValues<Spur>().Where(s => AnalysenStandards.Idealverlauf(s).Pfade.Count > 0).ToList();
        Vergleich.Zeilen(await projektion.KonformitaetAsync(abfrage, soll, spuren, default))
            .ShouldBe(Vergleich.Zeilen(await sql.KonformitaetAsync(abfrage, soll, spuren, default)), $"Konformität {wo}");

        Zeilen(await projektion.KennzahlenAsync(abfrage, default)).ShouldBe(Zeilen(await sql.KennzahlenAsync(abfrage, default)), $"Kennzahlen {wo}");
        Zeilen(await projektion.ThemenAsync(abfrage, default)).ShouldBe(Zeilen(await sql.ThemenAsync(abfrage, default)), $"Themen {wo}");
    }

    private static string Zeile(Population p) => $"{p.Gefiltert} [{string.Join(' ', p.OhneEinenFilter)}]";

    private static List<string> Zeilen(IReadOnlyList<QuartalsWertRoh> werte) =>
        werte.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Quartal:yyyy-MM-dd} {w.Merkmal} {w.Anzahl} {w.Faelle}")).Order(StringComparer.Ordinal).ToList();

    private static List<string> Zeilen(IReadOnlyList<ThemenWertRoh> werte) =>
        werte.Select(w => $"{w.Kategorie} {w.Status} {w.Anzahl} {w.Faelle}").Order(StringComparer.Ordinal).ToList();
}
