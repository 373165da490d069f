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
}
