using System.Globalization;

namespace Kim.Casemanagement.Benchmarks.Umgebung;

/// <summary>
/// CPU time (user + system, from /proc) of one process and of all PostgreSQL server processes, so that a phase can say
/// where the machine's two cores went: milliseconds of CPU per request in the app and in the database.
/// </summary>
internal readonly record struct CpuZeit(double ProzessMs, double PostgresMs)
{
    private static readonly double TicksProSekunde = 100.0; // USER_HZ on Linux

    public static CpuZeit Messen(int pid) => new(Ms(pid), AllePostgresMs());

    /// <summary>
    /// When set, only this postmaster and its children count as PostgreSQL (the benchmark's own cluster; other clusters on
    /// a shared machine, e.g. of test runs, stay out of the figure). Unset: every process named postgres.
    /// </summary>
    public static int? Postmaster { get; set; }

    /// <summary>The postmaster's process id of the cluster in <paramref name="clusterVerzeichnis"/> (first line of postmaster.pid).</summary>
    public static int? PostmasterVon(string clusterVerzeichnis)
    {
        var datei = Path.Combine(clusterVerzeichnis, "postmaster.pid");
        return File.Exists(datei) && int.TryParse(File.ReadLines(datei).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    public static CpuZeit operator -(CpuZeit a, CpuZeit b) => new(a.ProzessMs - b.ProzessMs, a.PostgresMs - b.PostgresMs);

    public static CpuZeit operator +(CpuZeit a, CpuZeit b) => new(a.ProzessMs + b.ProzessMs, a.PostgresMs + b.PostgresMs);

    /// <summary>
    /// Waits until the app (<paramref name="pid"/>) and the benchmark's PostgreSQL together use less than 5 % of one core
    /// over two seconds (at most <paramref name="hoechstens"/>): the background work a setup step caused (projection,
    /// notifications, stored report after thousands of intakes) is done before a measured phase starts. Returns the
    /// seconds waited.
    /// </summary>
    public static async Task<double> RuheAbwartenAsync(int pid, TimeSpan hoechstens)
    {
        var uhr = System.Diagnostics.Stopwatch.StartNew();
        var vorher = Messen(pid);
        while (uhr.Elapsed < hoechstens)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var jetzt = Messen(pid);
            var d = jetzt - vorher;
            if (d.ProzessMs + d.PostgresMs < 100)
            {
                return uhr.Elapsed.TotalSeconds;
            }

            vorher = jetzt;
        }

        return uhr.Elapsed.TotalSeconds;
    }

    public string JeAnfrage(int anfragen) => anfragen == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture, $"{ProzessMs / anfragen:F2} / {PostgresMs / anfragen:F2} ms");

    private static double AllePostgresMs()
    {
        var summe = 0.0;
        foreach (var ordner in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(ordner);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            try
            {
                var pid = int.Parse(name, CultureInfo.InvariantCulture);
                if (File.ReadAllText(Path.Combine(ordner, "comm")).TrimEnd() == "postgres" && (Postmaster is not { } postmaster || pid == postmaster || Elternprozess(pid) == postmaster))
                {
                    // With the reaped children's time: a backend that ends during a phase (a closed connection) moves its
                    // CPU time to the postmaster's cutime/cstime instead of dropping out of the sum.
                    summe += Ms(pid, mitBeendetenKindern: true);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return summe;
    }

    private static int Elternprozess(int pid) => int.Parse(StatFelder(pid)[1], CultureInfo.InvariantCulture);

    /// <summary>The fields of /proc/&lt;pid&gt;/stat after the command name (field 3 on is index 0 on).</summary>
    private static string[] StatFelder(int pid)
    {
        // Field 2 (comm) may contain spaces; the fields after its closing parenthesis are fixed.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static double Ms(int pid, bool mitBeendetenKindern = false)
    {
        try
        {
            var felder = StatFelder(pid);
            var ticks = long.Parse(felder[11], CultureInfo.InvariantCulture) + long.Parse(felder[12], CultureInfo.InvariantCulture);
            if (mitBeendetenKindern)
            {
                ticks += long.Parse(felder[13], CultureInfo.InvariantCulture) + long.Parse(felder[14], CultureInfo.InvariantCulture);
            }

            return ticks * 1000.0 / TicksProSekunde;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
