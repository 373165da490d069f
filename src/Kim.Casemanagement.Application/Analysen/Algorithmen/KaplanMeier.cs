namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>
/// The Kaplan-Meier product-limit estimator. Open Fälle are right-censored observations: a duration statistic over the
/// completed Fälle alone (the naive median) is biased towards short durations, because the long ones are still running.
/// At each distinct time t with d events and n still at risk, S(t) = S(t−) · (1 − d/n); observations censored at t count
/// as at risk at t (the usual convention). The median is the smallest t with S(t) ≤ 0.5 (null while the curve stays above).
/// </summary>
public static class KaplanMeier
{
    // Products like 5/6 · 3/5 are 0.5 in exact arithmetic but 0.5000000000000001 in floating point.
    private const double Toleranz = 1e-12;

    public static KaplanMeierSchaetzung Schaetzen(IEnumerable<DauerBeobachtung> beobachtungen)
    {
        ArgumentNullException.ThrowIfNull(beobachtungen);
        var liste = beobachtungen.Where(b => b.Anzahl > 0).ToList();
        if (liste.Any(b => b.Tage < 0))
        {
            throw new ArgumentException("Dauern können nicht negativ sein.", nameof(beobachtungen));
        }

        var gesamt = liste.Sum(b => b.Anzahl);
        var ereignisse = liste.Where(b => b.Ereignis).Sum(b => b.Anzahl);
        var stufen = new List<KaplanMeierStufe>();
        var unterRisiko = gesamt;
        var s = 1.0;
        double? median = null;
        foreach (var zeit in liste.GroupBy(b => b.Tage).OrderBy(g => g.Key))
        {
            var d = zeit.Where(b => b.Ereignis).Sum(b => b.Anzahl);
            var c = zeit.Where(b => !b.Ereignis).Sum(b => b.Anzahl);
            if (d > 0)
            {
                s *= 1.0 - ((double)d / unterRisiko);
            }

            stufen.Add(new KaplanMeierStufe(zeit.Key, unterRisiko, d, c, s));
            if (median is null && d > 0 && s <= 0.5 + Toleranz)
            {
                median = zeit.Key;
            }

            unterRisiko -= d + c;
        }

        var naiv = Perzentil.Kontinuierlich(liste.Where(b => b.Ereignis).Select(b => ((double)b.Tage, b.Anzahl)), 0.5);
        return new KaplanMeierSchaetzung(gesamt, ereignisse, gesamt - ereignisse, stufen, median, naiv);
    }

    /// <summary>
    /// The 95 % confidence interval of the median (Brookmeyer and Crowley 1982): the times at which the pointwise
    /// confidence band of S(t) crosses 0.5. The band is Greenwood's variance on the log scale,
    /// S(t)·exp(±1.96·√Σ dᵢ/(nᵢ(nᵢ − dᵢ))) (R's <c>survfit</c> default, <c>conf.type = "log"</c>). Lower limit: the
    /// first event time at which the lower band is at most 0.5; upper limit: the first at which the upper band is;
    /// null where the band never comes down to 0.5 (the interval is open to that side).
    /// </summary>
    public static (double? Unten, double? Oben) MedianKonfidenz(KaplanMeierSchaetzung schaetzung)
    {
        ArgumentNullException.ThrowIfNull(schaetzung);
        const double z = 1.959963984540054;
        double summe = 0;
        double? unten = null, oben = null;
        foreach (var stufe in schaetzung.Stufen.Where(s => s.Ereignisse > 0))
        {
            if (stufe.UnterRisiko > stufe.Ereignisse)
            {
                summe += (double)stufe.Ereignisse / (stufe.UnterRisiko * (stufe.UnterRisiko - stufe.Ereignisse));
            }
            else
            {
                // S(t) = 0: the band closes at 0.
                summe = double.PositiveInfinity;
            }

            var s = stufe.Ueberleben;
            var se = Math.Sqrt(summe);
            var untereGrenze = s <= 0 ? 0 : s * Math.Exp(-z * se);
            var obereGrenze = s <= 0 ? 0 : Math.Min(1, s * Math.Exp(z * se));
            if (unten is null && untereGrenze <= 0.5 + Toleranz)
            {
                unten = stufe.Tage;
            }

            if (oben is null && obereGrenze <= 0.5 + Toleranz)
            {
                oben = stufe.Tage;
            }
        }

        return (unten, oben);
    }
}
