using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Database;

/// <summary>
/// Applies the migration scripts <c>db/migrations/NNNN_description.sql</c> (embedded as
/// <c>migrations/NNNN_description.sql</c>) in version order, each in its own transaction together with its row in
/// <c>public.schema_migrations</c>. A session-level advisory lock keeps concurrent instances from migrating at once.
/// Scripts must not contain transaction control (BEGIN/COMMIT) or statements that cannot run inside a transaction.
/// </summary>
public sealed partial class SqlMigrator
{
    /// <summary>Key of the session-level advisory lock held while migrating ("KIM_MIGR").</summary>
    public const long AdvisoryLockKey = 0x4B49_4D5F_4D49_4752;

    /// <summary>Prefix of the logical names of the embedded scripts.</summary>
    public const string ResourcePrefix = "migrations/";

    /// <summary>The journal table.</summary>
    public const string JournalTable = "public.schema_migrations";

    private const string EnsureJournalSql = $"""
        CREATE TABLE IF NOT EXISTS {JournalTable} (
            version integer PRIMARY KEY,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        DO $$
        BEGIN
            IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{DatabaseRoles.AppGroup}')
               AND NOT has_table_privilege('{DatabaseRoles.AppGroup}', '{JournalTable}', 'SELECT') THEN
                GRANT SELECT ON {JournalTable} TO {DatabaseRoles.AppGroup};
            END IF;
        END
        $$;
        """;

    private readonly ILogger _logger;

    /// <summary>A migrator for the scripts embedded in the Infrastructure assembly.</summary>
    public SqlMigrator(ILogger<SqlMigrator>? logger = null)
        : this(ParseScripts(ReadEmbeddedScripts(typeof(SqlMigrator).Assembly)), logger)
    {
    }

    private SqlMigrator(IReadOnlyList<MigrationScript> scripts, ILogger? logger)
    {
        Scripts = scripts;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The scripts in version order.</summary>
    public IReadOnlyList<MigrationScript> Scripts { get; }

    /// <summary>Time limit for one script, and for waiting on another instance's lock.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A migrator for the given scripts instead of the embedded ones.</summary>
    /// <exception cref="MigrationException">A name does not match <c>NNNN_description.sql</c>, or two scripts share a version.</exception>
    public static SqlMigrator FromScripts(IEnumerable<(string Name, string Sql)> scripts, ILogger? logger = null) =>
        new(ParseScripts(scripts), logger);

    /// <summary>Applies every script not yet in the journal. Connect as <see cref="DatabaseRoles.Owner"/>.</summary>
    /// <exception cref="MigrationException">A script failed (it was rolled back completely), or an applied script was changed.</exception>
    public async Task<MigrationResult> MigrateAsync(string ownerConnectionString, CancellationToken cancellationToken = default)
    {
        // Unpooled: closing the connection must end the session, so the advisory lock can never outlive this call.
        var connectionString = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { CommandTimeout = TimeoutSeconds })
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using (var ensureJournal = new NpgsqlCommand(EnsureJournalSql, connection))
            {
                await ensureJournal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var alreadyApplied = await ReadJournalAsync(connection, cancellationToken).ConfigureAwait(false);
            VerifyChecksums(alreadyApplied);

            var appliedVersions = alreadyApplied.Select(a => a.Version).ToHashSet();
            var applied = new List<MigrationScript>();
            foreach (var script in Scripts.Where(s => !appliedVersions.Contains(s.Version)))
            {
                await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false);
                applied.Add(script);
            }

            if (applied.Count > 0)
            {
                LogApplied(_logger, applied.Count, applied[^1].Version);
            }

            return new MigrationResult(applied, alreadyApplied);
        }
        finally
        {
            await ReleaseLockAsync(connection).ConfigureAwait(false);
        }
    }

    /// <summary>The journal, in version order; empty when it does not exist yet.</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> GetAppliedAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{JournalTable}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return [];
            }
        }

        return await ReadJournalAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The scripts whose version is not in the journal.</summary>
    public async Task<IReadOnlyList<MigrationScript>> GetPendingAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var applied = (await GetAppliedAsync(connectionString, cancellationToken).ConfigureAwait(false)).Select(a => a.Version).ToHashSet();
        return Scripts.Where(s => !applied.Contains(s.Version)).ToList();
    }

    /// <summary>
    /// True when the database is reachable and every script is applied with an unchanged checksum. Connection and
    /// permission errors give false. The app role may call it: the journal is readable by <see cref="DatabaseRoles.AppGroup"/>.
    /// </summary>
    public async Task<bool> IsUpToDateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AppliedMigration> applied;
        try
        {
            applied = await GetAppliedAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            LogJournalUnreadable(_logger, ex.Message);
            return false;
        }

        var checksums = applied.ToDictionary(a => a.Version, a => a.Checksum);
        return Scripts.All(s => checksums.TryGetValue(s.Version, out var checksum) && checksum == s.Checksum);
    }

    internal static IReadOnlyList<MigrationScript> ParseScripts(IEnumerable<(string Name, string Sql)> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var parsed = new List<MigrationScript>();
        foreach (var (name, sql) in scripts)
        {
            var match = ScriptNamePattern().Match(name ?? string.Empty);
            if (!match.Success)
            {
                throw new MigrationException(
                    $"Invalid migration script name '{name}': expected NNNN_description.sql " +
                    "(four digits, an underscore, then lower-case letters, digits and underscores).",
                    name);
            }

            var text = (sql ?? string.Empty).TrimStart('\uFEFF').ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            var version = int.Parse(match.Groups["version"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            parsed.Add(new MigrationScript(version, name!, text, checksum));
        }

        var duplicate = parsed.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var names = duplicate.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            throw new MigrationException(
                $"Duplicate migration version {duplicate.Key:D4}: {string.Join(", ", names)}. Every version may be used once.",
                names[0]);
        }

        return [.. parsed.OrderBy(s => s.Version)];
    }

    private static IEnumerable<(string Name, string Sql)> ReadEmbeddedScripts(Assembly assembly)
    {
        foreach (var resourceName in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            yield return (resourceName[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }

    private int TimeoutSeconds => (int)Math.Ceiling(CommandTimeout.TotalSeconds);

    private void VerifyChecksums(IReadOnlyList<AppliedMigration> alreadyApplied)
    {
        var scripts = Scripts.ToDictionary(s => s.Version);
        foreach (var applied in alreadyApplied)
        {
            if (scripts.TryGetValue(applied.Version, out var script) && script.Checksum != applied.Checksum)
            {
                throw new MigrationException(
                    $"Migration script '{script.Name}' was changed after it was applied " +
                    $"(applied as '{applied.Name}' on {applied.AppliedAt.ToString("u", CultureInfo.InvariantCulture)}, " +
                    $"checksum {applied.Checksum}; the script's checksum is now {script.Checksum}). " +
                    "Applied scripts must not change: undo the edit and put the change into a new script.",
                    script.Name);
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        LogApplying(_logger, script.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!string.IsNullOrWhiteSpace(script.Sql))
            {
                await using var command = new NpgsqlCommand(script.Sql, connection, transaction) { CommandTimeout = TimeoutSeconds };
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var journal = new NpgsqlCommand($"INSERT INTO {JournalTable} (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                journal.Parameters.Add(new NpgsqlParameter { Value = script.Version });
                journal.Parameters.Add(new NpgsqlParameter { Value = script.Name });
                journal.Parameters.Add(new NpgsqlParameter { Value = script.Checksum });
                await journal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new MigrationException(DescribeFailure(script, ex), script.Name, ex);
        }
    }

    private static string DescribeFailure(MigrationScript script, NpgsqlException exception)
    {
        var message = new StringBuilder($"Migration script '{script.Name}' failed and was rolled back completely: ");
        if (exception is not PostgresException postgres)
        {
            return message.Append(exception.Message).ToString();
        }

        message.Append(CultureInfo.InvariantCulture, $"{postgres.SqlState}: {postgres.MessageText}.");
        if (!string.IsNullOrEmpty(postgres.Where))
        {
            message.Append(" Where: ").Append(postgres.Where);
        }

        if (!string.IsNullOrEmpty(postgres.Hint))
        {
            message.Append(" Hint: ").Append(postgres.Hint);
        }

        return message.ToString();
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadJournalAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = new List<AppliedMigration>();
        await using var command = new NpgsqlCommand($"SELECT version, name, checksum, applied_at FROM {JournalTable} ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AppliedMigration(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }

    private async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return; // A closed session holds no locks.
        }

        try
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            unlock.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
            await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            // Closing the unpooled connection ends the session and releases the lock anyway.
            LogUnlockFailed(_logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying migration script {Script}")]
    private static partial void LogApplying(ILogger logger, string script);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration script(s); the schema is at version {Version}")]
    private static partial void LogApplied(ILogger logger, int count, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the migration journal: {Message}")]
    private static partial void LogJournalUnreadable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not release the migration lock explicitly: {Message}")]
    private static partial void LogUnlockFailed(ILogger logger, string message);

    [GeneratedRegex("^(?<version>[0-9]{4})_[a-z0-9_]+\\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptNamePattern();
}
