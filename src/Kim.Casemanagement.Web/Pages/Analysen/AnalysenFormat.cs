using System.Globalization;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;

namespace Kim.Casemanagement.Web.Pages.Analysen;

/// <summary>How the analysis pages write their figures (German; "–" for a withheld or missing figure).</summary>
public static class AnalysenFormat
{
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

    public static string Zahl(GeschuetzteZahl z) => z is { Gesperrt: false } ? (z.Wert ?? 0).ToString("N0", De) : "–";

    public static string Wert(long? w) => w is { } v ? v.ToString("N0", De) : "–";

    public static string Tage(double? t) => t is { } v ? v.ToString("0.#", De) : "–";

    public static string Prozent(double? a) => a is { } v ? (v * 100).ToString("0.#", De) + " %" : "–";
}
