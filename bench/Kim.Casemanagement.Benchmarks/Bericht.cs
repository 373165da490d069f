using System.Globalization;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Benchmarks.Umgebung;

namespace Kim.Casemanagement.Benchmarks;

/// <summary>Prints a result table (figure, target, verdict) and stores the raw figures under artifacts/bench.</summary>
internal static class Bericht
{
    public static void Ausgeben(string name, IReadOnlyList<(string Was, string Wert, string Ziel, bool Ok)> zeilen, JsonObject roh)
    {
        var breite = zeilen.Max(z => z.Was.Length);
        var wertBreite = zeilen.Max(z => z.Wert.Length);
        Console.WriteLine();
        foreach (var (was, wert, ziel, ok) in zeilen)
        {
            Console.WriteLine($"   {was.PadRight(breite)}  {wert.PadLeft(wertBreite)}   Ziel: {ziel,-14} {(ok ? "OK" : "VERFEHLT")}");
        }

        roh["zeitpunkt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        roh["maschine"] = $"{Environment.ProcessorCount} Kerne, {Environment.OSVersion}";
        var datei = Path.Combine(Pfade.Ergebnisse, name + ".json");
        File.WriteAllText(datei, roh.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"   Rohdaten: {Path.GetRelativePath(Pfade.Wurzel, datei)}");
    }

    /// <summary>Nearest-rank percentile of a sorted array.</summary>
    public static double Perzentil(double[] sortiert, double p)
    {
        if (sortiert.Length == 0)
        {
            return double.NaN;
        }

        var i = (int)Math.Ceiling(p / 100.0 * sortiert.Length) - 1;
        return sortiert[Math.Clamp(i, 0, sortiert.Length - 1)];
    }
}
