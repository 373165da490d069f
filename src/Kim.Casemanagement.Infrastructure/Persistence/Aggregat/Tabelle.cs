using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Persistence.Aggregat;

/// <summary>Rebuilds a domain object from the columns of one row.</summary>
internal delegate T ZeilenLeser<out T>(ref Zeile zeile);

/// <summary>One column of a table of the Fall aggregate: its name, its PostgreSQL type and how to read its value off the domain object.</summary>
internal sealed record Spalte<T>(string Name, NpgsqlDbType Typ, Func<T, object?> Wert);

/// <summary>
/// How one table of the Fall aggregate maps to its domain objects: the column list (the first is the key <c>id</c>),
/// the value of each column, how a row becomes an object, and the SQL built once from that (constant statement texts,
/// so PostgreSQL prepares each of them once per connection).
/// </summary>
internal sealed class Tabelle<T>
    where T : class
{
    private readonly Func<T, Guid> _schluessel;
    private readonly int _sortierIndex;

    public Tabelle(string name, Func<T, Guid> schluessel, ZeilenLeser<T> lesen, string reihenfolge, params Spalte<T>[] spalten)
    {
        ArgumentOutOfRangeException.ThrowIfZero(spalten.Length);
        Name = name;
        Spalten = spalten;
        Lesen = lesen;
        Reihenfolge = reihenfolge;
        var sortierung = reihenfolge.Split(',')[0].Trim();
        _sortierIndex = Array.FindIndex(spalten, s => s.Name == sortierung);
        _schluessel = schluessel;
        EinfuegenSql = FallZeilen.EinfuegenSql(name, spalten);
        AendernSql = $"UPDATE {name} SET {string.Join(", ", spalten.Skip(1).Select((s, i) => $"{s.Name} = ${i + 2}"))} WHERE {spalten[0].Name} = $1";
        LoeschenSql = $"DELETE FROM {name} WHERE {spalten[0].Name} = $1";
    }

    public string Name { get; }

    public IReadOnlyList<Spalte<T>> Spalten { get; }

    /// <summary>Rebuilds one object from its columns, in the order of <see cref="Spalten"/> (see <see cref="Zeile"/>).</summary>
    public ZeilenLeser<T> Lesen { get; }

    /// <summary>The ORDER BY of the table's rows within one Fall (a column, then the key).</summary>
    public string Reihenfolge { get; }

    public string EinfuegenSql { get; }

    public string AendernSql { get; }

    public string LoeschenSql { get; }

    public Guid Schluessel(T zeile) => _schluessel(zeile);

    /// <summary>The column values of <paramref name="zeile"/> as they are now (what a snapshot keeps and compares).</summary>
    public object?[] Werte(T zeile)
    {
        var werte = new object?[Spalten.Count];
        for (var i = 0; i < werte.Length; i++)
        {
            werte[i] = Spalten[i].Wert(zeile);
        }

        return werte;
    }

    public NpgsqlBatchCommand Einfuegen(object?[] werte) => Befehl(EinfuegenSql, werte);

    public NpgsqlBatchCommand Aendern(object?[] werte) => Befehl(AendernSql, werte);

    public NpgsqlBatchCommand Loeschen(Guid id) => new(LoeschenSql) { Parameters = { new NpgsqlParameter<Guid> { TypedValue = id } } };

    /// <summary>
    /// Orders value lists of this table as a load returns the rows: by the first column of <see cref="Reihenfolge"/>, then
    /// by the key as PostgreSQL orders uuids (byte by byte).
    /// </summary>
    public int Vergleichen(object?[] a, object?[] b)
    {
        var vergleich = Comparer<object?>.Default.Compare(a[_sortierIndex], b[_sortierIndex]);
        return vergleich != 0
            ? vergleich
            : ((Guid)a[0]!).ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(((Guid)b[0]!).ToByteArray(bigEndian: true));
    }

    /// <summary>Whether two value lists of this table are equal, column by column.</summary>
    public static bool Gleich(object?[] a, object?[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (!Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private NpgsqlBatchCommand Befehl(string sql, object?[] werte)
    {
        var befehl = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < werte.Length; i++)
        {
            befehl.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = Spalten[i].Typ, Value = werte[i] ?? DBNull.Value });
        }

        return befehl;
    }
}
