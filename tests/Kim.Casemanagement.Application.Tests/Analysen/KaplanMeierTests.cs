using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;

namespace Kim.Casemanagement.Application.Tests.Analysen;

/// <summary>
/// Kaplan-Meier by hand. Six Fälle: reached after 10, 20, 30 and 50 days; censored (still open, or closed) after 20 and
/// 40 days. Table: t=10: n=6, d=1 → S = 5/6; t=20: n=5, d=1 (the one censored at 20 still counts at risk) → S = 5/6 · 4/5
/// = 2/3; t=30: n=3, d=1 → S = 2/3 · 2/3 = 4/9; t=40: censored only; t=50: n=1, d=1 → S = 0. Median: first S ≤ 0.5 at 30.
/// The naive median of the four completed durations (10, 20, 30, 50) is 25: too short, because it ignores the open ones.
/// </summary>
public sealed class KaplanMeierTests
{
    private static readonly DauerBeobachtung[] SechsFaelle =
    [
        new(10, true, 1), new(20, true, 1), new(20, false, 1), new(30, true, 1), new(40, false, 1), new(50, true, 1),
    ];

    [Fact]
    public void Schaetzen_WhenSomeFaelleAreCensored_GivesTheProductLimitValuesComputedByHand()
    {
        var km = KaplanMeier.Schaetzen(SechsFaelle);

        km.Stufen.Select(s => s.Tage).ShouldBe([10, 20, 30, 40, 50]);
        km.Stufen.Select(s => s.UnterRisiko).ShouldBe([6L, 5L, 3L, 2L, 1L]);
        km.Stufen.Select(s => s.Ereignisse).ShouldBe([1L, 1L, 1L, 0L, 1L]);
        km.Stufen.Select(s => s.Zensiert).ShouldBe([0L, 1L, 0L, 1L, 0L]);
        km.Stufen[0].Ueberleben.ShouldBe(5.0 / 6, 1e-12);
        km.Stufen[1].Ueberleben.ShouldBe(2.0 / 3, 1e-12);
        km.Stufen[2].Ueberleben.ShouldBe(4.0 / 9, 1e-12);
        km.Stufen[3].Ueberleben.ShouldBe(4.0 / 9, 1e-12);
        km.Stufen[4].Ueberleben.ShouldBe(0.0, 1e-12);
        km.Beobachtungen.ShouldBe(6);
        km.Ereignisse.ShouldBe(4);
        km.Zensiert.ShouldBe(2);
    }

    [Fact]
    public void Schaetzen_WhenSomeFaelleAreCensored_PutsTheMedianAboveTheNaiveMedian()
    {
        var km = KaplanMeier.Schaetzen(SechsFaelle);

        km.Median.ShouldBe(30);
        km.NaiverMedian.ShouldBe(25);
    }

    [Fact]
    public void Ueberleben_BetweenSteps_KeepsTheValueOfTheLastStep()
    {
        var km = KaplanMeier.Schaetzen(SechsFaelle);

        km.Ueberleben(0).ShouldBe(1.0);
        km.Ueberleben(9).ShouldBe(1.0);
        km.Ueberleben(10).ShouldBe(5.0 / 6, 1e-12);
        km.Ueberleben(29).ShouldBe(2.0 / 3, 1e-12);
        km.UnterRisiko(0).ShouldBe(6);
        km.UnterRisiko(21).ShouldBe(3);
        km.UnterRisiko(51).ShouldBe(0);
    }

    [Fact]
    public void Schaetzen_WhenTiedEventsMeetExactlyOneHalf_TakesThatTimeAsMedian()
    {
        // 4 Fälle: two reach the milestone on day 7 → S = 1 - 2/4 = 0.5 exactly.
        var km = KaplanMeier.Schaetzen([new DauerBeobachtung(7, true, 2), new DauerBeobachtung(12, false, 2)]);

        km.Median.ShouldBe(7);
        km.Stufen[0].Ueberleben.ShouldBe(0.5);
    }

    [Fact]
    public void Schaetzen_WhenFewerThanHalfReachTheMilestone_HasNoMedian()
    {
        var km = KaplanMeier.Schaetzen([new DauerBeobachtung(5, true, 1), new DauerBeobachtung(30, false, 3)]);

        km.Median.ShouldBeNull();
        km.NaiverMedian.ShouldBe(5);
        km.Ueberleben(100).ShouldBe(0.75, 1e-12);
    }

    [Fact]
    public void Schaetzen_WhenNobodyIsObserved_IsEmpty()
    {
        var km = KaplanMeier.Schaetzen([]);

        km.Stufen.ShouldBeEmpty();
        km.Median.ShouldBeNull();
        km.NaiverMedian.ShouldBeNull();
        km.Ueberleben(10).ShouldBe(1.0);
    }

    [Fact]
    public void DauerSperren_WhenNothingIsSuppressed_PublishesTheCurveInStepsWhileEnoughAreUnderObservation()
    {
        var m = new MeilensteinDefinition { Schluessel = "test", Bezeichnung = "Test" };

        var dauer = AnalysenHandler.DauerSperren(m, KaplanMeier.Schaetzen(SechsFaelle), mindestgroesse: 2, intervallTage: 10);

        dauer.Faelle.Wert.ShouldBe(6);
        dauer.Erreicht.Wert.ShouldBe(4);
        dauer.Zensiert.Wert.ShouldBe(2);
        dauer.MedianKaplanMeierTage.ShouldBe(30);
        dauer.NaiverMedianTage.ShouldBe(25);
        dauer.Kurve.Select(p => p.Tage).ShouldBe([0, 10, 20, 30, 40]);
        dauer.Kurve.Select(p => p.Ueberleben).ShouldBe([1.0, 0.8333, 0.6667, 0.4444, 0.4444]);
        dauer.Kurve.Select(p => p.UnterRisiko).ShouldBe([6L, 6L, 5L, 3L, 2L]);
    }

    [Fact]
    public void DauerSperren_WhenTheCensoredGroupIsTooSmall_WithholdsItTheReachedByDifferenceAndTheCurve()
    {
        var m = new MeilensteinDefinition { Schluessel = "test", Bezeichnung = "Test" };

        // Minimum 3: censored (2) is primary; 6 = 4 + 2 would give it away, so "reached" is withheld too.
        var dauer = AnalysenHandler.DauerSperren(m, KaplanMeier.Schaetzen(SechsFaelle), mindestgroesse: 3, intervallTage: 10);

        dauer.Faelle.Wert.ShouldBe(6);
        dauer.Zensiert.Gesperrt.ShouldBeTrue();
        dauer.Erreicht.Gesperrt.ShouldBeTrue();
        dauer.Kurve.ShouldBeEmpty();
        dauer.MedianKaplanMeierTage.ShouldBeNull();
        dauer.NaiverMedianTage.ShouldBeNull();
    }

    [Fact]
    public void Raster_ByHand_IsTheCurveAtEachGridPoint_WhileEnoughAreAtRisk()
    {
        var km = KaplanMeier.Schaetzen(SechsFaelle);

        // Every 10 days: at 10 and 20 the step on that day counts for S, not for those at risk (duration ≥ t).
        Gleich(km.Raster(10, 1), [(0, 1.0, 6L), (10, 5.0 / 6, 6L), (20, 2.0 / 3, 5L), (30, 4.0 / 9, 3L), (40, 4.0 / 9, 2L), (50, 0.0, 1L)]);
        km.Raster(10, 3).Select(p => p.Tage).ShouldBe([0, 10, 20, 30], "at 40 only two are left");
        Gleich(km.Raster(25, 1), [(0, 1.0, 6L), (25, 2.0 / 3, 3L), (50, 0.0, 1L)]);

        static void Gleich(IReadOnlyList<(int Tage, double Ueberleben, long UnterRisiko)> ist, (int Tage, double Ueberleben, long UnterRisiko)[] soll)
        {
            ist.Select(p => (p.Tage, p.UnterRisiko)).ShouldBe(soll.Select(p => (p.Tage, p.UnterRisiko)));
            for (var i = 0; i < soll.Length; i++)
            {
                ist[i].Ueberleben.ShouldBe(soll[i].Ueberleben, 1e-12);
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 5)]
    [InlineData(30, 2)]
    public void Raster_OnRandomDurations_EqualsUeberlebenAndUnterRisikoAskedPerPoint(int intervall, int mindestens)
    {
        var zufall = new Random(intervall * 31 + mindestens);
        var beobachtungen = Enumerable.Range(0, 400).Select(_ => new DauerBeobachtung(zufall.Next(0, 900), zufall.Next(3) > 0, zufall.Next(1, 4))).ToList();
        var km = KaplanMeier.Schaetzen(beobachtungen);

        var erwartet = new List<(int, double, long)>();
        for (var t = 0; km.UnterRisiko(t) >= mindestens; t += intervall)
        {
            erwartet.Add((t, km.Ueberleben(t), km.UnterRisiko(t)));
        }

        erwartet.Count.ShouldBeGreaterThan(10);
        km.Raster(intervall, mindestens).ShouldBe(erwartet);
    }
}
