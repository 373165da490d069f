using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Kim.Casemanagement.Infrastructure.Database;
using Npgsql;

namespace Kim.Casemanagement.Testing;

/// <summary>
/// One private PostgreSQL cluster per test process, started on first use in a fresh temp folder
/// (<c>kim-test-&lt;random&gt;</c>). It holds the template database <c>kim_template</c>, migrated with the embedded
/// scripts; tests get their own databases cloned from it. The cluster is stopped and its folder deleted when the
/// process exits. Because the test runner kills its test host about 100 ms after asking it to exit (too short for
/// <c>pg_ctl stop</c>), a detached watchdog shell finishes that job once this process is gone, also after kill -9;
/// clusters that still survive are removed by the next start.
/// </summary>
public sealed class PostgresTestCluster
{
    public const string TemplateDatabaseName = "kim_template";

    private const string FolderPrefix = "kim-test-";
    private const string OwnerFileName = "owner.pid";

    // $1 test process id, $2 cluster folder, $3 socket folder outside it (or empty).
    private const string WatchdogScript = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$1"; do sleep 1; done
        pidfile="$2/pgdata/postmaster.pid"
        if [ -f "$pidfile" ]; then
          pid=$(head -n 1 "$pidfile")
          if [ -n "$pid" ] && grep -q '^postgres' "/proc/$pid/comm"; then
            kill -QUIT "$pid"
            i=0
            while [ -f "$pidfile" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i+1)); done
          fi
        fi
        rm -rf -- "$2"
        if [ -n "$3" ]; then rm -rf -- "$3"; fi
        """;
    private const UnixFileMode TraversableDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly Lazy<Task<PostgresTestCluster>> Shared = new(() => Task.Run(StartAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    // Cloning needs the template to be free of other sessions; one CREATE DATABASE at a time keeps it simple.
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private readonly string _maintenanceConnectionString;
    private int _databaseCounter;
    private int _shutDown;

    private PostgresTestCluster(EmbeddedPostgres server, string rootDirectory)
    {
        Server = server;
        RootDirectory = rootDirectory;
        _maintenanceConnectionString = server.BuildConnectionString("postgres", EmbeddedPostgres.Superuser);
    }

    public EmbeddedPostgres Server { get; }

    /// <summary>The temp folder holding the cluster; deleted at process exit.</summary>
    public string RootDirectory { get; }

    /// <summary>The cluster of this process; the first call starts it and builds the template.</summary>
    public static Task<PostgresTestCluster> GetAsync() => Shared.Value;

    /// <summary>A new database cloned from the migrated template, owned by <see cref="DatabaseRoles.Owner"/>.</summary>
    public Task<TestDatabase> CreateDatabaseAsync(string? namePrefix = null) => CreateAsync(namePrefix ?? "test", TemplateDatabaseName);

    /// <summary>A new database without any migration (not even the journal), owned by <see cref="DatabaseRoles.Owner"/>.</summary>
    public Task<TestDatabase> CreateEmptyDatabaseAsync(string? namePrefix = null) => CreateAsync(namePrefix ?? "empty", template: null);

    internal async Task DropDatabaseAsync(TestDatabase database)
    {
        foreach (var connectionString in (string[])[database.OwnerConnectionString, database.AppConnectionString, database.AppConnectionStringOhneMandant, database.SuperuserConnectionString])
        {
            using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }

        if (Volatile.Read(ref _shutDown) != 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_maintenanceConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task<TestDatabase> CreateAsync(string namePrefix, string? template)
    {
        var name = NewDatabaseName(namePrefix);
        await _createGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (template is null)
            {
                await Server.EnsureDatabaseAsync(name).ConfigureAwait(false);
            }
            else
            {
                await using var connection = new NpgsqlConnection(_maintenanceConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                await using var command = new NpgsqlCommand(
                    $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" OWNER {DatabaseRoles.Owner}", connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _createGate.Release();
        }

        return new TestDatabase(
            this,
            name,
            Server.BuildConnectionString(name, DatabaseRoles.Owner),
            Server.BuildConnectionString(name, DatabaseRoles.App),
            Server.BuildConnectionString(name, EmbeddedPostgres.Superuser));
    }

    private string NewDatabaseName(string prefix)
    {
        var cleaned = new string(prefix.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_').ToArray());
        if (cleaned.Length == 0 || char.IsAsciiDigit(cleaned[0]))
        {
            cleaned = "t_" + cleaned;
        }

        var number = Interlocked.Increment(ref _databaseCounter).ToString(CultureInfo.InvariantCulture);
        return $"{cleaned[..Math.Min(cleaned.Length, 40)]}_{number}_{RandomHex(3)}";
    }

    private static async Task<PostgresTestCluster> StartAsync()
    {
        CleanUpAbandonedClusters();

        var root = Path.Combine(Path.GetTempPath(), FolderPrefix + RandomHex(4));
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, TraversableDirectoryMode);
        }

        await File.WriteAllTextAsync(Path.Combine(root, OwnerFileName), OwnerStamp(Process.GetCurrentProcess())).ConfigureAwait(false);

        var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = root });
        var cluster = new PostgresTestCluster(server, root);
        StartWatchdog(server, root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.ShutDown();
        try
        {
            await server.StartAsync().ConfigureAwait(false);
            await server.EnsureDatabaseAsync(TemplateDatabaseName).ConfigureAwait(false);
            await new SqlMigrator().MigrateAsync(server.BuildConnectionString(TemplateDatabaseName, DatabaseRoles.Owner)).ConfigureAwait(false);

            await using var connection = new NpgsqlConnection(cluster._maintenanceConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                $"ALTER DATABASE \"{TemplateDatabaseName}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch
        {
            cluster.ShutDown();
            throw;
        }

        return cluster;
    }

    private void ShutDown()
    {
        if (Interlocked.Exchange(ref _shutDown, 1) != 0)
        {
            return;
        }

        StopAndDelete(Server, RootDirectory);
    }

    private static void StopAndDelete(EmbeddedPostgres server, string rootDirectory)
    {
        try
        {
            server.Stop(immediate: true);
        }
        catch (InvalidOperationException)
        {
            // Best effort: the folder goes anyway.
        }
        catch (TimeoutException)
        {
        }

        foreach (var folder in (string[])[rootDirectory, server.SocketDirectory])
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static void StartWatchdog(EmbeddedPostgres server, string rootDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var externalSocketDirectory = server.SocketDirectory.StartsWith(rootDirectory + "/", StringComparison.Ordinal) ? string.Empty : server.SocketDirectory;
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The outer shell starts the watchdog in the background and exits: the watchdog becomes nobody's child, so it
        // survives the test host being killed together with its child processes; setsid also detaches its session.
        List<string> arguments = ["-c", "\"$@\" & exit 0", "sh"];
        if (File.Exists("/usr/bin/setsid"))
        {
            arguments.Add("/usr/bin/setsid");
        }

        arguments.AddRange(["/bin/sh", "-c", WatchdogScript, "kim-test-watchdog",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), rootDirectory, externalSocketDirectory]);
        arguments.ForEach(start.ArgumentList.Add);

        using var shell = Process.Start(start)!;
        shell.StandardInput.Close();
        shell.WaitForExit(5000);
    }

    /// <summary>Stops and deletes clusters whose test process is gone (killed before it could clean up).</summary>
    private static void CleanUpAbandonedClusters()
    {
        string[] folders;
        try
        {
            folders = Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*");
        }
        catch (IOException)
        {
            return;
        }

        foreach (var folder in folders)
        {
            if (!IsAbandoned(folder))
            {
                continue;
            }

            var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = folder });
            StopAndDelete(server, folder);
        }
    }

    private static bool IsAbandoned(string folder)
    {
        var ownerFile = Path.Combine(folder, OwnerFileName);
        try
        {
            if (!File.Exists(ownerFile))
            {
                // Either being created right now by another process, or left from a crash long ago.
                return Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
            }

            var stamp = File.ReadAllText(ownerFile).Split(' ');
            var processId = int.Parse(stamp[0], CultureInfo.InvariantCulture);
            using var owner = Process.GetProcessById(processId);
            return OwnerStamp(owner) != string.Join(' ', stamp);
        }
        catch (ArgumentException)
        {
            return true; // No such process.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException
            or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string OwnerStamp(Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{process.Id} {process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond}");

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
