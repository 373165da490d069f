namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>Percentiles with linear interpolation between the closest ranks, exactly as PostgreSQL's <c>percentile_cont</c>.</summary>
public static class Perzentil
{
    /// <summary>The p-quantile (0 ≤ p ≤ 1) of the values, or null when there are none.</summary>
    public static double? Kontinuierlich(IEnumerable<double> werte, double p)
    {
        ArgumentNullException.ThrowIfNull(werte);
        return Kontinuierlich(werte.Select(w => (w, 1L)), p);
    }

    /// <summary>The p-quantile of a frequency table (value, how often), or null when it is empty.</summary>
    public static double? Kontinuierlich(IEnumerable<(double Wert, long Anzahl)> haeufigkeiten, double p)
    {
        ArgumentNullException.ThrowIfNull(haeufigkeiten);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var sortiert = haeufigkeiten.Where(h => h.Anzahl > 0).GroupBy(h => h.Wert).Select(g => (Wert: g.Key, Anzahl: g.Sum(h => h.Anzahl))).OrderBy(h => h.Wert).ToList();
        var n = sortiert.Sum(h => h.Anzahl);
        if (n == 0)
        {
            return null;
        }

        // 0-based position p·(n-1) between the ranks floor and ceiling.
        var position = p * (n - 1);
        var unten = (long)Math.Floor(position);
        var oben = (long)Math.Ceiling(position);
        var wertUnten = WertAnRang(sortiert, unten);
        var wertOben = WertAnRang(sortiert, oben);
        return wertUnten + ((position - unten) * (wertOben - wertUnten));
    }

    private static double WertAnRang(List<(double Wert, long Anzahl)> sortiert, long rang)
    {
        long kumuliert = 0;
        foreach (var (wert, anzahl) in sortiert)
        {
            kumuliert += anzahl;
            if (rang < kumuliert)
            {
                return wert;
            }
        }

        return sortiert[^1].Wert;
    }
}
