using Kim.Casemanagement.Infrastructure.Database;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tests.Database;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task StartAsync_WhenDataDirectoryIsNew_InitialisesClusterReachableOnlyThroughSocket()
    {
        using var directory = new TemporaryDataDirectory();
        await using var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = directory.Path });

        await server.StartAsync();

        server.IsStarted.ShouldBeTrue();
        File.Exists(Path.Combine(directory.Path, "pgdata", "PG_VERSION")).ShouldBeTrue();
        server.SocketDirectory.ShouldBe(Path.Combine(directory.Path, "run"));
        File.Exists(Path.Combine(server.SocketDirectory, ".s.PGSQL.5432")).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(server.SocketDirectory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        (await Sql.ScalarAsync<int>(server.AppConnectionString, "SELECT 1")).ShouldBe(1);
        (await Sql.ScalarAsync<string>(server.OwnerConnectionString, "SHOW listen_addresses")).ShouldBe(string.Empty);
        (await Sql.ScalarAsync<string?>(server.OwnerConnectionString, "SELECT inet_server_addr()::text")).ShouldBeNull();
        (await Sql.ScalarAsync<string>(server.OwnerConnectionString, "SHOW unix_socket_permissions")).ShouldBe("0700");
        (await Sql.ScalarAsync<string>(server.OwnerConnectionString, "SHOW max_connections")).ShouldBe("200");
        (await Sql.ScalarAsync<string>(server.OwnerConnectionString, "SHOW fsync")).ShouldBe("on");
        (await Sql.ScalarAsync<string>(server.OwnerConnectionString, "SHOW server_encoding")).ShouldBe("UTF8");
    }

    [Fact]
    public async Task StartAsync_WhenDataDirectoryIsNew_CreatesRolesAndHandsDatabaseToOwner()
    {
        using var directory = new TemporaryDataDirectory();
        await using var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = directory.Path });

        await server.StartAsync();

        var roles = await Sql.ColumnAsync<string>(
            server.SuperuserConnectionString,
            "SELECT rolname || ':' || rolcanlogin || ':' || rolsuper FROM pg_roles WHERE rolname LIKE 'kim\\_%' ORDER BY rolname");
        roles.ShouldBe(["kim_anwendung:false:false", "kim_app:true:false", "kim_owner:true:false"]);
        (await Sql.ScalarAsync<bool>(server.SuperuserConnectionString, "SELECT pg_has_role('kim_app', 'kim_anwendung', 'MEMBER')")).ShouldBeTrue();
        (await Sql.ScalarAsync<string>(
            server.SuperuserConnectionString,
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'kim'")).ShouldBe(DatabaseRoles.Owner);
        (await Sql.ScalarAsync<string>(
            server.SuperuserConnectionString,
            "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'")).ShouldBe(DatabaseRoles.Owner);
        (await Sql.ScalarAsync<bool>(server.SuperuserConnectionString, "SELECT has_schema_privilege('kim_app', 'public', 'CREATE')")).ShouldBeFalse();
        (await Sql.ScalarAsync<bool>(server.SuperuserConnectionString, "SELECT has_schema_privilege('kim_owner', 'public', 'CREATE')")).ShouldBeTrue();
        await Should.ThrowAsync<PostgresException>(() => Sql.ExecuteAsync(server.AppConnectionString, "CREATE TABLE intruder (id int)"));
    }

    [Fact]
    public async Task Stop_ThenStartAgain_KeepsCommittedRows()
    {
        using var directory = new TemporaryDataDirectory();
        await using var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = directory.Path });
        server.Start();
        await Sql.ExecuteAsync(server.OwnerConnectionString, "CREATE TABLE notes (text text NOT NULL); INSERT INTO notes VALUES ('survives restart')");

        server.Stop();
        server.Stop();

        server.IsStarted.ShouldBeFalse();
        await Should.ThrowAsync<NpgsqlException>(() => Sql.ScalarAsync<int>(server.OwnerConnectionString, "SELECT 1"));

        server.Start();

        (await Sql.ScalarAsync<string>(server.OwnerConnectionString, "SELECT text FROM notes")).ShouldBe("survives restart");
    }

    [Fact]
    public async Task StartAsync_WhenServerAlreadyRunsOnDataDirectory_ReusesIt()
    {
        using var directory = new TemporaryDataDirectory();
        var options = new EmbeddedPostgresOptions { DataDirectory = directory.Path };
        await using var killedApp = new EmbeddedPostgres(options);
        await killedApp.StartAsync();
        var startedAt = await Sql.ScalarAsync<DateTime>(killedApp.OwnerConnectionString, "SELECT pg_postmaster_start_time()");

        await using var nextApp = new EmbeddedPostgres(options);
        await nextApp.StartAsync();

        (await Sql.ScalarAsync<DateTime>(nextApp.OwnerConnectionString, "SELECT pg_postmaster_start_time()")).ShouldBe(startedAt);
        await nextApp.StopAsync();
        await Should.ThrowAsync<NpgsqlException>(() => Sql.ScalarAsync<int>(killedApp.OwnerConnectionString, "SELECT 1"));
        await killedApp.StopAsync();
    }

    [Fact]
    public async Task StartAsync_WhenSocketPathWouldBeTooLong_ServesThroughShortFolderUnderTmp()
    {
        using var directory = new TemporaryDataDirectory();
        var dataDirectory = Path.Combine(directory.Path, new string('d', 60), new string('e', 30));
        await using var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = dataDirectory, Port = 5499 });
        try
        {
            await server.StartAsync();

            server.SocketDirectory.ShouldMatch("^/tmp/kim-pg-[0-9a-f]{8}$");
            (await Sql.ScalarAsync<int>(server.AppConnectionString, "SELECT 1")).ShouldBe(1);
            (await Sql.ScalarAsync<string>(server.SuperuserConnectionString, "SHOW unix_socket_directories")).ShouldContain(server.SocketDirectory);
            File.Exists(Path.Combine(server.SocketDirectory, ".s.PGSQL.5499")).ShouldBeTrue();
        }
        finally
        {
            await server.StopAsync();
            Directory.Delete(server.SocketDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_WhenServerUserCannotEnterAFolder_FailsNamingTheFolder()
    {
        if (!Environment.IsPrivilegedProcess || OperatingSystem.IsWindows())
        {
            return; // Only root hands the server to the postgres user.
        }

        using var directory = new TemporaryDataDirectory();
        var locked = Path.Combine(directory.Path, "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(locked, "data") });

        var exception = await Should.ThrowAsync<InvalidOperationException>(() => server.StartAsync());

        exception.Message.ShouldContain($"'{locked}'");
        exception.Message.ShouldContain("Database:Embedded:DataDirectory");
        File.Exists(Path.Combine(locked, "data", "pgdata", "PG_VERSION")).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_WhenDataDirectoryIsRelative_ResolvesItAgainstCurrentDirectory()
    {
        var server = new EmbeddedPostgres(new EmbeddedPostgresOptions());

        server.DataDirectory.ShouldBe(Path.Combine(Environment.CurrentDirectory, ".kim-data"));
        server.ClusterDirectory.ShouldBe(Path.Combine(server.DataDirectory, "pgdata"));
        server.DatabaseName.ShouldBe("kim");
    }

    [Fact]
    public void Constructor_Always_BuildsPasswordlessSocketConnectionStrings()
    {
        var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = "/srv/kim", Port = 5433 });

        var owner = new NpgsqlConnectionStringBuilder(server.OwnerConnectionString);
        owner.Host.ShouldBe("/srv/kim/run");
        owner.Port.ShouldBe(5433);
        owner.Database.ShouldBe("kim");
        owner.Username.ShouldBe(DatabaseRoles.Owner);
        owner.Password.ShouldBeNull();
        var app = new NpgsqlConnectionStringBuilder(server.AppConnectionString);
        app.Username.ShouldBe(DatabaseRoles.App);
        app.Pooling.ShouldBeTrue();
        app.MaxPoolSize.ShouldBe(100);
        app.Password.ShouldBeNull();
    }

    [Theory]
    [InlineData("Kim")]
    [InlineData("kim-data")]
    [InlineData("kim\"; DROP")]
    [InlineData("")]
    public void Constructor_WhenDatabaseNameIsInvalid_Throws(string databaseName)
    {
        Should.Throw<ArgumentException>(() => new EmbeddedPostgres(new EmbeddedPostgresOptions { DatabaseName = databaseName }));
    }
}
