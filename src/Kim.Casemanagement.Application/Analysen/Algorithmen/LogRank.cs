namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>
/// The log-rank test (Mantel-Cox) of two groups of right-censored durations: do the two Kaplan-Meier curves differ by
/// more than chance would explain? At each distinct time t with events, with n₁, n₂ at risk and d = d₁ + d₂ events of
/// n = n₁ + n₂: expected E₁ = d·n₁/n, hypergeometric variance V = d·(n₁/n)·(n₂/n)·(n − d)/(n − 1). The statistic
/// (O₁ − E₁)² / ΣV is χ²-distributed with one degree of freedom under the null hypothesis of equal curves; the p-value
/// is P(χ²₁ ≥ statistic) = erfc(√(statistic/2)). Observations censored at t count as at risk at t (as in <see cref="KaplanMeier"/>).
/// </summary>
public static class LogRank
{
    public static LogRankErgebnis Testen(IEnumerable<DauerBeobachtung> gruppeA, IEnumerable<DauerBeobachtung> gruppeB)
    {
        ArgumentNullException.ThrowIfNull(gruppeA);
        ArgumentNullException.ThrowIfNull(gruppeB);
        var a = gruppeA.Where(b => b.Anzahl > 0).ToList();
        var b = gruppeB.Where(x => x.Anzahl > 0).ToList();
        if (a.Concat(b).Any(x => x.Tage < 0))
        {
            throw new ArgumentException("Dauern können nicht negativ sein.");
        }

        // One pass over the distinct days of both groups in order (asking each group per event day costs days ×
        // observations): at risk at t are those with a duration ≥ t, i.e. all minus those that left before t.
        // Kaplan-Meier's steps are the distinct days in order with their events and censored observations.
        var kmA = KaplanMeier.Schaetzen(a);
        var kmB = KaplanMeier.Schaetzen(b);
        var tageA = kmA.Stufen;
        var tageB = kmB.Stufen;
        long n1 = kmA.Beobachtungen, n2 = kmB.Beobachtungen;
        double erwartetA = 0, varianz = 0;
        long beobachtetA = 0, beobachtetB = 0;
        int i = 0, j = 0;
        while (i < tageA.Count || j < tageB.Count)
        {
            var t = Math.Min(i < tageA.Count ? tageA[i].Tage : int.MaxValue, j < tageB.Count ? tageB[j].Tage : int.MaxValue);
            long d1 = 0, c1 = 0, d2 = 0, c2 = 0;
            if (i < tageA.Count && tageA[i].Tage == t)
            {
                (d1, c1) = (tageA[i].Ereignisse, tageA[i++].Zensiert);
            }

            if (j < tageB.Count && tageB[j].Tage == t)
            {
                (d2, c2) = (tageB[j].Ereignisse, tageB[j++].Zensiert);
            }

            if (d1 + d2 > 0)
            {
                double n = n1 + n2, d = d1 + d2;
                erwartetA += d * n1 / n;
                if (n > 1)
                {
                    varianz += d * (n1 / n) * (n2 / n) * (n - d) / (n - 1);
                }

                beobachtetA += d1;
                beobachtetB += d2;
            }

            n1 -= d1 + c1;
            n2 -= d2 + c2;
        }

        var gesamt = beobachtetA + beobachtetB;
        double? statistik = varianz > 0 ? Math.Pow(beobachtetA - erwartetA, 2) / varianz : null;
        return new LogRankErgebnis(beobachtetA, erwartetA, beobachtetB, gesamt - erwartetA, varianz, statistik, statistik is { } s ? Erfc(Math.Sqrt(s / 2)) : null);
    }

    /// <summary>
    /// The complementary error function, Chebyshev fit with fractional error below 1.2·10⁻⁷ everywhere (Press, Teukolsky,
    /// Vetterling, Flannery: Numerical Recipes in C, 2nd ed., 1992, § 6.2, <c>erfcc</c>).
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        ReadOnlySpan<double> c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var polynom = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            polynom = c[i] + (t * polynom);
        }

        var ans = t * Math.Exp((-z * z) + polynom);
        return x >= 0 ? ans : 2.0 - ans;
    }
}

/// <summary>
/// The log-rank test's figures: observed and expected events per group, the variance, the χ² statistic (one degree of
/// freedom) and its p-value; statistic and p-value are null when there is nothing to compare (no event, or no variance).
/// </summary>
public sealed record LogRankErgebnis(long BeobachtetA, double ErwartetA, long BeobachtetB, double ErwartetB, double Varianz, double? Statistik, double? PWert);
