using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Persistence.Aggregat;

/// <summary>
/// Builds one statement out of several data-modifying parts (<c>WITH a AS (UPDATE …), b AS (INSERT …) SELECT …</c>):
/// PostgreSQL runs a statement's executor set-up, relation opening and protocol round once instead of once per part,
/// which on the hot path costs more than the parts themselves. Rows of a part are passed as one array parameter per
/// column (<c>unnest</c>), so the text depends only on which parts are present (the <see cref="Form"/>), not on how many
/// rows: it is built once per form and PostgreSQL prepares it once per connection.
/// </summary>
internal sealed class Sammelanweisung
{
    private static readonly ConcurrentDictionary<string, string> Texte = new(StringComparer.Ordinal);

    private readonly List<string>? _teile;
    private readonly List<string> _form = [];

    private Sammelanweisung(bool mitText) => _teile = mitText ? [] : null;

    public List<NpgsqlParameter> Parameter { get; } = [];

    /// <summary>The parts and their kinds, in order: the key of the statement text.</summary>
    public string Form => string.Join('|', _form);

    /// <summary>
    /// Builds the statement: <paramref name="aufbauen"/> adds the parts (the same parts in the same order for the same
    /// form); the text is generated only the first time a form is seen.
    /// </summary>
    public static NpgsqlBatchCommand Befehl(Action<Sammelanweisung> aufbauen, string hauptabfrage)
    {
        var parameter = new Sammelanweisung(mitText: false);
        aufbauen(parameter);
        var text = Texte.GetOrAdd(parameter.Form + "|" + hauptabfrage, _ =>
        {
            var mitText = new Sammelanweisung(mitText: true);
            aufbauen(mitText);
            return $"WITH {string.Join(",\n", mitText._teile!)}\n{hauptabfrage}";
        });
        var befehl = new NpgsqlBatchCommand(text);
        befehl.Parameters.AddRange(parameter.Parameter.ToArray());
        return befehl;
    }

    /// <summary>Adds a part <c>name AS (sql)</c>; <paramref name="sql"/> is only called when the text is built.</summary>
    public void Teil(string name, Func<string> sql)
    {
        _form.Add(name);
        _teile?.Add($"{name} AS ({sql()})");
    }

    /// <summary>A scalar parameter; returns its placeholder.</summary>
    public string Wert(NpgsqlDbType typ, object? wert)
    {
        Parameter.Add(new NpgsqlParameter { NpgsqlDbType = typ, Value = wert ?? DBNull.Value });
        return "$" + Parameter.Count;
    }

    /// <summary>A parameter of its own (e.g. a typed array); returns its placeholder.</summary>
    public string Wert(NpgsqlParameter parameter)
    {
        Parameter.Add(parameter);
        return "$" + Parameter.Count;
    }

    /// <summary>
    /// <c>INSERT INTO tabelle (columns) SELECT * FROM unnest($a, $b, …)</c>: one array parameter per column, holding the
    /// column's value of every row.
    /// </summary>
    /// <param name="mandant">The Mandant of every row (column <c>mandant</c>), known to the writer: the table's Mandant trigger
    /// (migration 0019) is then not called at all (0023). Pass it on every call of a part or on none: the text is per form.</param>
    public void Einfuegen<T>(string name, string tabelle, IReadOnlyList<Spalte<T>> spalten, IReadOnlyList<T> zeilen, string? rueckgabe = null, string? mandant = null)
    {
        var platzhalter = spalten.Select(s => Wert(Feld(s, zeilen))).ToList();
        var m = mandant is null ? null : Wert(NpgsqlDbType.Text, mandant);
        var (mandantSpalte, mandantWert) = m is null ? (string.Empty, string.Empty) : (", mandant", ", " + m);
        Teil(name, () => $"INSERT INTO {tabelle} ({string.Join(", ", spalten.Select(s => s.Name))}{mandantSpalte}) SELECT u.*{mandantWert} FROM unnest({string.Join(", ", platzhalter)}) AS u{rueckgabe}");
    }

    /// <summary>A column's values of all rows as one typed array parameter (NULLs kept).</summary>
    private static NpgsqlParameter Feld<T>(Spalte<T> spalte, IReadOnlyList<T> zeilen)
    {
        var werte = new object?[zeilen.Count];
        for (var i = 0; i < werte.Length; i++)
        {
            werte[i] = spalte.Wert(zeilen[i]);
        }

        object feld = spalte.Typ switch
        {
            NpgsqlDbType.Uuid => werte.Select(w => (Guid?)w).ToArray(),
            NpgsqlDbType.Integer => werte.Select(w => (int?)w).ToArray(),
            NpgsqlDbType.Boolean => werte.Select(w => (bool?)w).ToArray(),
            NpgsqlDbType.Date => werte.Select(w => (DateOnly?)w).ToArray(),
            NpgsqlDbType.TimestampTz => werte.Select(w => (DateTimeOffset?)w).ToArray(),
            NpgsqlDbType.Text or NpgsqlDbType.Jsonb => werte.Select(w => (string?)w).ToArray(),
            _ => throw new NotSupportedException($"Column type {spalte.Typ} has no array mapping."),
        };
        return new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | spalte.Typ, Value = feld };
    }
}
