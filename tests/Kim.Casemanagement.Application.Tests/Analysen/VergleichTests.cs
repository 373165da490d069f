using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Tests.Analysen;

/// <summary>
/// The before/after comparison (<see cref="AnalysenHandler.VergleichAsync"/>): both selections pass the selection check
/// and are suppressed alike; medians, their intervals, differences and the log-rank test only where both are published.
/// Selection A is the one whose period starts in 2024, B the one starting in 2025 (minimum group size 5).
/// </summary>
public sealed class VergleichTests
{
    private static readonly AnalyseFilter A = new(Von: new DateOnly(2024, 1, 1), Bis: new DateOnly(2024, 12, 31));
    private static readonly AnalyseFilter B = new(Von: new DateOnly(2025, 1, 1), Bis: new DateOnly(2025, 12, 31));

    /// <summary>Fifteen Fälle: ten reached the milestone (after 10..100 days), five censored (each count at least k, so all are published).</summary>
    private static readonly DauerBeobachtung[] Zehn =
        [.. Enumerable.Range(1, 10).Select(i => new DauerBeobachtung(10 * i, true, 1)), new(35, false, 1), new(55, false, 1), new(90, false, 1), new(120, false, 2)];

    /// <summary>Fifteen Fälle, faster: ten reached it after 5..50 days, five censored.</summary>
    private static readonly DauerBeobachtung[] ZehnSchneller =
        [.. Enumerable.Range(1, 10).Select(i => new DauerBeobachtung(5 * i, true, 1)), new(12, false, 1), new(60, false, 4)];

    private static bool IstA(AnalyseAbfrage a) => a.Filter.Von!.Value.Year == 2024;

    [Fact]
    public async Task VergleichAsync_WhenBothArePublished_GivesMediansWithIntervals_TheirDifference_AndTheLogRankTestOfTheRawDurations()
    {
        var daten = new FakeDaten { PopulationJeAbfrage = _ => new Population(15, []), DauernJeAbfrage = a => IstA(a) ? Zehn : ZehnSchneller };

        var v = await Handler.Erstellen(daten).VergleichAsync(A, B, "vorher", "nachher", AnalysenHandler.VergleichsErlaeuterung, default);

        v.Gesperrt.ShouldBeFalse();
        v.Dauern.ShouldNotBeEmpty();
        var d = v.Dauern[0];
        var kmA = KaplanMeier.Schaetzen(Zehn);
        var kmB = KaplanMeier.Schaetzen(ZehnSchneller);
        d.A.MedianKaplanMeierTage.ShouldBe(kmA.Median);
        d.B.MedianKaplanMeierTage.ShouldBe(kmB.Median);
        d.MedianDifferenzTage.ShouldBe(kmB.Median - kmA.Median);
        d.MedianA.ShouldBe(new Kim.Casemanagement.Application.Analysen.Ergebnisse.Konfidenzintervall(KaplanMeier.MedianKonfidenz(kmA).Unten, KaplanMeier.MedianKonfidenz(kmA).Oben));
        var lr = LogRank.Testen(Zehn, ZehnSchneller);
        d.LogRank.ShouldNotBeNull();
        d.LogRank.Statistik.ShouldBe(Math.Round(lr.Statistik!.Value, 2));
        d.LogRank.PWert.ShouldBe(lr.PWert!.Value);
        d.LogRank.BeobachtetA.ShouldBe(10);
        d.LogRank.BeobachtetB.ShouldBe(10);
        d.LogRank.Aussage.ShouldContain("p = ");
        v.Erlaeuterung.ShouldContain("nicht, dass die Entscheidung den Unterschied bewirkt hat");
    }

    [Fact]
    public async Task VergleichAsync_WhenOneSelectionHasFewerFaelleThanTheMinimum_ShowsNothingOfEither()
    {
        var daten = new FakeDaten { PopulationJeAbfrage = a => new Population(IstA(a) ? 40 : 4, []), DauernJeAbfrage = a => IstA(a) ? Zehn : ZehnSchneller };

        var v = await Handler.Erstellen(daten).VergleichAsync(A, B, "vorher", "nachher", AnalysenHandler.VergleichsErlaeuterung, default);

        v.Gesperrt.ShouldBeTrue();
        v.Hinweis!.ShouldStartWith("nachher: ");
        v.Hinweis.ShouldContain("weniger als 5");
        v.Dauern.ShouldBeEmpty();
        v.Konformitaet.ShouldBeEmpty();
        v.VariantenA.Varianten.ShouldBeEmpty();
        v.VariantenB.Varianten.ShouldBeEmpty();
        daten.Aufrufe.ShouldNotContain(nameof(FakeDaten.DauernAsync));
    }

    [Fact]
    public async Task VergleichAsync_WhenASelectionDiffersFromItselfWithoutAFilterByFewerThanK_ShowsNothing()
    {
        // B without one of its cohort filters would have 2 Fälle more: the two would be revealed by difference.
        var daten = new FakeDaten { PopulationJeAbfrage = a => IstA(a) ? new Population(40, [40]) : new Population(20, [22]) };

        var v = await Handler.Erstellen(daten).VergleichAsync(A, B with { ZieldimensionI = true }, "vorher", "nachher", AnalysenHandler.VergleichsErlaeuterung, default);

        v.Gesperrt.ShouldBeTrue();
        v.Hinweis!.ShouldContain("unterscheidet sich um weniger als 5");
        v.Dauern.ShouldBeEmpty();
    }

    [Fact]
    public async Task VergleichAsync_WhenFewerThanKReachedTheMilestoneInOneSelection_WithholdsItsMedianInterval_TheDifferenceAndTheTest()
    {
        // B: eight Fälle, only three reached the milestone.
        DauerBeobachtung[] wenige = [new(5, true, 1), new(10, true, 1), new(15, true, 1), new(20, false, 1), new(30, false, 1), new(40, false, 1), new(50, false, 1), new(60, false, 1)];
        var daten = new FakeDaten { PopulationJeAbfrage = _ => new Population(15, []), DauernJeAbfrage = a => IstA(a) ? Zehn : wenige };

        var v = await Handler.Erstellen(daten).VergleichAsync(A, B, "vorher", "nachher", AnalysenHandler.VergleichsErlaeuterung, default);

        v.Gesperrt.ShouldBeFalse();
        foreach (var d in v.Dauern)
        {
            d.A.MedianKaplanMeierTage.ShouldNotBeNull();
            d.MedianA.ShouldNotBeNull();
            d.B.MedianKaplanMeierTage.ShouldBeNull();
            d.B.Kurve.ShouldBeEmpty();
            d.B.Erreicht.Gesperrt.ShouldBeTrue();
            d.MedianB.ShouldBeNull();
            d.MedianDifferenzTage.ShouldBeNull();
            d.LogRank.ShouldBeNull();
        }
    }

    [Fact]
    public async Task VergleichAsync_OfSelectionsSharingAFall_ShowsNothing_AndSaysWhy()
    {
        var daten = new FakeDaten { PopulationJeAbfrage = _ => new Population(15, []), DauernJeAbfrage = _ => Zehn, Ueberschneidung = true };

        var v = await Handler.Erstellen(daten).AuswahlenVergleichenAsync(A, B, default);

        v.Gesperrt.ShouldBeTrue();
        v.Hinweis.ShouldBe(AnalysenHandler.UeberschneidungsHinweis);
        v.Dauern.ShouldBeEmpty();
        v.Konformitaet.ShouldBeEmpty();
        v.VariantenA.Varianten.ShouldBeEmpty();
        v.VariantenB.Varianten.ShouldBeEmpty();
        daten.Aufrufe.ShouldNotContain(nameof(FakeDaten.DauernAsync), "nothing of either group is computed");

        daten.Ueberschneidung = false;
        (await Handler.Erstellen(daten).AuswahlenVergleichenAsync(A, B, default)).Gesperrt.ShouldBeFalse("the positive control: separate groups are compared");
    }

    [Fact]
    public async Task VergleichAsync_ForAnotherRole_IsForbiddenBeforeAnyQuery()
    {
        var daten = new FakeDaten();

        await Should.ThrowAsync<ZugriffVerweigertException>(() => Handler.Erstellen(daten, new FakeBenutzer(Rolle.Fallmanagement)).VergleichAsync(A, B, "vorher", "nachher", AnalysenHandler.VergleichsErlaeuterung, default));

        daten.Aufrufe.ShouldBeEmpty();
    }
}
