using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Mandanten;

/// <summary>
/// The Mandant the database's row-level security narrows to (migration 0020, ADR 0014), for the current flow of
/// execution: set by the web pipeline for a signed-in user (<see cref="Setzen"/>), unset everywhere else. Unset means
/// "installation-wide" (<see cref="Alle"/>): the session default of the application's pools, under which background
/// work (scheduler, notification dispatcher, erasure run, analytics projection) and sign-in run.
/// </summary>
public static class MandantKontext
{
    /// <summary>The value of <c>kim.mandant</c> that the policies read as "every Mandant".</summary>
    public const string Alle = "*";

    /// <summary>The setting the policies read (<c>current_setting('kim.mandant', true)</c>).</summary>
    public const string Einstellung = "kim.mandant";

    /// <summary>The session option every connection of the application's pools starts with.</summary>
    public const string SitzungsOption = "-c " + Einstellung + "=" + Alle;

    private static readonly AsyncLocal<string?> Wert = new();

    /// <summary>The Mandant of the current flow, or null (installation-wide).</summary>
    public static string? Aktuell => Wert.Value;

    /// <summary>Narrows the current flow to <paramref name="mandant"/> (null: installation-wide) until the returned scope is disposed.</summary>
    public static IDisposable Setzen(string? mandant)
    {
        var vorher = Wert.Value;
        Wert.Value = mandant;
        return new Zuruecksetzen(vorher);
    }

    /// <summary>
    /// The statement that narrows the setting for the command it is put in front of: the procedure <c>mandant_setzen</c>
    /// (migration 0024), a transaction-local <c>set_config</c> like <c>SET LOCAL</c>, so it ends with the command's
    /// (implicit or explicit) transaction and a pooled connection always returns to the session default
    /// <see cref="Alle"/>, even when the command fails. Not <c>SET LOCAL</c> itself: in the implicit transaction of an
    /// extended-protocol batch it works but PostgreSQL warns on every use (a server log line and a client notice per
    /// request). Sent in the same round trip, returns no result set (so EF Core's readers are unchanged). The key is quoted
    /// as a literal (standard-conforming strings). Hand-written batches use the cheaper <see cref="Eingeschraenkt"/>.
    /// </summary>
    public static string SetzenSql(string mandant) =>
        $"CALL mandant_setzen('{mandant.Replace("'", "''", StringComparison.Ordinal)}');";

    /// <summary>
    /// The narrowing statement of a hand-written batch: the transaction-local <c>set_config</c> itself, one prepared
    /// statement with the Mandant as parameter. Measured with pgbench (prepared, one client, on top of a round trip):
    /// this +2 µs, <c>SET LOCAL</c> +4 µs and a warning, <c>CALL</c> of a PL/pgSQL procedure +20 µs, of a SQL procedure
    /// +38 µs (its body is parsed and planned on every call). It returns one row, which <see cref="LesenAsync"/> skips.
    /// </summary>
    internal const string SetzenAbfrage = "SELECT set_config('" + Einstellung + "', $1, true)";

    /// <summary>
    /// Puts the narrowing to the current flow's Mandant (<see cref="SetzenAbfrage"/>) in front of <paramref name="batch"/>
    /// (a hand-written request path: the Fall aggregate), so that its statements run under the user's Mandant like the
    /// EF queries of <see cref="MandantBefehlsInterceptor"/>; same round trip. Read such a batch with <see cref="LesenAsync"/>,
    /// which skips the statement's one row; <c>ExecuteNonQuery</c> is unaffected. Outside a request nothing is added:
    /// installation-wide.
    /// </summary>
    public static NpgsqlBatch Eingeschraenkt(NpgsqlBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Aktuell is { } mandant)
        {
            batch.BatchCommands.Insert(0, new NpgsqlBatchCommand(SetzenAbfrage) { Parameters = { new NpgsqlParameter<string> { TypedValue = mandant } } });
        }

        return batch;
    }

    /// <summary>A batch of the one statement <paramref name="befehl"/> on <paramref name="quelle"/>, under the current flow's Mandant (<see cref="Eingeschraenkt"/>).</summary>
    public static NpgsqlBatch Einzeln(NpgsqlDataSource quelle, NpgsqlBatchCommand befehl)
    {
        ArgumentNullException.ThrowIfNull(quelle);
        var batch = Eingeschraenkt(quelle.CreateBatch());
        batch.BatchCommands.Add(befehl);
        return batch;
    }

    /// <summary>A batch of the one statement <paramref name="sql"/> with <paramref name="parameter"/> on <paramref name="quelle"/>, under the current flow's Mandant.</summary>
    public static NpgsqlBatch Einzeln(NpgsqlDataSource quelle, string sql, params NpgsqlParameter[] parameter)
    {
        var befehl = new NpgsqlBatchCommand(sql);
        befehl.Parameters.AddRange(parameter);
        return Einzeln(quelle, befehl);
    }

    /// <summary>The first column of the first row of the batch's own statements (after the narrowing, if any); null without a row or for SQL NULL.</summary>
    public static async Task<object?> SkalarAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        await using var leser = await LesenAsync(batch, ct);
        return await leser.ReadAsync(ct) && !await leser.IsDBNullAsync(0, ct) ? leser.GetValue(0) : null;
    }

    /// <summary>Runs the batch; the rows its own (last) statement changed, not counting the narrowing in front.</summary>
    public static async Task<int> AendernAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await batch.ExecuteNonQueryAsync(ct);
        return batch.BatchCommands[^1].RecordsAffected;
    }

    /// <summary>
    /// Narrows the open explicit transaction on <paramref name="verbindung"/> to the current flow's Mandant until it
    /// ends (commit or rollback), for a request path that reads in one transaction (the Art. 15 copy). Outside a request
    /// nothing is sent: installation-wide.
    /// </summary>
    public static async Task TransaktionEinschraenkenAsync(NpgsqlConnection verbindung, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(verbindung);
        if (Aktuell is { } mandant)
        {
            await using var befehl = new NpgsqlCommand(SetzenAbfrage, verbindung) { Parameters = { new NpgsqlParameter<string> { TypedValue = mandant } } };
            await befehl.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The batch's reader, on the first result of the batch's own statements (after the narrowing, if any).</summary>
    public static async Task<NpgsqlDataReader> LesenAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var leser = await batch.ExecuteReaderAsync(ct);
        if (batch.BatchCommands.Count > 0 && string.Equals(batch.BatchCommands[0].CommandText, SetzenAbfrage, StringComparison.Ordinal))
        {
            await leser.NextResultAsync(ct);
        }

        return leser;
    }

    private sealed class Zuruecksetzen(string? vorher) : IDisposable
    {
        public void Dispose() => Wert.Value = vorher;
    }
}

/// <summary>
/// Puts <see cref="MandantKontext.SetzenSql"/> in front of every EF Core query and bulk statement of a signed-in user's
/// request, so that it runs under the user's Mandant. Same round trip, no statement sent on its own; outside a request
/// nothing is added (the session default is installation-wide). Not in front of SaveChanges' batches: EF reads their
/// results by statement position, which a statement in front would shift. Those run in a transaction that
/// <see cref="MandantTransaktionsInterceptor"/> narrows when it begins.
/// </summary>
public sealed class MandantBefehlsInterceptor : DbCommandInterceptor
{
    public static readonly MandantBefehlsInterceptor Instanz = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Voranstellen(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Voranstellen(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Voranstellen(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Voranstellen(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Voranstellen(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Voranstellen(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Voranstellen(DbCommand command, CommandEventData daten)
    {
        if (MandantKontext.Aktuell is { } mandant && daten.CommandSource != CommandSource.SaveChanges)
        {
            command.CommandText = MandantKontext.SetzenSql(mandant) + command.CommandText;
        }
    }
}

/// <summary>
/// Narrows every EF Core transaction of a signed-in user's request to the user's Mandant when it begins: the transaction's
/// first statement is the transaction-local <c>set_config</c>, so SaveChanges' batches (which
/// <see cref="MandantBefehlsInterceptor"/> leaves alone) and everything else in the transaction run under row-level
/// security for that Mandant; a row of another Kommune is neither written (the policy's check refuses it) nor changed
/// (it is not seen). With <see cref="MandantSpeichernInterceptor"/> SaveChanges always opens such a transaction in a
/// request. Outside a request nothing is sent. Cost: one round trip when a request's transaction begins (SaveChanges
/// runs on sign-in, administration and board decisions, not on the Fall's hot paths, which the aggregate writes itself).
/// </summary>
public sealed class MandantTransaktionsInterceptor : DbTransactionInterceptor
{
    public static readonly MandantTransaktionsInterceptor Instanz = new();

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (MandantKontext.Aktuell is { } mandant)
        {
            using var befehl = Befehl(connection, result, mandant);
            befehl.ExecuteNonQuery();
        }

        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (MandantKontext.Aktuell is { } mandant)
        {
            await using var befehl = Befehl(connection, result, mandant);
            await befehl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static DbCommand Befehl(DbConnection connection, DbTransaction transaktion, string mandant)
    {
        var befehl = connection.CreateCommand();
        befehl.Transaction = transaktion;
        befehl.CommandText = MandantKontext.SetzenAbfrage;
        befehl.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant });
        return befehl;
    }
}

/// <summary>
/// In a signed-in user's request, SaveChanges always runs in a transaction (EF Core skips it for a single statement by
/// default), so that <see cref="MandantTransaktionsInterceptor"/> narrows it too. Outside a request EF's default applies.
/// </summary>
public sealed class MandantSpeichernInterceptor : SaveChangesInterceptor
{
    public static readonly MandantSpeichernInterceptor Instanz = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Immer(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Immer(eventData);
        return ValueTask.FromResult(result);
    }

    private static void Immer(DbContextEventData daten)
    {
        ArgumentNullException.ThrowIfNull(daten);
        if (daten.Context is { } kontext)
        {
            // Pooled contexts keep this setting between requests: set it either way.
            kontext.Database.AutoTransactionBehavior = MandantKontext.Aktuell is null ? AutoTransactionBehavior.WhenNeeded : AutoTransactionBehavior.Always;
        }
    }
}
