using Kim.Casemanagement.Infrastructure.Database;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// The schema has one source of truth (<c>db/migrations/*.sql</c>) and one consumer that must agree with it (the EF
/// model in <c>Persistence/Configurations</c>). These tests migrate a database and compare both, listing every difference.
/// </summary>
public sealed class SchemaDriftTests
{
    [Fact]
    public async Task EfModel_WhenComparedWithAFreshlyMigratedDatabase_HasNoDifferences()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var database = await cluster.CreateEmptyDatabaseAsync("schema_drift");
        await new SqlMigrator().MigrateAsync(database.OwnerConnectionString);
        await using var context = NeuerKontext(database.OwnerConnectionString);

        var unterschiede = await SchemaVergleich.UnterschiedeAsync(Modell(context), database.OwnerConnectionString);

        unterschiede.ShouldBeEmpty(SchemaVergleich.Bericht(unterschiede));
    }

    [Fact]
    public async Task Schema_WhenMigrated_HasTheIdentityColumnAndTheSequenceTheAppReliesOn()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var database = await cluster.CreateDatabaseAsync("schema_drift");

        (await Sql.ScalarAsync<string>(database.OwnerConnectionString, """
            SELECT a.attidentity::text FROM pg_attribute a
            WHERE a.attrelid = 'public.fall_ereignisse'::regclass AND a.attname = 'id'
            """)).ShouldBe("a", "fall_ereignisse.id must be GENERATED ALWAYS AS IDENTITY");
        (await Sql.ScalarAsync<string>(database.OwnerConnectionString, """
            SELECT format_type(s.seqtypid, NULL) FROM pg_sequence s WHERE s.seqrelid = to_regclass('public.aktenzeichen_seq')
            """)).ShouldBe("bigint", "aktenzeichen_seq must exist as a bigint sequence");
        (await Sql.ScalarAsync<bool>(database.OwnerConnectionString, $"""
            SELECT has_sequence_privilege('{DatabaseRoles.App}', 'public.aktenzeichen_seq', 'USAGE')
            """)).ShouldBeTrue("the application role must be allowed to draw file numbers");
    }

    [Theory]
    [InlineData("ALTER TABLE ziele ADD COLUMN extra text", "ziele.extra: column exists in the database (text, NULL) but is not mapped by EF")]
    [InlineData("ALTER TABLE ziele DROP COLUMN messgroesse", "ziele.messgroesse: column mapped by EF (text, NULL) but missing in the database")]
    [InlineData("ALTER TABLE ziele ALTER COLUMN wer TYPE varchar(200)", "ziele.wer: store type is character varying(200) in the database, text in EF")]
    [InlineData("ALTER TABLE ziele ALTER COLUMN messgroesse SET NOT NULL", "ziele.messgroesse: NOT NULL in the database, NULL in EF")]
    [InlineData("CREATE TABLE anhaenge (id uuid PRIMARY KEY)", "anhaenge: table exists in the database but is not mapped by EF (map it, or add it to NurSqlTabellen with a reason)")]
    [InlineData("DROP INDEX ix_ziele_fall_id", "ziele: index ix_ziele_fall_id (fall_id) mapped by EF but missing in the database")]
    [InlineData(
        "ALTER INDEX ix_ziele_fall_id RENAME TO ziele_fall_idx",
        "ziele: index ix_ziele_fall_id (fall_id) mapped by EF but missing in the database (the database has ziele_fall_idx on the same columns)",
        "ziele: index ziele_fall_idx (fall_id) exists in the database but is not mapped by EF (map it, or add it to NurSqlIndizes with a reason)")]
    [InlineData("CREATE INDEX ix_ziele_bis_wann ON ziele (bis_wann)", "ziele: index ix_ziele_bis_wann (bis_wann) exists in the database but is not mapped by EF (map it, or add it to NurSqlIndizes with a reason)")]
    [InlineData(
        "DROP INDEX ix_wiedervorlagen_offen_faellig; CREATE INDEX ix_wiedervorlagen_offen_faellig ON wiedervorlagen (faellig) WHERE erledigt_von IS NULL",
        "wiedervorlagen: index ix_wiedervorlagen_offen_faellig is (faellig) WHERE erledigt_von is null in the database, (faellig) WHERE erledigt_am is null in EF")]
    [InlineData(
        "DROP INDEX ux_fall_ereignisse_fall_id_nr; CREATE INDEX ux_fall_ereignisse_fall_id_nr ON fall_ereignisse (nr, fall_id)",
        "fall_ereignisse: index ux_fall_ereignisse_fall_id_nr is (nr, fall_id) in the database, UNIQUE (fall_id, nr) in EF")]
    [InlineData(
        "ALTER TABLE notizen DROP CONSTRAINT notizen_fall_id_fkey",
        "notizen: foreign key (fall_id) -> faelle(id) mapped by EF but missing in the database")]
    [InlineData(
        "ALTER TABLE ziele DROP CONSTRAINT ziele_fall_id_fkey; ALTER TABLE ziele ADD FOREIGN KEY (fall_id) REFERENCES faelle (id)",
        "ziele: foreign key (fall_id) -> faelle(id) is ON DELETE NO ACTION in the database, CASCADE in EF")]
    [InlineData("ALTER TABLE fall_ereignisse ALTER COLUMN id SET GENERATED BY DEFAULT", "fall_ereignisse.id: identity is 'GENERATED BY DEFAULT AS IDENTITY' in the database, 'GENERATED ALWAYS AS IDENTITY' in EF")]
    [InlineData(
        "ALTER SEQUENCE aktenzeichen_seq RENAME TO az_seq",
        "sequence aktenzeichen_seq (bigint): used by the application but missing in the database",
        "sequence az_seq (bigint): exists in the database but neither the EF model nor the application uses it (add it to AnwendungsSequenzen with a reason)")]
    public async Task UnterschiedeAsync_WhenTheDatabaseIsChangedBehindTheModel_ReportsExactlyThatDifference(string aenderung, params string[] erwartet)
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var database = await cluster.CreateDatabaseAsync("schema_drift_probe");
        await using var context = NeuerKontext(database.OwnerConnectionString);
        var vorher = await SchemaVergleich.UnterschiedeAsync(Modell(context), database.OwnerConnectionString);

        await Sql.ExecuteAsync(database.OwnerConnectionString, aenderung);
        var nachher = await SchemaVergleich.UnterschiedeAsync(Modell(context), database.OwnerConnectionString);

        // Relative to the untouched clone, so that this test checks the checker, whatever drift the real schema has.
        var neu = nachher.Except(vorher, StringComparer.Ordinal).ToList();
        var weg = vorher.Except(nachher, StringComparer.Ordinal).ToList();
        neu.ShouldBe(erwartet, ignoreOrder: false, SchemaVergleich.Bericht(nachher));
        weg.ShouldBeEmpty();
    }

    [Fact]
    public async Task UnterschiedeAsync_WhenSeveralThingsDrift_ReportsEveryDifferenceNotJustTheFirst()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var database = await cluster.CreateDatabaseAsync("schema_drift_probe");
        await using var context = NeuerKontext(database.OwnerConnectionString);
        var vorher = await SchemaVergleich.UnterschiedeAsync(Modell(context), database.OwnerConnectionString);

        await Sql.ExecuteAsync(database.OwnerConnectionString, """
            ALTER TABLE ziele ADD COLUMN extra text;
            ALTER TABLE notizen ALTER COLUMN verfasst_von DROP NOT NULL;
            CREATE TABLE anhaenge (id uuid PRIMARY KEY);
            """);
        var nachher = await SchemaVergleich.UnterschiedeAsync(Modell(context), database.OwnerConnectionString);

        nachher.Except(vorher, StringComparer.Ordinal).ShouldBe(
        [
            "anhaenge: table exists in the database but is not mapped by EF (map it, or add it to NurSqlTabellen with a reason)",
            "notizen.verfasst_von: NULL in the database, NOT NULL in EF",
            "ziele.extra: column exists in the database (text, NULL) but is not mapped by EF",
        ]);
    }

    /// <summary>
    /// The full (design-time) model of the context. Its relational model is what <c>context.Model.GetRelationalModel()</c>
    /// describes, but the read-optimised runtime model drops configuration EF needs only for DDL (index sort order,
    /// method, INCLUDE columns) and throws when asked for it.
    /// </summary>
    private static IModel Modell(KimDbContext context) => context.GetService<IDesignTimeModel>().Model;

    private static KimDbContext NeuerKontext(string connectionString) =>
        new(new DbContextOptionsBuilder<KimDbContext>().UseNpgsql(connectionString).Options);
}
