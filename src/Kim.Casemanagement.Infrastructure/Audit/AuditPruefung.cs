using System.Data;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// Verifies the audit chain: walks <c>audit_siegel</c> by nr together with the sealed rows, recomputes every row hash
/// and link, and reports the first broken link, plus rows that escaped sealing. Segments removed after their retention
/// period (<see cref="AuditAufbewahrung"/>, ADR 0006) are skipped: the walk starts after the newest removed segment, from
/// the hash its checkpoint recorded, so every kept row is still proven; the checkpoints themselves must fit together and
/// fit the chain (each kept checkpoint's hash is the hash of its end link), and no link of a removed segment may remain.
/// Streams in batches of <see cref="Stapel"/> links inside one read-only REPEATABLE READ transaction (one consistent
/// snapshot while the sealer keeps appending); memory does not grow with the trail. Works with any role that may SELECT
/// the audit tables (app or owner).
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

    private const string PruefpunkteSql = "SELECT abschnitt, bis_nr, hash, anzahl, bis_xid, entfernt_am IS NOT NULL FROM audit_pruefpunkte ORDER BY abschnitt";

    private const string ErstesSiegelSql = "SELECT nr, audit_id FROM audit_siegel ORDER BY nr LIMIT 1";

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

        var pruefpunkte = await PruefpunkteLesenAsync(verbindung, transaktion, ct).ConfigureAwait(false);
        var entfernt = pruefpunkte.TakeWhile(p => p.Entfernt).ToList();
        var anker = entfernt.Count > 0 ? entfernt[^1] : null;
        var behalten = pruefpunkte.Skip(entfernt.Count).ToList();
        var stand = new Stand();
        if (anker is not null)
        {
            stand.Erwartet = anker.BisNr + 1;
            stand.Vorgaenger = anker.Hash;
            stand.GroessteBisXid = anker.BisXid;
        }

        var bruch = PruefpunkteStimmig(pruefpunkte);
        if (bruch is null && anker is not null)
        {
            bruch = await ResteEntfernterAbschnitteAsync(verbindung, transaktion, anker.BisNr, ct).ConfigureAwait(false);
        }

        var offenePruefpunkte = new Queue<Pruefpunkt>(behalten);
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
                bruch = await PruefenAsync(verbindung, transaktion, glied, stand, ct).ConfigureAwait(false)
                    ?? PruefpunktPruefen(glied, offenePruefpunkte);
                if (bruch is not null)
                {
                    break;
                }
            }
        }

        if (bruch is null && offenePruefpunkte.Count > 0)
        {
            // A checkpoint beyond the last link: links at the end of the chain were deleted.
            bruch = new AuditBruch(stand.Erwartet, null, AuditBruch.Luecke);
        }

        long kopfNr = anker?.BisNr ?? 0;
        var kopfHash = anker is null ? string.Empty : Convert.ToHexStringLower(anker.Hash);
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
        return new AuditPruefergebnis(
            stand.Geprueft,
            bruch,
            unversiegelt,
            kopfNr,
            kopfHash,
            entfernt.Count,
            entfernt.Sum(p => p.Anzahl),
            anker?.BisNr ?? 0,
            anker is null ? string.Empty : Convert.ToHexStringLower(anker.Hash));
    }

    private static async Task<List<Pruefpunkt>> PruefpunkteLesenAsync(NpgsqlConnection verbindung, NpgsqlTransaction transaktion, CancellationToken ct)
    {
        var liste = new List<Pruefpunkt>();
        await using var befehl = new NpgsqlCommand(PruefpunkteSql, verbindung, transaktion);
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            liste.Add(new Pruefpunkt(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetFieldValue<byte[]>(2),
                reader.GetInt64(3),
                reader.GetFieldValue<ulong>(4),
                reader.GetBoolean(5)));
        }

        return liste;
    }

    /// <summary>
    /// The checkpoints among themselves: numbered 1, 2, 3 ... without gaps, each segment's count the distance between
    /// its end and the previous end, removed segments only before kept ones.
    /// </summary>
    private static AuditBruch? PruefpunkteStimmig(List<Pruefpunkt> pruefpunkte)
    {
        long vorherNr = 0;
        var entferntErlaubt = true;
        for (var i = 0; i < pruefpunkte.Count; i++)
        {
            var p = pruefpunkte[i];
            if (p.Abschnitt != i + 1 || p.BisNr - vorherNr != p.Anzahl || p.Anzahl <= 0 || (p.Entfernt && !entferntErlaubt))
            {
                return new AuditBruch(p.BisNr, null, AuditBruch.PruefpunktVeraendert);
            }

            entferntErlaubt = p.Entfernt;
            vorherNr = p.BisNr;
        }

        return null;
    }

    /// <summary>A link at or before the anchor means a segment was marked removed without being removed.</summary>
    private static async Task<AuditBruch?> ResteEntfernterAbschnitteAsync(NpgsqlConnection verbindung, NpgsqlTransaction transaktion, long ankerNr, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(ErstesSiegelSql, verbindung, transaktion);
        await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (await reader.ReadAsync(ct).ConfigureAwait(false) && reader.GetInt64(0) <= ankerNr)
        {
            return new AuditBruch(reader.GetInt64(0), reader.GetInt64(1), AuditBruch.AbschnittNichtEntfernt);
        }

        return null;
    }

    /// <summary>When <paramref name="glied"/> ends a kept segment, its hash must be the one the checkpoint recorded.</summary>
    private static AuditBruch? PruefpunktPruefen(Glied glied, Queue<Pruefpunkt> offen)
    {
        if (offen.TryPeek(out var p) && p.BisNr == glied.Nr)
        {
            offen.Dequeue();
            if (!p.Hash.AsSpan().SequenceEqual(glied.Hash))
            {
                return new AuditBruch(glied.Nr, glied.AuditId, AuditBruch.PruefpunktVeraendert);
            }
        }

        return null;
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

    private sealed record Pruefpunkt(long Abschnitt, long BisNr, byte[] Hash, long Anzahl, ulong BisXid, bool Entfernt);

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
