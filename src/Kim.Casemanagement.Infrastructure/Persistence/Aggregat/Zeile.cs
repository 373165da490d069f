using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Persistence.Aggregat;

/// <summary>
/// The columns of one row, read one after the other: from a data reader (at ordinals 0, 1, 2, … or, for a row of the
/// children's union <see cref="FallZeilen.KinderAuswahlSql"/>, at the ordinals of the table's slots), or from the values
/// a cache kept (<see cref="Tabelle{T}.Werte"/>, <see cref="FallZeilen.FallWerte"/>), which hold the database's
/// representation (enums as their names, flags as integers, JSON as text).
/// </summary>
internal ref struct Zeile
{
    private readonly NpgsqlDataReader? _leser;
    private readonly int[]? _ordinale;
    private readonly object?[]? _werte;
    private int _i;

    public Zeile(NpgsqlDataReader leser, int[]? ordinale = null)
    {
        _leser = leser;
        _ordinale = ordinale;
    }

    public Zeile(object?[] werte) => _werte = werte;

    public Guid Guid() => _werte is null ? _leser!.GetGuid(Weiter()) : (Guid)_werte[_i++]!;

    public Guid? GuidOderNull() => IstNull() ? null : Guid();

    public string Text() => _werte is null ? _leser!.GetString(Weiter()) : (string)_werte[_i++]!;

    public string? TextOderNull() => IstNull() ? null : Text();

    public DateOnly Datum() => _werte is null ? _leser!.GetFieldValue<DateOnly>(Weiter()) : (DateOnly)_werte[_i++]!;

    public DateOnly? DatumOderNull() => IstNull() ? null : Datum();

    public DateTimeOffset Zeit() => _werte is null ? _leser!.GetFieldValue<DateTimeOffset>(Weiter()) : (DateTimeOffset)_werte[_i++]!;

    public DateTimeOffset? ZeitOderNull() => IstNull() ? null : Zeit();

    public int Ganzzahl() => _werte is null ? _leser!.GetInt32(Weiter()) : (int)_werte[_i++]!;

    public int? GanzzahlOderNull() => IstNull() ? null : Ganzzahl();

    public bool Wahrheit() => _werte is null ? _leser!.GetBoolean(Weiter()) : (bool)_werte[_i++]!;

    public TEnum Enum<TEnum>()
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(Text());

    public TEnum? EnumOderNull<TEnum>()
        where TEnum : struct, Enum => IstNull() ? null : Enum<TEnum>();

    private int Weiter() => _ordinale is null ? _i++ : _ordinale[_i++];

    /// <summary>True (and the column is passed) when the next column is NULL.</summary>
    private bool IstNull()
    {
        var istNull = _werte is null ? _leser!.IsDBNull(_ordinale is null ? _i : _ordinale[_i]) : _werte[_i] is null;
        if (istNull)
        {
            _i++;
        }

        return istNull;
    }
}
