using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Benchmarks.Umgebung;

namespace Kim.Casemanagement.Benchmarks;

/// <summary>
/// Prints a result table (figure, target, verdict), stores the raw figures under artifacts/bench, writes the table as a
/// Markdown section to docs/benchmarks/&lt;name&gt;.md and rebuilds docs/benchmarks.md from all sections.
/// </summary>
internal static class Bericht
{
    public static void Ausgeben(string name, IReadOnlyList<(string Was, string Wert, string Ziel, bool Ok)> zeilen, JsonObject roh, string? titel = null, string? befehl = null, string? hinweis = null)
    {
        var breite = zeilen.Max(z => z.Was.Length);
        var wertBreite = zeilen.Max(z => z.Wert.Length);
        Console.WriteLine();
        foreach (var (was, wert, ziel, ok) in zeilen)
        {
            Console.WriteLine($"   {was.PadRight(breite)}  {wert.PadLeft(wertBreite)}   Ziel: {ziel,-14} {(ok ? "OK" : "VERFEHLT")}");
        }

        var zeitpunkt = DateTimeOffset.UtcNow;
        roh["zeitpunkt"] = zeitpunkt.ToString("O", CultureInfo.InvariantCulture);
        roh["maschine"] = Maschine.Beschreibung;
        var datei = Path.Combine(Pfade.Ergebnisse, name + ".json");
        File.WriteAllText(datei, roh.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"   Rohdaten: {Path.GetRelativePath(Pfade.Wurzel, datei)}");

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {titel ?? name}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured {zeitpunkt:yyyy-MM-dd HH:mm} UTC on {Maschine.Beschreibung}. Command: `{befehl ?? "./scripts/bench.sh " + name}`");
        md.AppendLine();
        if (hinweis is not null)
        {
            md.AppendLine(hinweis);
            md.AppendLine();
        }

        md.AppendLine("| Figure | Measured | Target | Verdict |");
        md.AppendLine("|---|---|---|---|");
        foreach (var (was, wert, ziel, ok) in zeilen)
        {
            // Baselines and figures for information have no target: their verdict only says whether the phase ran without errors.
            var urteil = ziel is "Info" or "Basis" or "–" ? (ok ? "–" : "**Fehler**") : ok ? "met" : "**missed**";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {was} | {wert} | {ziel} | {urteil} |");
        }

        var abschnitte = Directory.CreateDirectory(Path.Combine(Pfade.Wurzel, "docs", "benchmarks")).FullName;
        File.WriteAllText(Path.Combine(abschnitte, name + ".md"), md.ToString());
        Zusammenstellen(abschnitte);
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

    private static void Zusammenstellen(string abschnitte)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("Written by the benchmark program (`bench/Kim.Casemanagement.Benchmarks`); do not edit by hand. Run all with");
        text.AppendLine("`./scripts/bench.sh` (or one: `./scripts/bench.sh uebergaenge`, `./scripts/bench.sh benachrichtigungen`). Each");
        text.AppendLine("benchmark starts its own PostgreSQL cluster and the app's Release build as a separate process on loopback; the");
        text.AppendLine("targets are those of `QUALITY.md`, as ratios against a baseline measured in the same run where QUALITY.md says so.");
        text.AppendLine("Raw figures: `artifacts/bench/*.json`. A missed target is shown as **missed** with the measured value.");
        text.AppendLine();
        foreach (var datei in Directory.GetFiles(abschnitte, "*.md").Order(StringComparer.Ordinal))
        {
            text.AppendLine(File.ReadAllText(datei).TrimEnd());
            text.AppendLine();
        }

        File.WriteAllText(Path.Combine(Pfade.Wurzel, "docs", "benchmarks.md"), text.ToString().TrimEnd() + Environment.NewLine);
    }
}

/// <summary>What the figures were measured on.</summary>
internal static class Maschine
{
    public static string Beschreibung { get; } = Ermitteln();

    private static string Ermitteln()
    {
        var cpu = Zeile("/proc/cpuinfo", "model name") ?? "unbekannte CPU";
        var speicher = Zeile("/proc/meminfo", "MemTotal") is { } m && long.TryParse(new string([.. m.Where(char.IsDigit)]), out var kb) ? $"{kb / 1024 / 1024.0:F0} GiB" : "?";
        return $"{Environment.ProcessorCount} cores ({cpu}), {speicher} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string? Zeile(string datei, string schluessel) =>
        File.Exists(datei) ? File.ReadLines(datei).FirstOrDefault(z => z.StartsWith(schluessel, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
}
