using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Database;

/// <summary>
/// A private PostgreSQL cluster for "clone and run": initialised on first use in
/// <see cref="EmbeddedPostgresOptions.DataDirectory"/>, reachable only through a Unix socket in a 0700 folder,
/// with local trust authentication. When this process runs as root, the server runs as the system user
/// <c>postgres</c>.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The system user the server runs as when this process is root.</summary>
    public const string ServerUser = "postgres";

    /// <summary>The cluster's superuser (<c>initdb -U</c>).</summary>
    public const string Superuser = "postgres";

    private const string MaintenanceDatabase = "postgres";
    private const int MaxSocketPathBytes = 100;
    private const string SettingsMarker = "# Managed by Kim.Casemanagement EmbeddedPostgres, rewritten on every start.";
    private const UnixFileMode PrivateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode TraversableDirectoryMode = PrivateDirectoryMode
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly TimeSpan InitdbTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ShortCommandTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly EmbeddedPostgresOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _runAsServerUser = Environment.IsPrivilegedProcess;
    private Tools? _tools;
    private bool _serverOwned;
    private bool _ready;

    public EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger<EmbeddedPostgres>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory, nameof(options.DataDirectory));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Port, 1, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StartTimeout, TimeSpan.FromSeconds(1), nameof(options.StartTimeout));
        ValidateDatabaseName(options.DatabaseName);

        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
        ClusterDirectory = Path.Combine(DataDirectory, "pgdata");
        LogFile = Path.Combine(DataDirectory, "postgres.log");
        SocketDirectory = ChooseSocketDirectory(DataDirectory, options.Port);
        DatabaseName = options.DatabaseName;
        Port = options.Port;

        OwnerConnectionString = BuildConnectionString(DatabaseName, DatabaseRoles.Owner);
        SuperuserConnectionString = BuildConnectionString(DatabaseName, Superuser);
        AppConnectionString = new NpgsqlConnectionStringBuilder(BuildConnectionString(DatabaseName, DatabaseRoles.App))
        {
            Pooling = true,
            MaxPoolSize = 100,
        }.ConnectionString;
    }

    /// <summary>Absolute path of the configured data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The cluster itself (<c>initdb -D</c>): <c>&lt;DataDirectory&gt;/pgdata</c>.</summary>
    public string ClusterDirectory { get; }

    /// <summary><c>&lt;DataDirectory&gt;/run</c>, or <c>/tmp/kim-pg-&lt;hash&gt;</c> when the socket path would be too long.</summary>
    public string SocketDirectory { get; }

    public string LogFile { get; }

    public string DatabaseName { get; }

    public int Port { get; }

    /// <summary>Connects as <see cref="DatabaseRoles.Owner"/> (migrations).</summary>
    public string OwnerConnectionString { get; }

    /// <summary>Connects as <see cref="DatabaseRoles.App"/> (the application).</summary>
    public string AppConnectionString { get; }

    /// <summary>Connects as the cluster superuser; for administration and tests only.</summary>
    public string SuperuserConnectionString { get; }

    /// <summary>True between a successful <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsStarted => _ready;

    /// <summary>Connection string for any database and role of this cluster (socket, no password).</summary>
    public string BuildConnectionString(string databaseName, string username) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory,
            Port = Port,
            Database = databaseName,
            Username = username,
        }.ConnectionString;

    /// <summary>Synchronous <see cref="StartAsync"/> for code that runs before the host is built.</summary>
    public void Start() => StartAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Initialises the cluster if needed, starts it (or adopts a server already running on the data folder),
    /// and makes sure the roles and the database exist.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("The embedded PostgreSQL runs on Linux and macOS only; configure a connection string instead.");
            }

            _tools ??= FindTools();
            CreateDataDirectory();
            if (_runAsServerUser)
            {
                await CheckServerUserCanReachDataDirectoryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
            {
                await InitialiseClusterAsync(cancellationToken).ConfigureAwait(false);
            }

            await PrepareRuntimeFilesAsync(cancellationToken).ConfigureAwait(false);

            var running = await IsServerRunningAsync(cancellationToken).ConfigureAwait(false);
            if (running && !File.Exists(Path.Combine(SocketDirectory, SocketFileName(Port))))
            {
                LogRestartingWithoutSocket(_logger, ClusterDirectory);
                await TryRunPgCtlStopAsync("fast", cancellationToken).ConfigureAwait(false);
                running = false;
            }

            if (running)
            {
                LogReusing(_logger, ClusterDirectory);
            }
            else
            {
                await StartServerAsync(cancellationToken).ConfigureAwait(false);
            }

            _serverOwned = true;
            await EnsureRolesAsync(cancellationToken).ConfigureAwait(false);
            await EnsureDatabaseAsync(DatabaseName, cancellationToken).ConfigureAwait(false);
            _ready = true;
            LogReady(_logger, SocketDirectory, DatabaseName);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Synchronous <see cref="StopAsync"/>.</summary>
    public void Stop(bool immediate = false) => StopAsync(immediate).GetAwaiter().GetResult();

    /// <summary>
    /// Stops the server running on the data folder, if any (<c>pg_ctl stop -m fast</c>, or <c>-m immediate</c>).
    /// Calling it again, or when nothing runs, does nothing.
    /// </summary>
    public async Task StopAsync(bool immediate = false, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
            {
                _tools ??= FindTools();
                if (await TryRunPgCtlStopAsync(immediate ? "immediate" : "fast", cancellationToken).ConfigureAwait(false))
                {
                    LogStopped(_logger, ClusterDirectory);
                }
            }

            _serverOwned = false;
            _ready = false;
            ClearPools();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Creates <paramref name="databaseName"/> if missing and gives it and its schema <c>public</c> to
    /// <see cref="DatabaseRoles.Owner"/>; nobody else may create objects in <c>public</c>. Requires a started server.
    /// </summary>
    public async Task EnsureDatabaseAsync(string databaseName, CancellationToken cancellationToken = default)
    {
        ValidateDatabaseName(databaseName);
        var quoted = QuoteIdentifier(databaseName);
        await using (var connection = await OpenAdminConnectionAsync(MaintenanceDatabase, cancellationToken).ConfigureAwait(false))
        {
            bool exists;
            await using (var command = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = $1)", connection))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = databaseName });
                exists = (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            if (!exists)
            {
                try
                {
                    await ExecuteAsync(connection, $"CREATE DATABASE {quoted} OWNER {DatabaseRoles.Owner}", cancellationToken).ConfigureAwait(false);
                    LogCreatedDatabase(_logger, databaseName);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Created concurrently by another process.
                }
            }

            await ExecuteAsync(connection, $"ALTER DATABASE {quoted} OWNER TO {DatabaseRoles.Owner}", cancellationToken).ConfigureAwait(false);
        }

        await using (var connection = await OpenAdminConnectionAsync(databaseName, cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(
                connection,
                $"ALTER SCHEMA public OWNER TO {DatabaseRoles.Owner}; REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_serverOwned)
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    internal static string ChooseSocketDirectory(string dataDirectory, int port)
    {
        var preferred = Path.Combine(dataDirectory, "run");
        if (Encoding.UTF8.GetByteCount(Path.Combine(preferred, SocketFileName(port))) < MaxSocketPathBytes)
        {
            return preferred;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory));
        return Path.Combine("/tmp", "kim-pg-" + Convert.ToHexStringLower(hash, 0, 4));
    }

    private static string SocketFileName(int port) => ".s.PGSQL." + port.ToString(CultureInfo.InvariantCulture);

    private static void ValidateDatabaseName(string databaseName)
    {
        if (databaseName is null || !DatabaseNamePattern().IsMatch(databaseName))
        {
            throw new ArgumentException(
                $"Invalid database name '{databaseName}': use 1 to 63 characters a-z, 0-9 and _, starting with a letter or _.",
                nameof(databaseName));
        }
    }

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private void CreateDataDirectory()
    {
        var missing = new Stack<string>();
        for (var folder = DataDirectory; !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder);
            if (_runAsServerUser)
            {
                // The server user must be able to pass through; pgdata and run carry their own 0700 modes.
                SetMode(folder, TraversableDirectoryMode);
            }
        }
    }

    private async Task CheckServerUserCanReachDataDirectoryAsync(CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        for (var folder = new DirectoryInfo(DataDirectory); folder is not null; folder = folder.Parent)
        {
            folders.Insert(0, folder.FullName);
        }

        const string script = "for d do test -x \"$d\" || { printf '%s' \"$d\"; exit 3; }; done";
        var result = await RunAsServerUserAsync(
            "/bin/sh",
            ["-c", script, "sh", .. folders],
            ShortCommandTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 3)
        {
            var blocked = result.StandardOutput.Trim();
            throw new InvalidOperationException(
                $"The embedded PostgreSQL server runs as the system user '{ServerUser}' because this process runs as root, " +
                $"but '{ServerUser}' cannot enter the folder '{blocked}' on the way to the data folder '{DataDirectory}'. " +
                $"Set Database:Embedded:DataDirectory to a folder '{ServerUser}' can reach (for example below /var/lib or /srv), " +
                $"or allow it to pass through with 'chmod o+x {blocked}'.");
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not check whether the system user '{ServerUser}' can reach '{DataDirectory}' " +
                $"(does the user exist?). {result.Describe()}");
        }
    }

    private async Task InitialiseClusterAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(ClusterDirectory);
        if (Directory.EnumerateFileSystemEntries(ClusterDirectory).Any())
        {
            throw new InvalidOperationException(
                $"The folder '{ClusterDirectory}' is not empty but holds no PostgreSQL cluster (PG_VERSION is missing). " +
                "Move it away or point Database:Embedded:DataDirectory elsewhere.");
        }

        SetMode(ClusterDirectory, PrivateDirectoryMode);
        await ChownToServerUserAsync([ClusterDirectory], cancellationToken).ConfigureAwait(false);

        LogInitialising(_logger, ClusterDirectory);
        var failures = new List<string>();
        foreach (var locale in (string[])["C.UTF-8", "C"])
        {
            var result = await RunServerToolAsync(
                _tools!.Initdb,
                ["-D", ClusterDirectory, "-U", Superuser, "--auth-local=trust", "--auth-host=reject", "-E", "UTF8", "--locale=" + locale],
                InitdbTimeout,
                cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return;
            }

            failures.Add(result.Describe());
            EmptyDirectory(ClusterDirectory);
        }

        throw new InvalidOperationException(
            $"initdb failed for '{ClusterDirectory}'.{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private async Task PrepareRuntimeFilesAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketDirectory);
        SetMode(SocketDirectory, PrivateDirectoryMode);
        if (!File.Exists(LogFile))
        {
            await File.WriteAllBytesAsync(LogFile, [], cancellationToken).ConfigureAwait(false);
            SetMode(LogFile, PrivateFileMode);
        }

        var settingsFile = await WriteSettingsAsync(cancellationToken).ConfigureAwait(false);
        await ChownToServerUserAsync([SocketDirectory, LogFile, settingsFile], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts the managed settings into <c>postgresql.auto.conf</c>, keeping any others (ALTER SYSTEM).</summary>
    private async Task<string> WriteSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = new (string Name, string Value)[]
        {
            ("listen_addresses", string.Empty),
            ("port", Port.ToString(CultureInfo.InvariantCulture)),
            ("unix_socket_directories", "\"" + SocketDirectory.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""),
            ("unix_socket_permissions", "0700"),
            ("max_connections", "200"),
            ("shared_buffers", "128MB"),
            ("fsync", "on"),
            ("synchronous_commit", "on"),
        };

        var path = Path.Combine(ClusterDirectory, "postgresql.auto.conf");
        var existing = File.Exists(path)
            ? await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false)
            : ["# Do not edit this file manually!", "# It will be overwritten by the ALTER SYSTEM command."];
        var managed = settings.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lines = existing
            .Where(line => line != SettingsMarker && !managed.Contains(SettingName(line)))
            .Append(SettingsMarker)
            .Concat(settings.Select(s => $"{s.Name} = '{s.Value.Replace("'", "''", StringComparison.Ordinal)}'"))
            .ToList();

        if (!existing.SequenceEqual(lines))
        {
            await File.WriteAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
        }

        return path;

        static string SettingName(string line)
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            return equals < 0 ? string.Empty : line[..equals].Trim();
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(_options.StartTimeout.TotalSeconds);
        LogStarting(_logger, ClusterDirectory);
        var result = await RunServerToolAsync(
            _tools!.PgCtl,
            ["-D", ClusterDirectory, "-l", LogFile, "-w", "-t", seconds.ToString(CultureInfo.InvariantCulture), "start"],
            _options.StartTimeout + ShortCommandTimeout,
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not start PostgreSQL on '{ClusterDirectory}'. {result.Describe()}{Environment.NewLine}" +
                $"End of {LogFile}:{Environment.NewLine}{ReadLogTail()}");
        }
    }

    private async Task<bool> IsServerRunningAsync(CancellationToken cancellationToken)
    {
        var result = await RunServerToolAsync(
            _tools!.PgCtl,
            ["-D", ClusterDirectory, "status"],
            ShortCommandTimeout,
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            3 or 4 => false, // not running / no accessible cluster
            _ => throw new InvalidOperationException($"Could not query the PostgreSQL server status. {result.Describe()}"),
        };
    }

    /// <summary>Stops the server; false when none was running.</summary>
    private async Task<bool> TryRunPgCtlStopAsync(string mode, CancellationToken cancellationToken)
    {
        var result = await RunServerToolAsync(
            _tools!.PgCtl,
            ["-D", ClusterDirectory, "-m", mode, "-w", "-t", ((int)StopTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "stop"],
            StopTimeout + ShortCommandTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return true;
        }

        // One process call in the common case; the status check only explains a failure.
        if (!await IsServerRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        throw new InvalidOperationException($"Could not stop PostgreSQL on '{ClusterDirectory}'. {result.Describe()}");
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAdminConnectionAsync(MaintenanceDatabase, cancellationToken).ConfigureAwait(false);
        await EnsureRoleAsync(connection, DatabaseRoles.Owner, login: true, cancellationToken).ConfigureAwait(false);
        await EnsureRoleAsync(connection, DatabaseRoles.App, login: true, cancellationToken).ConfigureAwait(false);
        await EnsureRoleAsync(connection, DatabaseRoles.AppGroup, login: false, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"GRANT {DatabaseRoles.AppGroup} TO {DatabaseRoles.App}", cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureRoleAsync(NpgsqlConnection connection, string role, bool login, CancellationToken cancellationToken)
    {
        object? canLogin;
        await using (var query = new NpgsqlCommand("SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = $1", connection))
        {
            query.Parameters.Add(new NpgsqlParameter { Value = role });
            canLogin = await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        var attribute = login ? "LOGIN" : "NOLOGIN";
        if (canLogin is null)
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE ROLE {role} {attribute}", cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
            {
                // Created concurrently by another process.
            }
        }
        else if ((bool)canLogin != login)
        {
            await ExecuteAsync(connection, $"ALTER ROLE {role} {attribute}", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenAdminConnectionAsync(string databaseName, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(BuildConnectionString(databaseName, Superuser)) { Pooling = false }.ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void ClearPools()
    {
        foreach (var connectionString in (string[])[OwnerConnectionString, AppConnectionString, SuperuserConnectionString])
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private Task<ProcessResult> RunServerToolAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        _runAsServerUser
            ? RunAsServerUserAsync(tool, arguments, timeout, cancellationToken)
            : ProcessRunner.RunAsync(tool, arguments, DataDirectory, timeout, cancellationToken);

    private Task<ProcessResult> RunAsServerUserAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        // The working directory must be one the server user may enter: initdb and pg_ctl resolve their own path from it.
        ProcessRunner.RunAsync(_tools!.Runuser!, ["-u", ServerUser, "--", program, .. arguments], "/", timeout, cancellationToken);

    private async Task ChownToServerUserAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (!_runAsServerUser)
        {
            return;
        }

        var result = await ProcessRunner.RunAsync("chown", [ServerUser + ":", "--", .. paths], "/", ShortCommandTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not hand '{string.Join("', '", paths)}' to the system user '{ServerUser}'. {result.Describe()}");
        }
    }

    private string ReadLogTail()
    {
        try
        {
            var text = File.ReadAllText(LogFile);
            return text.Length <= 4000 ? text : text[^4000..];
        }
        catch (IOException ex)
        {
            return $"(could not read the log: {ex.Message})";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"(could not read the log: {ex.Message})";
        }
    }

    private static void EmptyDirectory(string path)
    {
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    private Tools FindTools()
    {
        var serverBinDirectories = string.IsNullOrWhiteSpace(_options.BinDirectory)
            ? PathDirectories().Concat(DebianPostgresBinDirectories()).ToList()
            : [Path.GetFullPath(_options.BinDirectory)];
        var initdb = FindProgram("initdb", serverBinDirectories);
        var pgCtl = FindProgram("pg_ctl", serverBinDirectories);
        if (initdb is null || pgCtl is null)
        {
            throw new InvalidOperationException(
                "The PostgreSQL server programs initdb and pg_ctl were not found " +
                (string.IsNullOrWhiteSpace(_options.BinDirectory) ? "on PATH or in /usr/lib/postgresql/*/bin" : $"in '{_options.BinDirectory}'") +
                ". Install the PostgreSQL server, set Database:Embedded:BinDirectory, or configure a connection string.");
        }

        string? runuser = null;
        if (_runAsServerUser)
        {
            runuser = FindProgram("runuser", [.. PathDirectories(), "/usr/sbin", "/sbin", "/usr/bin", "/bin"])
                ?? throw new InvalidOperationException(
                    $"This process runs as root, so PostgreSQL must run as the system user '{ServerUser}', but 'runuser' was not found.");
        }

        return new Tools(initdb, pgCtl, runuser);

        static string? FindProgram(string name, IEnumerable<string> directories) =>
            directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

        static IEnumerable<string> PathDirectories() =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(Path.IsPathFullyQualified);

        static IEnumerable<string> DebianPostgresBinDirectories()
        {
            const string root = "/usr/lib/postgresql";
            if (!Directory.Exists(root))
            {
                return [];
            }

            return Directory.EnumerateDirectories(root)
                .Select(d => (Directory: d, Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0m))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin"));
        }
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Initialising a new PostgreSQL cluster in {ClusterDirectory}")]
    private static partial void LogInitialising(ILogger logger, string clusterDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting embedded PostgreSQL on {ClusterDirectory}")]
    private static partial void LogStarting(ILogger logger, string clusterDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reusing the PostgreSQL server already running on {ClusterDirectory}")]
    private static partial void LogReusing(ILogger logger, string clusterDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A PostgreSQL server runs on {ClusterDirectory} without the expected socket; restarting it")]
    private static partial void LogRestartingWithoutSocket(ILogger logger, string clusterDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL is ready on socket folder {SocketDirectory}, database {Database}")]
    private static partial void LogReady(ILogger logger, string socketDirectory, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    private static partial void LogCreatedDatabase(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped embedded PostgreSQL on {ClusterDirectory}")]
    private static partial void LogStopped(ILogger logger, string clusterDirectory);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseNamePattern();

    private sealed record Tools(string Initdb, string PgCtl, string? Runuser);
}
