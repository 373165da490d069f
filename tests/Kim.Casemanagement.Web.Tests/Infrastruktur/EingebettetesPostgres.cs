using System.Diagnostics;
using System.Globalization;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>Looks at an embedded cluster from outside the app: is a server running on this data folder?</summary>
public static class EingebettetesPostgres
{
    /// <summary><c>pg_ctl status -D &lt;dataDirectory&gt;/pgdata</c> (as <c>postgres</c> when root): 0 running, 3 not running, 4 no cluster.</summary>
    public static Task<(int ExitCode, string Ausgabe)> StatusAsync(string dataDirectory) =>
        PgCtlAsync(["status", "-D", Path.Combine(dataDirectory, "pgdata")]);

    /// <summary>Stops a server left behind by a failed test (immediate mode); only ever the server of this test's folder.</summary>
    public static Task<(int ExitCode, string Ausgabe)> NotStoppAsync(string dataDirectory) =>
        PgCtlAsync(["stop", "-m", "immediate", "-w", "-D", Path.Combine(dataDirectory, "pgdata")]);

    /// <summary>Process ids whose command line names the folder (the postmaster is started with <c>-D &lt;folder&gt;/pgdata</c>).</summary>
    public static IReadOnlyList<int> ProzesseMitOrdner(string dataDirectory)
    {
        var result = new List<int>();
        foreach (var eintrag in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(eintrag), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var kommandozeile = File.ReadAllText(Path.Combine(eintrag, "cmdline")).Replace('\0', ' ');
                if (kommandozeile.Contains(dataDirectory, StringComparison.Ordinal) && !kommandozeile.Contains("pg_ctl", StringComparison.Ordinal))
                {
                    result.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return result;
    }

    private static async Task<(int ExitCode, string Ausgabe)> PgCtlAsync(IReadOnlyList<string> argumente)
    {
        var pgCtl = PgCtl();
        var start = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", pgCtl } }
            : new ProcessStartInfo(pgCtl);
        foreach (var argument in argumente)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = "/";
        using var prozess = Process.Start(start)!;
        var ausgabe = prozess.StandardOutput.ReadToEndAsync();
        var fehler = prozess.StandardError.ReadToEndAsync();
        using var zeitlimit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await prozess.WaitForExitAsync(zeitlimit.Token);
        return (prozess.ExitCode, (await ausgabe) + (await fehler));
    }

    private static string PgCtl()
    {
        var pfade = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            pfade.AddRange(Directory.EnumerateDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")));
        }

        return pfade.Select(p => Path.Combine(p, "pg_ctl")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pg_ctl wurde nicht gefunden.");
    }
}
