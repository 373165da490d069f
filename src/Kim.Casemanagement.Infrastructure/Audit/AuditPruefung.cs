using System.Data;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// Verifies the audit chain: walks <c>audit_siegel</c> by nr together with the sealed rows, recomputes every row hash
/// and link, and reports the first broken link, plus rows that escaped sealing. Streams in batches of
/// <see cref="Stapel"/> links inside one read-only REPEATABLE READ transaction (one consistent snapshot while the sealer
/// keeps appending); memory does not grow with the trail. Works with any role that may SELECT both tables (app or owner).
/// </summary>
public sealed class AuditPruefung
{
    private const int Stapel = 5_000;

    private const string SeiteSql = $"""
        SELECT s.nr, s.audit_id, s.zeilen_hash, s.vorgaenger_hash, s.hash, s.bis_xid, {AuditSql.Spalten}
        FROM audit_siegel s LEFT JOIN audit_protokoll p ON p.id = s.audit_id
        WHERE s.nr > $1
        ORDER BY s.nr
        LIMIT $2
        """;

    private const string KopfSql = "SELECT nr, hash, bis_xid FROM audit_siegel ORDER BY nr DESC LIMIT 1";

    private const string UnversiegeltSql = """
        SELECT count(*) FROM audit_protokoll p
        WHERE p.xid < $1 AND NOT EXISTS (SELECT 1 FROM audit_siegel s WHERE s.audit_id = p.id)
        """;

    private const string HashVorhandenSql = "SELECT EXISTS (SELECT 1 FROM audit_siegel WHERE hash = $1 AND nr <> $2)";

    private readonly NpgsqlDataSource _dataSource;

    public AuditPruefung(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    public async Task<AuditPruefergebnis> PruefenAsync(CancellationToken ct)
    {
        await using var verbindung = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaktion = await verbindung.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await using (var nurLesen = new NpgsqlCommand("SET TRANSACTION READ ONLY", verbindung, transaktion))
        {
            await nurLesen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var stand = new Stand();
        AuditBruch? bruch = null;
        var seite = new List<Glied>(Stapel);
        while (bruch is null)
        {
            await SeiteLesenAsync(verbindung, transaktion, stand.Erwartet - 1, seite, ct).ConfigureAwait(false);
            if (seite.Count == 0)
            {
                break;
            }

            foreach (var glied in seite)
            {
                bruch = await PruefenAsync(verbindung, transaktion, glied, stand, ct).ConfigureAwait(false);
                if (bruch is not null)
                {
                    break;
                }
            }
        }

        long kopfNr = 0;
        var kopfHash = string.Empty;
        var horizont = stand.GroessteBisXid;
        await using (var kopf = new NpgsqlCommand(KopfSql, verbindung, transaktion))
        await using (var reader = await kopf.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                kopfNr = reader.GetInt64(0);
                kopfHash = Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(1));
                horizont = Math.Max(horizont, reader.GetFieldValue<ulong>(2));
            }
        }

        long unversiegelt = 0;
        if (horizont > 0)
        {
            await using var zaehlen = new NpgsqlCommand(UnversiegeltSql, verbindung, transaktion);
            zaehlen.Parameters.Add(AuditSql.Xid(horizont));
            unversiegelt = (long)(await zaehlen.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        await transaktion.CommitAsync(ct).ConfigureAwait(false);
        return new AuditPruefergebnis(stand.Geprueft, bruch, unversiegelt, kopfNr, kopfHash);
    }

    private static async Task SeiteLesenAsync(NpgsqlConnection verbindung, NpgsqlTransaction transaktion, long nachNr, List<Glied> seite, CancellationToken ct)
    {
        seite.Clear();
        await using var befehl = new NpgsqlCommand(SeiteSql, verbindung, transaktion);
        befehl.Parameters.Add(new NpgsqlParameter<long> { TypedValue = nachNr });
        befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Stapel });
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            seite.Add(new Glied(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetFieldValue<byte[]>(2),
                reader.GetFieldValue<byte[]>(3),
                reader.GetFieldValue<byte[]>(4),
                reader.GetFieldValue<ulong>(5),
                reader.IsDBNull(6) ? null : AuditSql.Lesen(reader, 6)));
        }
    }

    /// <summary>Checks one link against its predecessor; the order of the checks decides the reported reason.</summary>
    private static async Task<AuditBruch?> PruefenAsync(NpgsqlConnection verbindung, NpgsqlTransaction transaktion, Glied glied, Stand stand, CancellationToken ct)
    {
        if (glied.Nr != stand.Erwartet)
        {
            return new AuditBruch(stand.Erwartet, null, AuditBruch.Luecke);
        }

        if (glied.Zeile is not { } zeile)
        {
            return new AuditBruch(glied.Nr, glied.AuditId, AuditBruch.ZeileGeloescht);
        }

        if (!AuditKette.Verketten(glied.VorgaengerHash, glied.ZeilenHash).AsSpan().SequenceEqual(glied.Hash))
        {
            return new AuditBruch(glied.Nr, glied.AuditId, AuditBruch.SiegelVeraendert);
        }

        if (!glied.VorgaengerHash.AsSpan().SequenceEqual(stand.Vorgaenger))
        {
            // An intact link that continues another existing link was moved; otherwise its predecessor was changed or replaced.
            var verschoben = await HashVorhandenAsync(verbindung, transaktion, glied.VorgaengerHash, glied.Nr, ct).ConfigureAwait(false);
            return new AuditBruch(glied.Nr, glied.AuditId, verschoben ? AuditBruch.ReihenfolgeVeraendert : AuditBruch.SiegelVeraendert);
        }

        if (!AuditKette.ZeilenHash(zeile).AsSpan().SequenceEqual(glied.ZeilenHash))
        {
            return new AuditBruch(glied.Nr, glied.AuditId, AuditBruch.ZeileVeraendert);
        }

        if (stand.VorherigeZeile is { } vorher && (zeile.Xid < vorher.Xid || (zeile.Xid == vorher.Xid && zeile.Id <= vorher.Id)))
        {
            return new AuditBruch(glied.Nr, glied.AuditId, AuditBruch.ReihenfolgeVeraendert);
        }

        if (zeile.Xid >= glied.BisXid || glied.BisXid < stand.GroessteBisXid)
        {
            // A row is sealed only once final (xid below the run's horizon), and horizons never go backwards.
            return new AuditBruch(glied.Nr, glied.AuditId, AuditBruch.SiegelVeraendert);
        }

        stand.Geprueft++;
        stand.Erwartet++;
        stand.Vorgaenger = glied.Hash;
        stand.VorherigeZeile = (zeile.Xid, zeile.Id);
        stand.GroessteBisXid = glied.BisXid;
        return null;
    }

    private static async Task<bool> HashVorhandenAsync(NpgsqlConnection verbindung, NpgsqlTransaction transaktion, byte[] hash, long nr, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(HashVorhandenSql, verbindung, transaktion);
        befehl.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = hash });
        befehl.Parameters.Add(new NpgsqlParameter<long> { TypedValue = nr });
        return (bool)(await befehl.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private sealed record Glied(long Nr, long AuditId, byte[] ZeilenHash, byte[] VorgaengerHash, byte[] Hash, ulong BisXid, AuditEintrag? Zeile);

    private sealed class Stand
    {
        public long Erwartet { get; set; } = 1;

        public long Geprueft { get; set; }

        public byte[] Vorgaenger { get; set; } = AuditKette.Anfang;

        public (ulong Xid, long Id)? VorherigeZeile { get; set; }

        public ulong GroessteBisXid { get; set; }
    }
}
