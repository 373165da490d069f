using System.Collections.Concurrent;

namespace Kim.Casemanagement.Infrastructure;

/// <summary>Keeps a per-instance cache (a concurrent dictionary) bounded: the row cache of Fälle and the token cache.</summary>
public static class Verdraengung
{
    /// <summary>
    /// Once <paramref name="eintraege"/> holds <paramref name="ab"/> entries or more, removes those that come first by
    /// <paramref name="zuerst"/> until <paramref name="behalten"/> are left; one caller at a time. An entry replaced
    /// meanwhile (same key, another value) stays.
    /// </summary>
    public static void Kuerzen<TKey, TWert, TOrdnung>(ConcurrentDictionary<TKey, TWert> eintraege, int ab, int behalten, Func<TWert, TOrdnung> zuerst)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(eintraege);
        ArgumentNullException.ThrowIfNull(zuerst);
        lock (eintraege)
        {
            if (eintraege.Count < ab)
            {
                return;
            }

            // ToArray is the dictionary's own snapshot under its locks; enumerating it through LINQ's CopyTo races with
            // concurrent inserts (ArgumentException under load, found by the benchmark's cold-cache read phase).
            foreach (var alt in eintraege.ToArray().OrderBy(e => zuerst(e.Value)).Take(eintraege.Count - behalten))
            {
                eintraege.TryRemove(alt);
            }
        }
    }
}
