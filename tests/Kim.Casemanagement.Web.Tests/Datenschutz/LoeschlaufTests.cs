using Kim.Casemanagement.Infrastructure.Datenschutz;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Datenschutz;

/// <summary>
/// The erasure job on generated data (Issue 15, item 3 and its acceptance): it anonymises exactly the due Fälle that
/// are not held, every rule of the catalogue holds for every column, no identifier or name of an erased Fall is left in
/// any column of any table, the Lenkungsgruppe's figures (every /api/analysen answer under nine filters, every CSV,
/// the XES traces) are identical before and after, held Fälle are untouched.
/// </summary>
public sealed class LoeschlaufTests(LoeschlaufFixture f) : IClassFixture<LoeschlaufFixture>
{
    /// <summary>Columns that keep an old id by design: the access log has its own period (catalogue: EigeneFrist), and the id links to nothing any more.</summary>
    private static readonly HashSet<string> ProtokollSpalten = ["audit_protokoll.fall_id", "audit_protokoll.klient_id"];

    [Fact]
    public async Task Lauf_AnonymisesExactlyTheDueFaelleWithoutHoldAndRecordsCountsOnly()
    {
        f.Geloescht.Length.ShouldBeGreaterThan(100);
        f.Geloescht.ShouldContain(f.GesperrtAbgelaufen, "a hold that ended yesterday no longer protects the Fall");
        f.Geloescht.ShouldNotContain(f.Gesperrt[0]);
        f.Lauf.Anonymisiert.ShouldBe(f.Geloescht.Length);
        f.Anonymisiert.Length.ShouldBe(f.Geloescht.Length);
        f.Lauf.Faellig.ShouldBe(f.Probelauf.Faellig);
        f.Lauf.Gesperrt.ShouldBe(3);
        f.Probelauf.Gesperrt.ShouldBe(3);
        f.Lauf.KlientenGeloescht.ShouldBe(f.KlientenAllein.Length);
        f.Probelauf.KlientenGeloescht.ShouldBe(f.KlientenAllein.Length);
        f.Lauf.ZeilenGeloescht.OrderBy(z => z.Key).ShouldBe(f.Probelauf.ZeilenGeloescht.OrderBy(z => z.Key), "the dry run counts what the run deletes");

        var protokoll = await f.SpalteAsync("SELECT l::text FROM loeschlaeufe l ORDER BY gestartet_am");
        protokoll.Count.ShouldBe(3, "two dry runs and the run");
        var lauf = await f.SpalteAsync("SELECT format('%s/%s/%s/%s/%s', faellig, gesperrt, anonymisiert, klienten_geloescht, beendet_am IS NOT NULL) FROM loeschlaeufe WHERE NOT probelauf");
        lauf.ShouldBe([$"{f.Lauf.Faellig}/3/{f.Geloescht.Length}/{f.KlientenAllein.Length}/t"]);
        foreach (var zeile in protokoll)
        {
            f.Kennungen.Where(k => zeile!.Contains(k, StringComparison.Ordinal)).ShouldBeEmpty("the erasure record holds no id of an erased Fall");
            f.Aktenzeichen.Where(a => zeile!.Contains(a!, StringComparison.Ordinal)).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Analysen_AnswerIdenticallyBeforeAndAfterTheAnonymisation()
    {
        f.AnalysenVorher.Count.ShouldBeGreaterThan(90);
        f.AnalysenNachher.Keys.ShouldBe(f.AnalysenVorher.Keys);
        var verschieden = f.AnalysenVorher.Where(a => f.AnalysenNachher[a.Key] != a.Value).Select(a => a.Key).ToList();
        verschieden.ShouldBeEmpty("answers that changed through the anonymisation");
    }

    [Fact]
    public void Analysen_CountTheAnonymisedFaelle()
    {
        // Not vacuous: the unfiltered key figures include the quarters in which the erased Fälle were closed (2019-2023).
        f.AnalysenVorher["/api/analysen/kennzahlen?x=1"].ShouldContain("2020-");
        f.AnalysenNachher["/api/analysen/kennzahlen?x=1"].ShouldContain("2020-");
    }

    [Fact]
    public async Task NoIdOrFileNumberOfAnErasedFall_IsLeftInAnyColumnOfAnyTable()
    {
        f.Kennungen.Length.ShouldBeGreaterThan(1000);
        f.Aktenzeichen.Length.ShouldBe(f.Geloescht.Length);
        var funde = new List<string>();
        foreach (var (tabelle, spalte, typ) in await SpaltenAsync())
        {
            if (ProtokollSpalten.Contains($"{tabelle}.{spalte}"))
            {
                continue;
            }

            var anzahl = await TrefferAsync(tabelle, spalte, typ, f.Kennungen, f.Aktenzeichen!);
            if (anzahl > 0)
            {
                funde.Add($"{tabelle}.{spalte}: {anzahl}");
            }
        }

        funde.ShouldBeEmpty();
    }

    [Fact]
    public async Task NoNameOfAnErasedClient_IsLeftInAnyColumnOfAnyTable()
    {
        f.Namen.Length.ShouldBeGreaterThan(50, "erased clients with a name no other client has");
        var muster = f.Namen.Select(n => "%" + n + "%").ToArray();
        var funde = new List<string>();
        foreach (var (tabelle, spalte, typ) in await SpaltenAsync())
        {
            if (typ == "uuid")
            {
                continue;
            }

            var anzahl = await ZahlAsync($"SELECT count(*) FROM {tabelle} WHERE {Text(spalte, typ)} LIKE ANY(@m)", ("m", muster));
            if (anzahl > 0)
            {
                funde.Add($"{tabelle}.{spalte}: {anzahl}");
            }
        }

        funde.ShouldBeEmpty();
        (await ZahlAsync("SELECT count(*) FROM klienten WHERE vorname || ' ' || nachname = ANY(@n)", ("n", f.Namen))).ShouldBe(0);
    }

    [Fact]
    public async Task Suche_FindsTheIdsAndNamesOfAFallThatWasNotErased()
    {
        // The searches above would find a value that is there: the same searches for a kept Fall find it.
        var fall = (await f.SpalteAsync("SELECT f.id::text FROM faelle f WHERE f.anonymisiert_am IS NULL AND f.id <> ALL(@h) ORDER BY f.aktenzeichen LIMIT 1")).Single()!;
        var aktenzeichen = (await f.SpalteAsync($"SELECT aktenzeichen FROM faelle WHERE id = '{fall}'")).Single()!;
        var name = (await f.SpalteAsync($"SELECT k.vorname || ' ' || k.nachname FROM faelle f JOIN klienten k ON k.id = f.klient_id WHERE f.id = '{fall}'")).Single()!;
        (await TrefferAsync("faelle", "id", "uuid", [fall], [])).ShouldBe(1);
        (await TrefferAsync("fall_ereignisse", "fall_id", "uuid", [fall], [])).ShouldBeGreaterThan(0);
        (await TrefferAsync("faelle", "aktenzeichen", "text", [], [aktenzeichen])).ShouldBe(1);
        (await ZahlAsync("SELECT count(*) FROM klienten WHERE vorname || ' ' || nachname LIKE ANY(@m)", ("m", new[] { "%" + name + "%" }))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Berichtigung_OfAnErasedClient_CannotBeReadFromTheAuditTrailAnyMore()
    {
        // The audit row stays (its own period, hash chain), but the client's key went with the client's row.
        (await f.SpalteAsync($"SELECT count(*)::text FROM audit_protokoll WHERE klient_id = '{f.BerichtigterKlient}' AND aktion = 'Klient.Berichtigt'")).ShouldBe(["1"]);
        (await f.SpalteAsync($"SELECT count(*)::text FROM klient_schluessel WHERE klient_id = '{f.BerichtigterKlient}'")).ShouldBe(["0"]);
        var schluessel = f.Factory.Services.GetRequiredService<Application.Abstractions.IKlientSchluessel>();
        (await schluessel.EntschluesselnAsync(f.BerichtigterKlient, f.BerichtigtVorher, default)).ShouldBeNull();
    }

    [Fact]
    public void GehalteneFaelle_AreUntouched()
    {
        f.HeldVorher.ShouldNotBeNullOrEmpty();
        f.HeldNachher.ShouldBe(f.HeldVorher);
    }

    public static TheoryData<string, string> Regeln()
    {
        var daten = new TheoryData<string, string>();
        foreach (var tabelle in LoeschlaufFixture.BehalteneTabellen.Keys)
        {
            foreach (var spalte in Datenkatalog.Tabelle(tabelle).Spalten)
            {
                daten.Add(tabelle, spalte.Name);
            }
        }

        return daten;
    }

    [Theory]
    [MemberData(nameof(Regeln))]
    public void Regel_OfTheCatalogue_HoldsForTheColumnOfEveryAnonymisedRow(string tabelle, string spalte)
    {
        var regel = Datenkatalog.Tabelle(tabelle).Spalte(spalte);
        var vorher = f.Erwartet[$"{tabelle}.{spalte}"];
        var nachher = f.Nachher[$"{tabelle}.{spalte}"];
        vorher.Count.ShouldBeGreaterThan(0, "rows of erased Fälle in this table");
        nachher.Count.ShouldBe(vorher.Count, "every row is kept on the anonymised Fall");
        if (regel.Loeschung == Loeschung.NeueKennung)
        {
            var alt = vorher.Where(v => v is not null).ToHashSet();
            nachher.Where(v => v is not null && alt.Contains(v)).ShouldBeEmpty("a new id never equals an old one");
            nachher.Where(v => v is not null && f.Kennungen.Contains(v)).ShouldBeEmpty();
            nachher.Count(v => v is null).ShouldBe(vorher.Count(v => v is null));
        }
        else
        {
            // Kept, emptied or coarsened: the values after are, as a multiset, what the rule makes of the values before.
            nachher.Order(StringComparer.Ordinal).ShouldBe(vorher.Order(StringComparer.Ordinal), $"{regel.Loeschung}: {regel.Beschreibung}");
        }
    }

    public static TheoryData<string> GeloeschteTabellen() =>
        [.. LoeschlaufFixture.KindTabellen, "benachrichtigungen", "idempotenz", "termin_meldungen", "klienten"];

    [Theory]
    [MemberData(nameof(GeloeschteTabellen))]
    public void Zeilen_OfErasedFaelle_AreGone(string tabelle)
    {
        var (vorher, nachher) = f.Kinder[tabelle];
        nachher.ShouldBe(0);
        if (tabelle is not ("vertretungen" or "kompetenzprofil_uebergaben"))
        {
            // Not vacuous (the generator gives the erased Fälle no stand-ins or profile hand-overs).
            vorher.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Zeilen_OfTheKeptTables_MoveToTheAnonymisedFaelle()
    {
        f.Kinder["fall_ereignisse"].Nachher.ShouldBe(0);
        f.Kinder["ueberleitungen"].Nachher.ShouldBe(0);
        f.Kinder["themen"].Vorher.ShouldBe(5);
        f.ZeilenNachher["fall_ereignisse"].ShouldBe(f.ZeilenVorher["fall_ereignisse"]);
        f.ZeilenNachher["ueberleitungen"].ShouldBe(f.ZeilenVorher["ueberleitungen"]);
        f.ZeilenNachher["themen"].ShouldBe(f.ZeilenVorher["themen"]);
        f.ZeilenNachher["faelle"].ShouldBe(f.ZeilenVorher["faelle"]);
    }

    [Fact]
    public void Tabellen_WithTheirOwnPeriodOrWithoutPersonalData_AreNotTouched()
    {
        var unberuehrt = Datenkatalog.Tabellen
            .Where(t => t.Fallbezug == Fallbezug.Keiner && t.Name is not ("audit_protokoll" or "audit_siegel" or "loeschlaeufe" or "data_protection_keys"))
            .Select(t => t.Name);
        foreach (var t in unberuehrt)
        {
            f.ZeilenNachher[t].ShouldBe(f.ZeilenVorher[t], t);
        }
    }

    [Fact]
    public async Task KindTabellen_GoWithTheFallRowByCascade()
    {
        // The job deletes the Fall's row and relies on ON DELETE CASCADE for its child rows (which the application role
        // cannot all delete itself): every table the catalogue calls a child has that foreign key.
        var kaskade = await f.SpalteAsync("""
            SELECT c.relname::text FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE k.contype = 'f' AND k.confrelid = 'faelle'::regclass AND k.confdeltype = 'c'
            """);
        LoeschlaufFixture.KindTabellen.Where(t => !kaskade.Contains(t)).ShouldBeEmpty();
    }

    private async Task<List<(string Tabelle, string Spalte, string Typ)>> SpaltenAsync()
    {
        await using var verbindung = new NpgsqlConnection(f.Database.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("""
            SELECT c.relname::text, a.attname::text, format_type(a.atttypid, NULL)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
              AND format_type(a.atttypid, NULL) IN ('text', 'character varying', 'jsonb', 'uuid', 'bytea')
            ORDER BY 1, 2
            """, verbindung);
        var liste = new List<(string, string, string)>();
        await using var leser = await befehl.ExecuteReaderAsync();
        while (await leser.ReadAsync())
        {
            liste.Add((leser.GetString(0), leser.GetString(1), leser.GetString(2)));
        }

        liste.Count.ShouldBeGreaterThan(80);
        return liste;
    }

    private static string Text(string spalte, string typ) => typ == "bytea" ? $"encode({spalte}, 'escape')" : $"{spalte}::text";

    private Task<long> TrefferAsync(string tabelle, string spalte, string typ, string[] kennungen, string?[] aktenzeichen) => typ == "uuid"
        ? ZahlAsync($"SELECT count(*) FROM {tabelle} WHERE {spalte}::text = ANY(@k)", ("k", kennungen))
        : ZahlAsync(
            $$"""
            SELECT (SELECT count(*) FROM {{tabelle}} t, regexp_matches(lower({{Text("t." + spalte, typ)}}), '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') m WHERE m[1] = ANY(@k))
                 + (SELECT count(*) FROM {{tabelle}} t, regexp_matches({{Text("t." + spalte, typ)}}, 'KIM-[0-9]{4}-[0-9]{6}', 'g') m WHERE m[1] = ANY(@a))
            """,
            ("k", kennungen), ("a", aktenzeichen));

    private async Task<long> ZahlAsync(string sql, params (string Name, object Wert)[] parameter)
    {
        await using var verbindung = new NpgsqlConnection(f.Database.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung) { CommandTimeout = 300 };
        foreach (var (name, wert) in parameter)
        {
            befehl.Parameters.AddWithValue(name, wert);
        }

        return Convert.ToInt64(await befehl.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
