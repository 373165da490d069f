using System.Text;
using Kim.Casemanagement.Infrastructure.Persistence.Aggregat;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>SQL shared by the writer, the sealer, the verification and the query: column lists, reading a row, xid8 parameters.</summary>
internal static class AuditSql
{
    /// <summary>Every column of <c>audit_protokoll</c> (alias <c>p</c>) in the order <see cref="Lesen"/> expects.</summary>
    public const string Spalten = "p.id, p.xid, p.zeitpunkt, p.benutzer_id, p.rollen, p.aktion, p.detail, p.fall_id, p.klient_id, p.ergebnis, p.herkunft, p.trace_id, p.mandant";

    public const int SpaltenAnzahl = 13;

    /// <summary>
    /// The background writer's batch: one INSERT of the arrays' rows, in the columns the application writes (the app
    /// role's column privilege); id and xid come from the database. An INSERT and not COPY: PostgreSQL refuses COPY FROM
    /// into a table with row-level security (migration 0020).
    /// </summary>
    public const string StapelSql = """
        INSERT INTO audit_protokoll (zeitpunkt, benutzer_id, rollen, aktion, detail, fall_id, klient_id, ergebnis, herkunft, trace_id, mandant)
        SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::integer[], $9::text[], $10::text[], $11::text[])
        """;


    /// <summary>The columns the application writes (as in <see cref="StapelSql"/>), for a change's statement; call <see cref="Bereinigen"/> first.</summary>
    public static readonly Spalte<AuditEintrag>[] Schreibspalten =
    [
        new("zeitpunkt", NpgsqlDbType.TimestampTz, e => e.Zeitpunkt),
        new("benutzer_id", NpgsqlDbType.Text, e => e.BenutzerId),
        new("rollen", NpgsqlDbType.Text, e => e.Rollen),
        new("aktion", NpgsqlDbType.Text, e => e.Aktion),
        new("detail", NpgsqlDbType.Text, e => e.Detail),
        new("fall_id", NpgsqlDbType.Uuid, e => e.FallId),
        new("klient_id", NpgsqlDbType.Uuid, e => e.KlientId),
        new("ergebnis", NpgsqlDbType.Integer, e => e.Ergebnis),
        new("herkunft", NpgsqlDbType.Text, e => e.Herkunft),
        new("trace_id", NpgsqlDbType.Text, e => e.TraceId),
        new("mandant", NpgsqlDbType.Text, e => e.Mandant),
    ];

    public static AuditEintrag Lesen(NpgsqlDataReader r, int o) => new()
    {
        Id = r.GetInt64(o),
        Xid = r.GetFieldValue<ulong>(o + 1),
        Zeitpunkt = r.GetFieldValue<DateTimeOffset>(o + 2),
        BenutzerId = r.GetString(o + 3),
        Rollen = r.GetString(o + 4),
        Aktion = r.GetString(o + 5),
        Detail = r.IsDBNull(o + 6) ? null : r.GetString(o + 6),
        FallId = r.IsDBNull(o + 7) ? null : r.GetGuid(o + 7),
        KlientId = r.IsDBNull(o + 8) ? null : r.GetGuid(o + 8),
        Ergebnis = r.GetInt32(o + 9),
        Herkunft = r.IsDBNull(o + 10) ? null : r.GetString(o + 10),
        TraceId = r.IsDBNull(o + 11) ? null : r.GetString(o + 11),
        Mandant = r.IsDBNull(o + 12) ? null : r.GetString(o + 12),
    };

    public static NpgsqlParameter Xid(ulong wert) => new NpgsqlParameter<ulong> { TypedValue = wert, NpgsqlDbType = NpgsqlDbType.Xid8 };

    /// <summary>The batch statement (<see cref="StapelSql"/>) with one array parameter per column.</summary>
    public static NpgsqlCommand StapelBefehl(IReadOnlyList<AuditEintrag> stapel)
    {
        var befehl = new NpgsqlCommand(StapelSql);
        befehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = stapel.Select(e => e.Zeitpunkt).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = stapel.Select(e => e.BenutzerId).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = stapel.Select(e => e.Rollen).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = stapel.Select(e => e.Aktion).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = stapel.Select(e => e.Detail).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<Guid?[]> { TypedValue = stapel.Select(e => e.FallId).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<Guid?[]> { TypedValue = stapel.Select(e => e.KlientId).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = stapel.Select(e => e.Ergebnis).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = stapel.Select(e => e.Herkunft).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = stapel.Select(e => e.TraceId).ToArray() });
        befehl.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = stapel.Select(e => e.Mandant).ToArray() });
        return befehl;
    }

    /// <summary>
    /// Makes an entry storable, so that one bad value can never block the queue: UTC timestamp (what timestamptz
    /// accepts), no null in NOT NULL text, no NUL characters or lone surrogates (PostgreSQL text cannot hold them).
    /// </summary>
    public static AuditEintrag Bereinigen(AuditEintrag e, DateTimeOffset jetzt)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.Zeitpunkt = e.Zeitpunkt == default ? jetzt.ToUniversalTime() : e.Zeitpunkt.ToUniversalTime();
        e.BenutzerId = Text(e.BenutzerId) ?? string.Empty;
        e.Rollen = Text(e.Rollen) ?? string.Empty;
        e.Aktion = Text(e.Aktion) ?? string.Empty;
        e.Detail = Text(e.Detail);
        e.Herkunft = Text(e.Herkunft);
        e.TraceId = Text(e.TraceId);
        e.Mandant = Text(e.Mandant);
        return e;
    }

    private static string? Text(string? wert)
    {
        if (wert is null)
        {
            return null;
        }

        var sauber = true;
        for (var i = 0; i < wert.Length && sauber; i++)
        {
            var c = wert[i];
            if (c == '\0')
            {
                sauber = false;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < wert.Length && char.IsLowSurrogate(wert[i + 1]))
                {
                    i++;
                }
                else
                {
                    sauber = false;
                }
            }
            else if (char.IsLowSurrogate(c))
            {
                sauber = false;
            }
        }

        if (sauber)
        {
            return wert;
        }

        // The default UTF-8 encoding replaces lone surrogates with U+FFFD; NUL becomes U+FFFD as well.
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(wert)).Replace('\0', '\uFFFD');
    }

    private static Task TextOderNullAsync(NpgsqlBinaryImporter importer, string? wert, CancellationToken ct) =>
        wert is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(wert, NpgsqlDbType.Text, ct);

    private static Task UuidOderNullAsync(NpgsqlBinaryImporter importer, Guid? wert, CancellationToken ct) =>
        wert is { } w ? importer.WriteAsync(w, NpgsqlDbType.Uuid, ct) : importer.WriteNullAsync(ct);
}
