using Kim.Casemanagement.Infrastructure.Database;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Testing;

namespace Kim.Casemanagement.Infrastructure.Tests.Datenschutz;

/// <summary>
/// The catalogue of personal data describes every table and column of a freshly migrated database, and nothing else: a
/// migration that adds a column without classifying it fails here.
/// </summary>
public sealed class DatenkatalogTests
{
    private const string SpaltenSql = """
        SELECT c.relname || '.' || a.attname
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY 1
        """;

    [Fact]
    public async Task Datenkatalog_DescribesExactlyTheColumnsOfTheMigratedDatabase()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var database = await cluster.CreateEmptyDatabaseAsync("datenkatalog");
        await new SqlMigrator().MigrateAsync(database.OwnerConnectionString);

        var datenbank = await Sql.ColumnAsync<string>(database.OwnerConnectionString, SpaltenSql);
        var katalog = Datenkatalog.Tabellen.SelectMany(t => t.Spalten.Select(s => $"{t.Name}.{s.Name}")).ToHashSet(StringComparer.Ordinal);

        datenbank.Where(s => !katalog.Contains(s)).ShouldBeEmpty("columns of the database that the catalogue (Infrastructure/Datenschutz/Datenkatalog.cs) does not classify");
        katalog.Where(s => !datenbank.Contains(s)).ShouldBeEmpty("columns of the catalogue that the database does not have");
    }

    [Fact]
    public async Task Datenkatalog_FailsTheCheckWhenAMigrationAddsAnUnclassifiedColumn()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var database = await cluster.CreateDatabaseAsync("datenkatalog_probe");
        await Sql.ExecuteAsync(database.OwnerConnectionString, "ALTER TABLE klienten ADD COLUMN telefon text");

        var datenbank = await Sql.ColumnAsync<string>(database.OwnerConnectionString, SpaltenSql);
        var katalog = Datenkatalog.Tabellen.SelectMany(t => t.Spalten.Select(s => $"{t.Name}.{s.Name}")).ToHashSet(StringComparer.Ordinal);

        datenbank.Where(s => !katalog.Contains(s)).ShouldBe(["klienten.telefon"]);
    }

    [Fact]
    public void Datenkatalog_NamesEachTableAndEachColumnOnce()
    {
        Datenkatalog.Tabellen.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        Datenkatalog.Tabellen.SelectMany(t => t.Spalten.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => $"{t.Name}.{g.Key}")).ShouldBeEmpty();
    }

    [Fact]
    public void Datenkatalog_KeptCopiesSayForEveryColumnWhatTheAnonymisedRowHolds()
    {
        // faelle and ueberleitungen are copied by INSERT … SELECT built from the catalogue: every column needs its expression.
        foreach (var tabelle in new[] { "faelle", "ueberleitungen" })
        {
            Datenkatalog.Tabelle(tabelle).Spalten.Where(s => s.Anonym is null).Select(s => s.Name).ShouldBeEmpty(tabelle);
        }

        // A column that is kept unchanged is copied as itself; an emptied one never reads the old value.
        foreach (var s in Datenkatalog.Tabelle("faelle").Spalten.Concat(Datenkatalog.Tabelle("ueberleitungen").Spalten))
        {
            if (s.Loeschung == Loeschung.Behalten)
            {
                s.Anonym.ShouldBe($"f.{s.Name}");
            }

            if (s.Loeschung == Loeschung.Leeren)
            {
                s.Anonym!.ShouldNotContain("f.");
                s.Anonym!.ShouldNotContain("k.");
            }
        }
    }

    [Fact]
    public void Datenkatalog_FreeTextOfTheClientNeverStaysOnAnAnonymisedRow()
    {
        // Free text may hold anything about the client: on the tables the erasure keeps, it is emptied, except the Themen
        // text, which is cleaned of the client's name when it is written and is what the Lenkungsgruppe reads.
        var bleibt = Datenkatalog.Tabellen
            .Where(t => t.Fallbezug is Fallbezug.Fall or Fallbezug.KindAnonymisiert)
            .SelectMany(t => t.Spalten.Where(s => s.Art == Datenart.Freitext && s.Loeschung != Loeschung.Leeren).Select(s => $"{t.Name}.{s.Name}"));
        bleibt.ShouldBe(["themen.beschreibung"]);
    }

    [Fact]
    public void Datenkatalog_PersonalTablesOfTheCaseFileHaveTheCaseFilePeriod()
    {
        foreach (var t in Datenkatalog.Fallakte.Where(t => t.Name != "themen"))
        {
            t.Aufbewahrung.ShouldBe(Kim.Casemanagement.Domain.Rechtsregeln.Regeln.AufbewahrungFallakte, t.Name);
        }
    }
}
