using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Idempotenz;
using Kim.Casemanagement.Infrastructure.Persistence.Aggregat;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>
/// The Fall aggregate on the hot path, with Npgsql batches instead of EF Core (why: ADR 0003):
/// <list type="bullet">
/// <item>Loading is one round trip: the Fall with its client and the five child tables as one batch of six statements.</item>
/// <item>Saving is one batch plus COMMIT: the Fall row guarded by the loaded version (someone else's change in between
/// is a <see cref="KonfliktException"/>), the child rows that are new, changed or gone (compared with a snapshot of
/// what was loaded), the new events, notes and hand-overs, the request's audit entries, the idempotency key and the
/// notices, all in one transaction.</item>
/// </list>
/// One instance per scope (unit of work); it remembers the snapshot of each Fall it loaded for saving.
/// </summary>
internal sealed class FallRepository(Datenbank datenbank, IAuditProtokoll audit, IBenachrichtigungen benachrichtigungen, BenachrichtigungsWecker wecker, TimeProvider zeit, IdempotenzKontext idempotenz) : IFallRepository
{
    /// <summary>The six statements of one load, each with the Fall's id as $1.</summary>
    private static readonly string[] LadenSql =
    [
        FallZeilen.FallAuswahlSql,
        FallZeilen.Einwilligungen.AuswahlSql,
        FallZeilen.Ziele.AuswahlSql,
        FallZeilen.Wiedervorlagen.AuswahlSql,
        FallZeilen.Vertretungen.AuswahlSql,
        FallZeilen.Ueberleitungen.AuswahlSql,
    ];

    private readonly Dictionary<Fall, Schnappschuss> _geladen = new(ReferenceEqualityComparer.Instance);

    public async Task<Fall?> LadenAsync(Guid id, CancellationToken ct)
    {
        var fall = await LesenAsync(id, ct);
        if (fall is not null)
        {
            _geladen[fall] = Schnappschuss.Von(fall);
        }

        return fall;
    }

    public async Task<Fall?> LesenAsync(Guid id, CancellationToken ct)
    {
        await using var verbindung = await datenbank.EfDataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(verbindung);
        foreach (var sql in LadenSql)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id } } });
        }

        await using var leser = await batch.ExecuteReaderAsync(ct);
        if (!await leser.ReadAsync(ct))
        {
            return null;
        }

        var fall = FallZeilen.FallLesen(leser);
        await KinderLesenAsync(leser, FallZeilen.Einwilligungen, FallZeilen.EinwilligungenVon(fall), ct);
        await KinderLesenAsync(leser, FallZeilen.Ziele, FallZeilen.ZieleVon(fall), ct);
        await KinderLesenAsync(leser, FallZeilen.Wiedervorlagen, FallZeilen.WiedervorlagenVon(fall), ct);
        await KinderLesenAsync(leser, FallZeilen.Vertretungen, FallZeilen.VertretungenVon(fall), ct);
        await KinderLesenAsync(leser, FallZeilen.Ueberleitungen, FallZeilen.UeberleitungenVon(fall), ct);
        return fall;
    }

    public async Task HinzufuegenAsync(Fall fall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        await SchreibenAsync(fall, vorher: null, ct);
    }

    public async Task SpeichernAsync(Fall fall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        if (!_geladen.TryGetValue(fall, out var vorher))
        {
            throw new InvalidOperationException("Only a Fall loaded (or added) through this repository can be saved.");
        }

        await SchreibenAsync(fall, vorher, ct);
    }

    public async Task<string> NaechstesAktenzeichenAsync(DateOnly heute, CancellationToken ct)
    {
        await using var befehl = datenbank.EfDataSource.CreateCommand("SELECT nextval('aktenzeichen_seq')");
        var nummer = (long)(await befehl.ExecuteScalarAsync(ct))!;
        return string.Create(CultureInfo.InvariantCulture, $"KIM-{heute.Year}-{nummer:000000}");
    }

    private static async Task KinderLesenAsync<T>(NpgsqlDataReader leser, Tabelle<T> tabelle, List<T> ziel, CancellationToken ct)
        where T : class
    {
        await leser.NextResultAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            ziel.Add(tabelle.Lesen(leser));
        }
    }

    /// <summary>Writes the Fall: all of it when <paramref name="vorher"/> is null (intake), else what changed since the snapshot.</summary>
    private async Task SchreibenAsync(Fall fall, Schnappschuss? vorher, CancellationToken ct)
    {
        var jetzt = zeit.GetUtcNow();
        var nachher = Schnappschuss.Leer(fall.Version);
        await using var verbindung = await datenbank.EfDataSource.OpenConnectionAsync(ct);
        await using var tx = await verbindung.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(verbindung, tx);
        var befehle = batch.BatchCommands;

        if (vorher is null)
        {
            befehle.Add(FallZeilen.Befehl(FallZeilen.KlientEinfuegenSql, FallZeilen.Klient, (fall.Klient, fall.Mandant)));
            befehle.Add(FallZeilen.Befehl(FallZeilen.FallEinfuegenSql, FallZeilen.FallAlle, fall));
        }
        else
        {
            befehle.Add(FallZeilen.Befehl(FallZeilen.FallAendernSql, FallZeilen.FallVeraenderlich, fall, fall.Id, vorher.Version));
        }

        var fallBefehl = befehle[^1];
        vorher ??= Schnappschuss.Leer(0);
        Kinder(befehle, FallZeilen.Einwilligungen, fall.Einwilligungen, vorher.Einwilligungen, nachher.Einwilligungen);
        Kinder(befehle, FallZeilen.Ziele, fall.Ziele, vorher.Ziele, nachher.Ziele);
        Kinder(befehle, FallZeilen.Wiedervorlagen, fall.Wiedervorlagen, vorher.Wiedervorlagen, nachher.Wiedervorlagen);
        Kinder(befehle, FallZeilen.Vertretungen, fall.Vertretungen, vorher.Vertretungen, nachher.Vertretungen);
        Kinder(befehle, FallZeilen.Ueberleitungen, fall.Ueberleitungen, vorher.Ueberleitungen, nachher.Ueberleitungen);
        foreach (var e in fall.NeueEreignisse)
        {
            befehle.Add(FallZeilen.Befehl(FallZeilen.EreignisEinfuegenSql, FallZeilen.Ereignisse, e));
        }

        foreach (var n in fall.NeueNotizen)
        {
            befehle.Add(FallZeilen.Notizen.Einfuegen(FallZeilen.Notizen.Werte(n)));
        }

        foreach (var u in fall.NeueUebergaben)
        {
            befehle.Add(FallZeilen.Uebergaben.Einfuegen(FallZeilen.Uebergaben.Werte(u)));
        }

        // The audit entries of this request go into the same transaction as the change they describe.
        var protokoll = audit is AuditProtokoll p ? p.AlsEintraege(StatusCodes.Status200OK) : [];
        foreach (var eintrag in protokoll)
        {
            befehle.Add(AuditSql.Einfuegen(AuditSql.Bereinigen(eintrag, jetzt)));
        }

        // The idempotency key and the notices are part of the change: nothing un-committed is notified, and a
        // committed change always has its key.
        if (idempotenz.Schluessel is not null)
        {
            befehle.Add(IdempotenzSpeicher.Einfuegen(idempotenz, fall.Id, jetzt));
        }

        var offen = benachrichtigungen.Offen;
        if (offen.Count > 0)
        {
            foreach (var befehl in BenachrichtigungsSql.Befehle(offen, jetzt))
            {
                befehle.Add(befehl);
            }
        }

        try
        {
            await batch.ExecuteNonQueryAsync(ct);
            if (fallBefehl.RecordsAffected != 1)
            {
                await tx.RollbackAsync(ct);
                throw new KonfliktException();
            }

            await tx.CommitAsync(ct);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_idempotenz" })
        {
            throw new WiederholteAnfrageException(e);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ux_fall_ereignisse_fall_id_nr" or "ux_wiedervorlagen_fall_id_schluessel" })
        {
            // Someone else recorded a step (or the same keyed follow-up) on this Fall in the meantime.
            throw new KonfliktException(KonfliktException.StandardText, e);
        }

        // Left open on any failure above, the audit entries are written at the end of the request with its error status.
        if (idempotenz.Schluessel is not null)
        {
            idempotenz.AlsGespeichertMarkieren();
        }

        audit.AlsGespeichertMarkieren();
        if (offen.Count > 0)
        {
            benachrichtigungen.AlsGespeichertMarkieren();
            wecker.Wecken();
        }

        fall.Gespeichert();
        nachher.Version = fall.Version;
        _geladen[fall] = nachher;
    }

    /// <summary>Adds the statements for the child rows that are new, changed or gone, and records their values as now stored.</summary>
    private static void Kinder<T>(NpgsqlBatchCommandCollection befehle, Tabelle<T> tabelle, IReadOnlyList<T> jetzt, Dictionary<Guid, object?[]> vorher, Dictionary<Guid, object?[]> nachher)
        where T : class
    {
        foreach (var zeile in jetzt)
        {
            var werte = tabelle.Werte(zeile);
            var id = tabelle.Schluessel(zeile);
            nachher[id] = werte;
            if (!vorher.TryGetValue(id, out var alt))
            {
                befehle.Add(tabelle.Einfuegen(werte));
            }
            else if (!Tabelle<T>.Gleich(alt, werte))
            {
                befehle.Add(tabelle.Aendern(werte));
            }
        }

        foreach (var id in vorher.Keys)
        {
            if (!nachher.ContainsKey(id))
            {
                befehle.Add(tabelle.Loeschen(id));
            }
        }
    }

    /// <summary>What was stored when the Fall was loaded or last saved: its version and the column values of each child row.</summary>
    private sealed class Schnappschuss
    {
        public int Version { get; set; }

        public Dictionary<Guid, object?[]> Einwilligungen { get; } = [];

        public Dictionary<Guid, object?[]> Ziele { get; } = [];

        public Dictionary<Guid, object?[]> Wiedervorlagen { get; } = [];

        public Dictionary<Guid, object?[]> Vertretungen { get; } = [];

        public Dictionary<Guid, object?[]> Ueberleitungen { get; } = [];

        public static Schnappschuss Leer(int version) => new() { Version = version };

        public static Schnappschuss Von(Fall fall)
        {
            var s = Leer(fall.Version);
            Merken(FallZeilen.Einwilligungen, fall.Einwilligungen, s.Einwilligungen);
            Merken(FallZeilen.Ziele, fall.Ziele, s.Ziele);
            Merken(FallZeilen.Wiedervorlagen, fall.Wiedervorlagen, s.Wiedervorlagen);
            Merken(FallZeilen.Vertretungen, fall.Vertretungen, s.Vertretungen);
            Merken(FallZeilen.Ueberleitungen, fall.Ueberleitungen, s.Ueberleitungen);
            return s;
        }

        private static void Merken<T>(Tabelle<T> tabelle, IReadOnlyList<T> zeilen, Dictionary<Guid, object?[]> ziel)
            where T : class
        {
            foreach (var zeile in zeilen)
            {
                ziel[tabelle.Schluessel(zeile)] = tabelle.Werte(zeile);
            }
        }
    }
}
