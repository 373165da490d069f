using Kim.Casemanagement.Application.Analysen.Algorithmen;

namespace Kim.Casemanagement.Application.Tests.Analysen;

/// <summary>
/// The log-rank test and the confidence interval of the Kaplan-Meier median, checked against a small published example
/// worked by hand: the remission times (weeks) of 42 children with acute leukaemia, 21 on 6-mercaptopurine and 21 on
/// placebo (Freireich E. J. et al. (1963): The effect of 6-mercaptopurine on the duration of steroid-induced remissions in
/// acute leukemia. Blood 21 (6), 699-716; the standard teaching example in Kleinbaum D. G., Klein M. (2012): Survival
/// Analysis. A Self-Learning Text, 3rd ed., Springer, ch. 2, which reports the log-rank χ² = 16.79; also the data set
/// <c>gehan</c> of R's package MASS, for which <c>survdiff</c> gives χ² = 16.8, p = 4.17e-05 and <c>survfit</c> gives the
/// medians 23 (95 % CI 16 to NA) and 8 (4 to 12)).
/// </summary>
public sealed class LogRankTests
{
    /// <summary>6-MP: 9 relapses (events) and 12 censored remissions.</summary>
    private static readonly DauerBeobachtung[] Mp =
    [
        E(6), E(6), E(6), Z(6), E(7), Z(9), E(10), Z(10), Z(11), E(13), E(16), Z(17), Z(19), Z(20), E(22), E(23), Z(25), Z(32), Z(32), Z(34), Z(35),
    ];

    /// <summary>Placebo: 21 relapses, none censored.</summary>
    private static readonly DauerBeobachtung[] Placebo =
    [
        E(1), E(1), E(2), E(2), E(3), E(4), E(4), E(5), E(5), E(8), E(8), E(8), E(8), E(11), E(11), E(12), E(12), E(15), E(17), E(22), E(23),
    ];

    /// <summary>
    /// By hand, at each of the 17 distinct relapse times t: n₁, n₂ at risk (6-MP, placebo), d₁, d₂ relapses,
    /// E₁ = d·n₁/n, V = d·(n₁/n)·(n₂/n)·(n−d)/(n−1):
    /// <code>
    ///  t  n₁ n₂ d₁ d₂   E₁       V
    ///  1  21 21  0  2  1.0000  0.4878
    ///  2  21 19  0  2  1.0500  0.4860
    ///  3  21 17  0  1  0.5526  0.2472
    ///  4  21 16  0  2  1.1351  0.4772
    ///  5  21 14  0  2  1.2000  0.4659
    ///  6  21 12  3  0  1.9091  0.6508
    ///  7  17 12  1  0  0.5862  0.2426
    ///  8  16 12  0  4  2.2857  0.8707
    /// 10  15  8  1  0  0.6522  0.2268
    /// 11  13  8  0  2  1.2381  0.4481
    /// 12  12  6  0  2  1.3333  0.4183
    /// 13  12  4  1  0  0.7500  0.1875
    /// 15  11  4  0  1  0.7333  0.1956
    /// 16  11  3  1  0  0.7857  0.1684
    /// 17  10  3  0  1  0.7692  0.1775
    /// 22   7  2  1  1  1.5556  0.3025
    /// 23   6  1  1  1  1.7143  0.2041
    /// </code>
    /// O₁ = 9, E₁ = 19.2505, O₂ = 21, E₂ = 30 − 19.2505 = 10.7495, V = 6.2570; χ² = (9 − 19.2505)² / 6.2570 = 16.793;
    /// p = P(χ²₁ ≥ 16.793) = erfc(√(16.793/2)) = 4.169·10⁻⁵.
    /// </summary>
    [Fact]
    public void Testen_OnTheLeukaemiaRemissionData_GivesTheValuesComputedByHandAndPublished()
    {
        var lr = LogRank.Testen(Mp, Placebo);

        lr.BeobachtetA.ShouldBe(9);
        lr.BeobachtetB.ShouldBe(21);
        lr.ErwartetA.ShouldBe(19.2505, 0.0001);
        lr.ErwartetB.ShouldBe(10.7495, 0.0001);
        lr.Varianz.ShouldBe(6.2570, 0.0001);
        lr.Statistik!.Value.ShouldBe(16.793, 0.001);
        lr.PWert!.Value.ShouldBe(4.169e-5, 0.001e-5);
    }

    [Fact]
    public void Testen_IsSymmetricInTheGroups()
    {
        var ab = LogRank.Testen(Mp, Placebo);
        var ba = LogRank.Testen(Placebo, Mp);

        ba.Statistik!.Value.ShouldBe(ab.Statistik!.Value, 1e-12);
        ba.PWert!.Value.ShouldBe(ab.PWert!.Value, 1e-15);
        ba.BeobachtetA.ShouldBe(ab.BeobachtetB);
    }

    [Fact]
    public void Testen_OfTwoEqualGroups_IsZeroWithPOne_AndWithoutAnyEvent_IsNull()
    {
        var gleich = LogRank.Testen(Placebo, Placebo);
        gleich.Statistik!.Value.ShouldBe(0, 1e-12);
        gleich.PWert!.Value.ShouldBe(1, 1e-7);

        var ohne = LogRank.Testen([Z(5), Z(7)], [Z(3)]);
        ohne.Statistik.ShouldBeNull();
        ohne.PWert.ShouldBeNull();
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001222)]
    [InlineData(1.0, 0.1572992071)]
    [InlineData(2.0, 0.0046777350)]
    [InlineData(-1.0, 1.8427007929)]
    public void Erfc_MatchesTabulatedValues(double x, double erwartet) =>
        LogRank.Erfc(x).ShouldBe(erwartet, Math.Max(1.2e-7 * erwartet, 1e-9));

    /// <summary>
    /// By hand, Greenwood on the log scale (S·exp(±1.96·√Σ d/(n(n−d)))), at the event times of each group.
    /// 6-MP: t=6: S = 18/21 = 0.8571, Σ = 3/(21·18) = 0.00794, band 0.7198-1; t=7: 0.8067 (0.6531-0.9964); t=10: 0.7529
    /// (0.5859-0.9676); t=13: 0.6902 (0.5096-0.9348); t=16: 0.6275 (0.4394-0.8960) → lower band ≤ 0.5 first at 16; t=22:
    /// 0.5378; t=23: 0.4482 ≤ 0.5 → median 23, upper band 0.8074 never ≤ 0.5 → no upper limit. Placebo: S at 1, 2, 3, 4, 5,
    /// 8 = 0.9048, 0.8095, 0.7619, 0.6667, 0.5714, 0.3810 → median 8; lower band at 4 = 0.4927 ≤ 0.5 → lower limit 4;
    /// upper band at 11 = 0.5619, at 12 = 0.4600 → upper limit 12.
    /// </summary>
    [Fact]
    public void MedianKonfidenz_OnTheLeukaemiaRemissionData_GivesTheIntervalsComputedByHandAndPublished()
    {
        var mp = KaplanMeier.Schaetzen(Mp);
        var placebo = KaplanMeier.Schaetzen(Placebo);

        mp.Median.ShouldBe(23);
        KaplanMeier.MedianKonfidenz(mp).ShouldBe(((double?)16, (double?)null));
        placebo.Median.ShouldBe(8);
        KaplanMeier.MedianKonfidenz(placebo).ShouldBe(((double?)4, (double?)12));
    }

    private static DauerBeobachtung E(int wochen) => new(wochen, true, 1);

    private static DauerBeobachtung Z(int wochen) => new(wochen, false, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Testen_OnRandomGroups_EqualsTheTextbookSumsAskedPerEventDay(int saat)
    {
        var zufall = new Random(saat);
        List<DauerBeobachtung> Gruppe(int anzahl, int bis) =>
            [.. Enumerable.Range(0, anzahl).Select(_ => new DauerBeobachtung(zufall.Next(0, bis), zufall.Next(4) > 0, zufall.Next(1, 5)))];
        var a = Gruppe(600, 700);
        var b = Gruppe(450, 900);

        var ergebnis = LogRank.Testen(a, b);

        // The definition, day by day: at risk n = those with a duration ≥ t, events d on t.
        double erwartetA = 0, varianz = 0;
        long beobachtetA = 0;
        foreach (var t in a.Concat(b).Where(x => x.Ereignis).Select(x => x.Tage).Distinct().Order())
        {
            long n1 = a.Where(x => x.Tage >= t).Sum(x => x.Anzahl), n2 = b.Where(x => x.Tage >= t).Sum(x => x.Anzahl);
            long d1 = a.Where(x => x.Tage == t && x.Ereignis).Sum(x => x.Anzahl), d2 = b.Where(x => x.Tage == t && x.Ereignis).Sum(x => x.Anzahl);
            double n = n1 + n2, d = d1 + d2;
            erwartetA += d * n1 / n;
            varianz += n > 1 ? d * (n1 / n) * (n2 / n) * (n - d) / (n - 1) : 0;
            beobachtetA += d1;
        }

        ergebnis.BeobachtetA.ShouldBe(beobachtetA);
        ergebnis.ErwartetA.ShouldBe(erwartetA, 1e-9);
        ergebnis.Varianz.ShouldBe(varianz, 1e-9);
        ergebnis.Statistik!.Value.ShouldBe(Math.Pow(beobachtetA - erwartetA, 2) / varianz, 1e-9);
    }
}
