using System.Text.RegularExpressions;
using Kim.Casemanagement.Infrastructure.Database;
using Kim.Casemanagement.Testing;

namespace Kim.Casemanagement.Infrastructure.Tests.Database;

public sealed class SqlMigratorTests
{
    private const string JournalVersions = "SELECT version FROM schema_migrations ORDER BY version";

    private const string AdvisoryLocksHeld =
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    [Fact]
    public async Task MigrateAsync_WhenScriptsAreGivenOutOfOrder_AppliesThemInVersionOrder()
    {
        await using var database = await CreateEmptyDatabaseAsync();
        var migrator = SqlMigrator.FromScripts(
        [
            ("0003_third.sql", "INSERT INTO steps (version) VALUES (3);"),
            ("0001_create_steps.sql", "CREATE TABLE steps (id serial PRIMARY KEY, version int NOT NULL);\nINSERT INTO steps (version) VALUES (1);"),
            ("0002_second.sql", "INSERT INTO steps (version) VALUES (2);"),
        ]);

        var result = await migrator.MigrateAsync(database.OwnerConnectionString);

        result.Applied.Select(s => s.Name).ShouldBe(["0001_create_steps.sql", "0002_second.sql", "0003_third.sql"]);
        result.AlreadyApplied.ShouldBeEmpty();
        (await Sql.ColumnAsync<int>(database.OwnerConnectionString, "SELECT version FROM steps ORDER BY id")).ShouldBe([1, 2, 3]);
        var journal = await SqlMigrator.GetAppliedAsync(database.OwnerConnectionString);
        journal.Select(j => (j.Version, j.Name, j.Checksum)).ShouldBe(migrator.Scripts.Select(s => (s.Version, s.Name, s.Checksum)));
        journal.ShouldAllBe(j => j.AppliedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task MigrateAsync_WhenRunTwice_AppliesNothingTheSecondTime()
    {
        await using var database = await CreateEmptyDatabaseAsync();
        var migrator = SqlMigrator.FromScripts(
        [
            ("0001_create_counter.sql", "CREATE TABLE counter (n int NOT NULL); INSERT INTO counter VALUES (1);"),
            ("0002_bump.sql", "UPDATE counter SET n = n + 1;"),
        ]);
        await migrator.MigrateAsync(database.OwnerConnectionString);

        var second = await migrator.MigrateAsync(database.OwnerConnectionString);

        second.AppliedAny.ShouldBeFalse();
        second.AlreadyApplied.Select(a => a.Version).ShouldBe([1, 2]);
        (await Sql.ScalarAsync<int>(database.OwnerConnectionString, "SELECT n FROM counter")).ShouldBe(2);
        (await migrator.IsUpToDateAsync(database.OwnerConnectionString)).ShouldBeTrue();
    }

    [Fact]
    public async Task MigrateAsync_WhenAScriptFails_LeavesNothingOfItAndKeepsEarlierScripts()
    {
        await using var database = await CreateEmptyDatabaseAsync();
        const string broken = """
            CREATE TABLE b (x int);
            INSERT INTO a VALUES (2);
            DO $$ BEGIN RAISE NOTICE 'semicolons; inside; dollar quotes'; END $$;
            SELECT * FROM missing_table;
            """;
        (string, string) first = ("0001_create_a.sql", "CREATE TABLE a (x int);");
        (string, string) last = ("0003_create_c.sql", "CREATE TABLE c (x int);");

        var exception = await Should.ThrowAsync<MigrationException>(
            () => SqlMigrator.FromScripts([first, ("0002_broken.sql", broken), last]).MigrateAsync(database.OwnerConnectionString));

        exception.ScriptName.ShouldBe("0002_broken.sql");
        exception.Message.ShouldContain("'0002_broken.sql'");
        exception.Message.ShouldContain("missing_table");
        (await Sql.ColumnAsync<int>(database.OwnerConnectionString, JournalVersions)).ShouldBe([1]);
        (await Sql.TableExistsAsync(database.OwnerConnectionString, "a")).ShouldBeTrue();
        (await Sql.ScalarAsync<long>(database.OwnerConnectionString, "SELECT count(*) FROM a")).ShouldBe(0);
        (await Sql.TableExistsAsync(database.OwnerConnectionString, "b")).ShouldBeFalse();
        (await Sql.TableExistsAsync(database.OwnerConnectionString, "c")).ShouldBeFalse();
        (await Sql.ScalarAsync<long>(database.SuperuserConnectionString, AdvisoryLocksHeld)).ShouldBe(0);

        var repaired = await SqlMigrator.FromScripts([first, ("0002_fixed.sql", "CREATE TABLE b (x int);"), last])
            .MigrateAsync(database.OwnerConnectionString);

        repaired.Applied.Select(s => s.Version).ShouldBe([2, 3]);
        (await Sql.ColumnAsync<int>(database.OwnerConnectionString, JournalVersions)).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task MigrateAsync_WhenAnAppliedScriptWasChanged_RefusesAndAppliesNothing()
    {
        await using var database = await CreateEmptyDatabaseAsync();
        await SqlMigrator.FromScripts([("0001_create_a.sql", "CREATE TABLE a (x int);")]).MigrateAsync(database.OwnerConnectionString);
        var edited = SqlMigrator.FromScripts(
        [
            ("0001_create_a.sql", "CREATE TABLE a (x int, y int);"),
            ("0002_create_b.sql", "CREATE TABLE b (x int);"),
        ]);

        var exception = await Should.ThrowAsync<MigrationException>(() => edited.MigrateAsync(database.OwnerConnectionString));

        exception.ScriptName.ShouldBe("0001_create_a.sql");
        exception.Message.ShouldContain("'0001_create_a.sql' was changed after it was applied");
        (await Sql.ColumnAsync<int>(database.OwnerConnectionString, JournalVersions)).ShouldBe([1]);
        (await Sql.TableExistsAsync(database.OwnerConnectionString, "b")).ShouldBeFalse();
        (await edited.IsUpToDateAsync(database.OwnerConnectionString)).ShouldBeFalse();
    }

    [Fact]
    public async Task MigrateAsync_WhenOnlyLineEndingsOrBomDiffer_TreatsScriptAsUnchanged()
    {
        await using var database = await CreateEmptyDatabaseAsync();
        await SqlMigrator.FromScripts([("0001_create_a.sql", "CREATE TABLE a (x int);\nCREATE TABLE b (x int);\n")])
            .MigrateAsync(database.OwnerConnectionString);

        var result = await SqlMigrator.FromScripts([("0001_create_a.sql", "\uFEFFCREATE TABLE a (x int);\r\nCREATE TABLE b (x int);\r\n")])
            .MigrateAsync(database.OwnerConnectionString);

        result.AppliedAny.ShouldBeFalse();
    }

    [Fact]
    public async Task MigrateAsync_WhenTwoMigratorsStartAtOnce_AppliesEveryScriptExactlyOnce()
    {
        await using var database = await CreateEmptyDatabaseAsync();
        (string, string)[] scripts =
        [
            ("0001_create_runs.sql", "SELECT pg_sleep(0.5); CREATE TABLE runs (id serial PRIMARY KEY, script int NOT NULL); INSERT INTO runs (script) VALUES (1);"),
            ("0002_second_run.sql", "SELECT pg_sleep(0.5); INSERT INTO runs (script) VALUES (2);"),
        ];
        var first = SqlMigrator.FromScripts(scripts);
        var second = SqlMigrator.FromScripts(scripts);
        using var go = new ManualResetEventSlim();
        var firstRun = Task.Run(() => { go.Wait(); return first.MigrateAsync(database.OwnerConnectionString); });
        var secondRun = Task.Run(() => { go.Wait(); return second.MigrateAsync(database.OwnerConnectionString); });

        go.Set();
        var results = await Task.WhenAll(firstRun, secondRun);

        results.Select(r => r.Applied.Count).Order().ShouldBe([0, 2]);
        results.Single(r => !r.AppliedAny).AlreadyApplied.Select(a => a.Version).ShouldBe([1, 2]);
        (await Sql.ColumnAsync<int>(database.OwnerConnectionString, "SELECT script FROM runs ORDER BY id")).ShouldBe([1, 2]);
        (await Sql.ColumnAsync<int>(database.OwnerConnectionString, JournalVersions)).ShouldBe([1, 2]);
        (await Sql.ScalarAsync<long>(database.SuperuserConnectionString, AdvisoryLocksHeld)).ShouldBe(0);
    }

    [Fact]
    public async Task IsUpToDateAsync_AfterMigration_IsTrueForOwnerAndApp()
    {
        await using var database = await CreateEmptyDatabaseAsync();
        var migrator = SqlMigrator.FromScripts([("0001_create_a.sql", "CREATE TABLE a (x int);")]);
        (await migrator.IsUpToDateAsync(database.OwnerConnectionString)).ShouldBeFalse();

        await migrator.MigrateAsync(database.OwnerConnectionString);

        (await migrator.IsUpToDateAsync(database.OwnerConnectionString)).ShouldBeTrue();
        (await migrator.IsUpToDateAsync(database.AppConnectionString)).ShouldBeTrue();
        var newer = SqlMigrator.FromScripts([("0001_create_a.sql", "CREATE TABLE a (x int);"), ("0002_create_b.sql", "CREATE TABLE b (x int);")]);
        (await newer.IsUpToDateAsync(database.AppConnectionString)).ShouldBeFalse();
        (await newer.GetPendingAsync(database.AppConnectionString)).Select(s => s.Name).ShouldBe(["0002_create_b.sql"]);
    }

    [Fact]
    public async Task IsUpToDateAsync_WhenDatabaseIsUnreachable_IsFalse()
    {
        var migrator = SqlMigrator.FromScripts([]);

        var upToDate = await migrator.IsUpToDateAsync("Host=/tmp/kim-no-such-socket-folder;Database=kim;Username=kim_app;Timeout=2");

        upToDate.ShouldBeFalse();
    }

    [Fact]
    public async Task GetAppliedAsync_WhenJournalDoesNotExist_ReturnsEmpty()
    {
        await using var database = await CreateEmptyDatabaseAsync();

        var applied = await SqlMigrator.GetAppliedAsync(database.OwnerConnectionString);

        applied.ShouldBeEmpty();
        (await Sql.TableExistsAsync(database.OwnerConnectionString, "schema_migrations")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("1_create.sql")]
    [InlineData("00001_create.sql")]
    [InlineData("0001-create.sql")]
    [InlineData("0001_Create.sql")]
    [InlineData("0001_create.SQL")]
    [InlineData("0001_create.txt")]
    [InlineData("0001_.sql")]
    [InlineData("migrations/0001_create.sql")]
    public void FromScripts_WhenNameIsInvalid_Throws(string name)
    {
        var exception = Should.Throw<MigrationException>(() => SqlMigrator.FromScripts([(name, "SELECT 1;")]));

        exception.ScriptName.ShouldBe(name);
        exception.Message.ShouldContain(name);
    }

    [Fact]
    public void FromScripts_WhenTwoScriptsShareAVersion_Throws()
    {
        var exception = Should.Throw<MigrationException>(
            () => SqlMigrator.FromScripts([("0001_a.sql", "SELECT 1;"), ("0002_b.sql", "SELECT 1;"), ("0001_c.sql", "SELECT 1;")]));

        exception.Message.ShouldContain("0001_a.sql");
        exception.Message.ShouldContain("0001_c.sql");
    }

    [Fact]
    public void Constructor_WithoutScripts_UsesEveryScriptOfDbMigrationsInVersionOrder()
    {
        var migrator = new SqlMigrator();

        migrator.Scripts.Select(s => s.Version).ShouldBeInOrder(SortDirection.Ascending);
        migrator.Scripts.ShouldAllBe(s => Regex.IsMatch(s.Name, "^[0-9]{4}_[a-z0-9_]+\\.sql$"));
        var folder = FindMigrationsFolder();
        if (folder is not null)
        {
            migrator.Scripts.Select(s => s.Name)
                .ShouldBe(Directory.GetFiles(folder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    private static async Task<TestDatabase> CreateEmptyDatabaseAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        return await cluster.CreateEmptyDatabaseAsync("migrator");
    }

    private static string? FindMigrationsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "db", "migrations");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(folder.FullName, "Kim.Casemanagement.sln")))
            {
                return candidate;
            }
        }

        return null;
    }
}
