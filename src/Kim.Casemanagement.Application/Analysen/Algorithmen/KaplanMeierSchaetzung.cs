namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>The Kaplan-Meier estimate of one milestone duration, with the naive median of the completed Fälle beside it.</summary>
public sealed record KaplanMeierSchaetzung(
    long Beobachtungen,
    long Ereignisse,
    long Zensiert,
    IReadOnlyList<KaplanMeierStufe> Stufen,
    double? Median,
    double? NaiverMedian)
{
    /// <summary>S(t): the share that had not reached the milestone after <paramref name="tage"/> days (step function, right-continuous).</summary>
    public double Ueberleben(int tage)
    {
        var s = 1.0;
        foreach (var stufe in Stufen)
        {
            if (stufe.Tage > tage)
            {
                break;
            }

            s = stufe.Ueberleben;
        }

        return s;
    }

    /// <summary>How many were still under observation at <paramref name="tage"/> days (duration ≥ t).</summary>
    public long UnterRisiko(int tage) => Beobachtungen - Stufen.Where(s => s.Tage < tage).Sum(s => s.Ereignisse + s.Zensiert);

    /// <summary>
    /// The curve on a grid: S(t) and the number under observation at t = 0, <paramref name="intervallTage"/>, 2 ×
    /// <paramref name="intervallTage"/>, … as long as at least <paramref name="mindestensUnterRisiko"/> are under
    /// observation; the same values as <see cref="Ueberleben"/> and <see cref="UnterRisiko"/> at each point, in one pass
    /// over the steps (asking both per point costs steps × points: thousands of distinct days times hundreds of points).
    /// </summary>
    public IReadOnlyList<(int Tage, double Ueberleben, long UnterRisiko)> Raster(int intervallTage, long mindestensUnterRisiko)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervallTage);
        var punkte = new List<(int, double, long)>();
        var i = 0;
        var ueberleben = 1.0;
        long abgang = 0;
        for (var tage = 0; ; tage += intervallTage)
        {
            // Steps before t: left observation before t (at risk counts duration ≥ t) and set S up to t.
            while (i < Stufen.Count && Stufen[i].Tage < tage)
            {
                abgang += Stufen[i].Ereignisse + Stufen[i].Zensiert;
                ueberleben = Stufen[i].Ueberleben;
                i++;
            }

            var unterRisiko = Beobachtungen - abgang;
            if (unterRisiko < mindestensUnterRisiko)
            {
                return punkte;
            }

            // S is right-continuous: a step on t itself counts.
            punkte.Add((tage, i < Stufen.Count && Stufen[i].Tage == tage ? Stufen[i].Ueberleben : ueberleben, unterRisiko));
        }
    }
}
