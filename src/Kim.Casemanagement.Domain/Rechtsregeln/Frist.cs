using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kim.Casemanagement.Domain.Rechtsregeln;

/// <summary>
/// A retention period as it stands in the rule table: an ISO 8601 duration of years, months, days and hours
/// (<c>P3Y</c>, <c>P90D</c>, <c>PT24H</c>, <c>P1Y6M</c>). Calendar arithmetic: <c>P1Y</c> after 29.02. ends on 28.02.
/// </summary>
public readonly partial record struct Frist(int Jahre, int Monate, int Tage, int Stunden)
{
    /// <summary>Parses an ISO 8601 duration of the form <c>PnYnMnDTnH</c> (every part optional, at least one, none negative).</summary>
    /// <exception cref="FormatException">Not such a duration, or zero.</exception>
    public static Frist Parse(string wert)
    {
        ArgumentNullException.ThrowIfNull(wert);
        var m = Muster().Match(wert);
        if (!m.Success || m.Length == 1 || wert.EndsWith('T'))
        {
            throw new FormatException($"„{wert}“ ist keine Frist im Format ISO 8601 (z. B. P3Y, P90D, PT24H).");
        }

        static int Teil(Group g) => g.Success ? int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var frist = new Frist(Teil(m.Groups["j"]), Teil(m.Groups["m"]), Teil(m.Groups["t"]), Teil(m.Groups["h"]));
        if (frist == default)
        {
            throw new FormatException($"„{wert}“ ist eine Frist von null: eine Aufbewahrungsfrist muss länger sein.");
        }

        return frist;
    }

    /// <summary>The cut-off for <paramref name="jetzt"/>: data whose trigger lies before it is past this period.</summary>
    public DateTimeOffset Vor(DateTimeOffset jetzt) => jetzt.AddYears(-Jahre).AddMonths(-Monate).AddDays(-Tage).AddHours(-Stunden);

    /// <summary>The end of the period that starts at <paramref name="ausloeser"/> (hours count as started days).</summary>
    public DateOnly Ende(DateOnly ausloeser) => ausloeser.AddYears(Jahre).AddMonths(Monate).AddDays(Tage + (Stunden + 23) / 24);

    /// <summary>The ISO 8601 form, as in the rule table.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("P");
        if (Jahre > 0)
        {
            sb.Append(Jahre.ToString(CultureInfo.InvariantCulture)).Append('Y');
        }

        if (Monate > 0)
        {
            sb.Append(Monate.ToString(CultureInfo.InvariantCulture)).Append('M');
        }

        if (Tage > 0)
        {
            sb.Append(Tage.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        if (Stunden > 0)
        {
            sb.Append('T').Append(Stunden.ToString(CultureInfo.InvariantCulture)).Append('H');
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^P(?:(?<j>[0-9]{1,4})Y)?(?:(?<m>[0-9]{1,4})M)?(?:(?<t>[0-9]{1,5})D)?(?:T(?:(?<h>[0-9]{1,6})H)?)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Muster();
}
