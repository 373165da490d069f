using System.Diagnostics;

namespace Kim.Casemanagement.Benchmarks.Umgebung;

/// <summary>What a closed-loop run measured: completed operations, failures, latencies (sorted, ms) and its length.</summary>
internal sealed record LastErgebnis(int Erfolgreich, int Fehler, double[] LatenzenMs, TimeSpan Dauer)
{
    public double ProSekunde => Erfolgreich / Dauer.TotalSeconds;

    public double P(double perzentil) => Bericht.Perzentil(LatenzenMs, perzentil);

    public static LastErgebnis Zusammen(params LastErgebnis[] teile)
    {
        var alle = teile.SelectMany(t => t.LatenzenMs).ToArray();
        Array.Sort(alle);
        return new LastErgebnis(teile.Sum(t => t.Erfolgreich), teile.Sum(t => t.Fehler), alle, TimeSpan.FromTicks(teile.Sum(t => t.Dauer.Ticks)));
    }
}

/// <summary>Closed-loop load: N workers, each repeating its operation until the time is up.</summary>
internal static class Last
{
    /// <summary>Runs <paramref name="aktion"/>(worker, iteration) on <paramref name="arbeiter"/> workers for <paramref name="dauer"/>; false or an exception counts as a failure.</summary>
    public static async Task<LastErgebnis> GeschlossenAsync(int arbeiter, TimeSpan dauer, Func<int, int, Task<bool>> aktion)
    {
        var latenzen = new List<double>[arbeiter];
        var fehler = 0;
        var uhr = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, arbeiter).Select(w => Task.Run(async () =>
        {
            var eigene = latenzen[w] = new List<double>(4096);
            for (var i = 0; uhr.Elapsed < dauer; i++)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await aktion(w, i);
                }
                catch (Exception e) when (e is HttpRequestException or Npgsql.NpgsqlException or InvalidOperationException or TaskCanceledException)
                {
                    ok = false;
                }

                if (ok)
                {
                    eigene.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref fehler);
                }
            }
        })));
        var dauerIst = uhr.Elapsed;
        var alle = latenzen.SelectMany(l => l).ToArray();
        Array.Sort(alle);
        return new LastErgebnis(alle.Length, fehler, alle, dauerIst);
    }
}
