using System.Text.Json;
using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Infrastructure.Persistence;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// Reads the erasure record (<c>loeschlaeufe</c>, migration 0010; a table outside the EF model) and the audit trail's
/// checkpoints (<c>audit_pruefpunkte</c>) and floor (<c>audit_aufbewahrung</c>, migration 0009) with plain SQL.
/// </summary>
public sealed class Loeschnachweise(Datenbank datenbank) : ILoeschnachweise
{
    private const string LaeufeSql = """
        SELECT id, probelauf, stichtag, gestartet_am, beendet_am, faellig, gesperrt, anonymisiert, klienten_geloescht, zeilen_geloescht::text, anlass = 'Antrag'
        FROM loeschlaeufe
        WHERE mandant = $1
        ORDER BY gestartet_am DESC, id
        LIMIT $2
        """;

    private const string AbschnitteSql = """
        SELECT
            count(*) FILTER (WHERE entfernt_am IS NULL),
            count(*) FILTER (WHERE entfernt_am IS NOT NULL),
            coalesce(sum(anzahl) FILTER (WHERE entfernt_am IS NOT NULL), 0),
            max(entfernt_am),
            max(erstellt_am),
            min(erster_zeitpunkt) FILTER (WHERE entfernt_am IS NULL)
        FROM audit_pruefpunkte
        """;

    private const string ErsteZeileSql = "SELECT min(zeitpunkt) FROM audit_protokoll";

    private const string EntferntSql = """
        SELECT abschnitt, bis_nr, anzahl, erster_zeitpunkt, letzter_zeitpunkt, erstellt_am, entfernt_am
        FROM audit_pruefpunkte
        WHERE entfernt_am IS NOT NULL
        ORDER BY abschnitt DESC
        LIMIT $1
        """;

    private const string UntergrenzeSql = """
        SELECT extract(year FROM mindestens)::int, extract(month FROM mindestens)::int, extract(day FROM mindestens)::int,
               extract(hour FROM mindestens)::int, now() - mindestens
        FROM audit_aufbewahrung
        """;

    public async Task<IReadOnlyList<Loeschlauf>> LoeschlaeufeAsync(string mandant, int anzahl, CancellationToken ct)
    {
        await using var befehl = MandantKontext.Einzeln(datenbank.DataSource, LaeufeSql, new NpgsqlParameter<string> { TypedValue = mandant }, new NpgsqlParameter<int> { TypedValue = anzahl });
        var laeufe = new List<Loeschlauf>();
        await using var reader = await MandantKontext.LesenAsync(befehl, ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            laeufe.Add(new Loeschlauf(
                reader.GetGuid(0),
                reader.GetBoolean(1),
                reader.GetFieldValue<DateOnly>(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetInt32(7),
                reader.GetInt32(8),
                Zeilen(reader.GetString(9)),
                reader.GetBoolean(10)));
        }

        return laeufe;
    }

    public async Task<AuditAufbewahrungsStand> AuditAbschnitteAsync(int anzahlEntfernte, CancellationToken ct)
    {
        await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        int behalten, entfernt;
        long zeilen;
        DateTimeOffset? letzteEntfernung, letzterPruefpunkt, aeltesteBehaltene;
        await using (var befehl = new NpgsqlCommand(AbschnitteSql, verbindung))
        await using (var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            await reader.ReadAsync(ct).ConfigureAwait(false);
            behalten = (int)reader.GetInt64(0);
            entfernt = (int)reader.GetInt64(1);
            zeilen = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            letzteEntfernung = Zeit(reader, 3);
            letzterPruefpunkt = Zeit(reader, 4);
            aeltesteBehaltene = Zeit(reader, 5);
        }

        if (behalten == 0)
        {
            // No kept segment (nothing closed yet, or every closed one removed): the oldest row is one not yet in a segment.
            await using var befehl = new NpgsqlCommand(ErsteZeileSql, verbindung);
            aeltesteBehaltene = await befehl.ExecuteScalarAsync(ct).ConfigureAwait(false) is DateTime erste
                ? new DateTimeOffset(DateTime.SpecifyKind(erste, DateTimeKind.Utc))
                : null;
        }

        var liste = new List<AuditAbschnitt>();
        await using (var befehl = new NpgsqlCommand(EntferntSql, verbindung))
        {
            befehl.Parameters.Add(new NpgsqlParameter<int> { TypedValue = anzahlEntfernte });
            await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                liste.Add(new AuditAbschnitt(
                    reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), Zeit(reader, 3), Zeit(reader, 4),
                    reader.GetFieldValue<DateTimeOffset>(5), Zeit(reader, 6)));
            }
        }

        Frist? mindestens = null;
        DateTimeOffset? untergrenze = null;
        await using (var befehl = new NpgsqlCommand(UntergrenzeSql, verbindung))
        await using (var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var frist = new Frist(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
                mindestens = frist == default ? null : frist;
                untergrenze = Zeit(reader, 4);
            }
        }

        return new AuditAufbewahrungsStand(behalten, entfernt, zeilen, letzteEntfernung, letzterPruefpunkt, aeltesteBehaltene, mindestens, untergrenze, liste);
    }

    private static DateTimeOffset? Zeit(NpgsqlDataReader reader, int spalte) =>
        reader.IsDBNull(spalte) ? null : reader.GetFieldValue<DateTimeOffset>(spalte);

    /// <summary>
    /// The Löschprotokoll's rows per table: a JSON object of table name to count; each table with its German name from
    /// the catalogue (the name itself for one it does not know). Anything else in the column is not a count and is left out.
    /// </summary>
    private static GeloeschteZeilen[] Zeilen(string json)
    {
        using var dokument = JsonDocument.Parse(json);
        if (dokument.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return dokument.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out _))
            .Select(p => new GeloeschteZeilen(p.Name, Datenkatalog.Tabellen.FirstOrDefault(t => t.Name == p.Name)?.Bezeichnung ?? p.Name, p.Value.GetInt64()))
            .OrderBy(z => z.Tabelle, StringComparer.Ordinal)
            .ToArray();
    }
}
