using Kim.Casemanagement.Infrastructure.Database;
using Kim.Casemanagement.Testing;

namespace Kim.Casemanagement.Infrastructure.Tests.Database;

public sealed class PostgresTestClusterTests
{
    [Fact]
    public async Task CreateDatabaseAsync_WhenCalledTwice_GivesIndependentMigratedDatabases()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var first = await cluster.CreateDatabaseAsync("independent");
        await using var second = await cluster.CreateDatabaseAsync("independent");

        await Sql.ExecuteAsync(first.OwnerConnectionString, "CREATE TABLE only_here (x int); INSERT INTO only_here VALUES (1)");

        first.Name.ShouldNotBe(second.Name);
        (await Sql.TableExistsAsync(first.OwnerConnectionString, "only_here")).ShouldBeTrue();
        (await Sql.TableExistsAsync(second.OwnerConnectionString, "only_here")).ShouldBeFalse();
        var migrator = new SqlMigrator();
        (await migrator.IsUpToDateAsync(first.AppConnectionString)).ShouldBeTrue();
        (await migrator.IsUpToDateAsync(second.AppConnectionString)).ShouldBeTrue();
        (await Sql.ScalarAsync<string>(second.SuperuserConnectionString, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
            .ShouldBe(DatabaseRoles.Owner);
    }

    [Fact]
    public async Task CreateDatabaseAsync_WhenManyAreRequestedAtOnce_CreatesThemAll()
    {
        var cluster = await PostgresTestCluster.GetAsync();

        var databases = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => cluster.CreateDatabaseAsync("parallel")));

        try
        {
            databases.Select(d => d.Name).Distinct().Count().ShouldBe(6);
            foreach (var database in databases)
            {
                (await Sql.ScalarAsync<int>(database.AppConnectionString, "SELECT 1")).ShouldBe(1);
            }
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task DisposeAsync_WhenConnectionsAreOpen_DropsTheDatabase()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        var database = await cluster.CreateDatabaseAsync();
        await using var open = new Npgsql.NpgsqlConnection(database.AppConnectionString);
        await open.OpenAsync();

        await database.DisposeAsync();

        (await Sql.ScalarAsync<bool>(
            cluster.Server.SuperuserConnectionString,
            $"SELECT EXISTS (SELECT FROM pg_database WHERE datname = '{database.Name}')")).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateEmptyDatabaseAsync_Always_GivesUnmigratedDatabaseOwnedByOwner()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var database = await cluster.CreateEmptyDatabaseAsync();

        (await Sql.TableExistsAsync(database.OwnerConnectionString, "schema_migrations")).ShouldBeFalse();
        (await Sql.ScalarAsync<string>(database.SuperuserConnectionString, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"))
            .ShouldBe(DatabaseRoles.Owner);
    }

    [Fact]
    public async Task GetAsync_WhenCalledAgain_ReturnsTheSameClusterWithATemplate()
    {
        var cluster = await PostgresTestCluster.GetAsync();

        (await PostgresTestCluster.GetAsync()).ShouldBeSameAs(cluster);
        (await Sql.ScalarAsync<bool>(
            cluster.Server.SuperuserConnectionString,
            $"SELECT datistemplate AND NOT datallowconn FROM pg_database WHERE datname = '{PostgresTestCluster.TemplateDatabaseName}'")).ShouldBeTrue();
    }
}
