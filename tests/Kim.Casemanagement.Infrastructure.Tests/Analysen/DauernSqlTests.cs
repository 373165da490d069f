using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Domain.Common;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// Einreise → Integrationskurs begonnen, today 31.12.2025. Six Fälle: the course began 10, 20, 30 and 50 days after entry;
/// one was closed (Abbruch) 20 days after entry without a course; one entered 40 days ago and has none yet (open). One
/// Fall without an entry date is not observed. Kaplan-Meier by hand: S(10) = 5/6, S(20) = 2/3, S(30) = 4/9, S(50) = 0;
/// median 30 days; naive median of the four completed: 25 days.
/// </summary>
public sealed class DauernSqlTests
{
    private static Ereignislog SechsFaelle()
    {
        var log = new Ereignislog();
        var einreise = D(2025, 1, 1);
        foreach (var tage in new[] { 10, 20, 30, 50 })
        {
            log.Fall(einreise, einreise: einreise).Spur(Spur.Bildung, ("SprachstandFestgestellt", einreise), ("IntegrationskursEingestuft", einreise), ("IntegrationskursLaeuft", einreise.AddDays(tage)));
        }

        log.Fall(einreise, einreise: einreise).Spur(Spur.Bildung, ("SprachstandFestgestellt", einreise)).Prozessstand("Abbruch", einreise.AddDays(20));
        log.Fall(D(2025, 11, 21), einreise: D(2025, 11, 21)).Spur(Spur.Bildung, ("SprachstandFestgestellt", D(2025, 11, 21)));
        log.Fall(einreise).Spur(Spur.Bildung, ("IntegrationskursLaeuft", D(2025, 3, 1)));
        return log;
    }

    private static MeilensteinDefinition EinreiseIntegrationskurs() =>
        AnalysenStandards.Meilensteine().Single(m => m.Schluessel == "einreise-integrationskurs");

    [Fact]
    public async Task DauernAsync_WithOpenAndClosedFaelle_ReturnsEventsAndCensoredObservations()
    {
        await using var u = await AnalysenUmgebung.MitAsync(SechsFaelle());

        var beobachtungen = await u.Daten.DauernAsync(u.Abfrage(), EinreiseIntegrationskurs(), default);

        beobachtungen.ShouldBe(
        [
            new DauerBeobachtung(10, true, 1),
            new DauerBeobachtung(20, false, 1),
            new DauerBeobachtung(20, true, 1),
            new DauerBeobachtung(30, true, 1),
            new DauerBeobachtung(40, false, 1),
            new DauerBeobachtung(50, true, 1),
        ]);
    }

    [Fact]
    public async Task DauernAsync_ThroughTheHandler_GivesTheKaplanMeierValuesComputedByHand()
    {
        await using var u = await AnalysenUmgebung.MitAsync(SechsFaelle());

        var analyse = await u.Handler(o =>
        {
            o.Mindestgroesse = 2;
            o.KurvenIntervallTage = 10;
        }).DauernAsync(AnalyseFilter.Keiner, "einreise-integrationskurs", default);

        var m = analyse.Meilensteine.ShouldHaveSingleItem();
        m.Faelle.Wert.ShouldBe(6);
        m.Erreicht.Wert.ShouldBe(4);
        m.Zensiert.Wert.ShouldBe(2);
        m.MedianKaplanMeierTage.ShouldBe(30);
        m.NaiverMedianTage.ShouldBe(25);
        m.Kurve.Select(p => (p.Tage, p.Ueberleben, p.UnterRisiko)).ShouldBe(
        [
            (0, 1.0, 6L), (10, Math.Round(5.0 / 6, 4), 6L), (20, Math.Round(2.0 / 3, 4), 5L), (30, Math.Round(4.0 / 9, 4), 3L), (40, Math.Round(4.0 / 9, 4), 2L),
        ]);
    }

    [Fact]
    public async Task DauernAsync_WithTheDefaultMinimumSize_WithholdsTheSmallCensoredGroupAndItsComplement()
    {
        await using var u = await AnalysenUmgebung.MitAsync(SechsFaelle());

        var analyse = await u.Handler().DauernAsync(AnalyseFilter.Keiner, "einreise-integrationskurs", default);

        var m = analyse.Meilensteine.ShouldHaveSingleItem();
        m.Faelle.Wert.ShouldBe(6);
        m.Zensiert.Gesperrt.ShouldBeTrue();
        m.Erreicht.Gesperrt.ShouldBeTrue();
        m.Kurve.ShouldBeEmpty();
        m.MedianKaplanMeierTage.ShouldBeNull();
    }

    [Fact]
    public async Task DauernAsync_FromAStateToAState_TakesTheFirstEndOnOrAfterTheStart()
    {
        var log = new Ereignislog();
        // Recognised 1.3.; SGB II granted 1.2. (before, e.g. another way) and again 11.4.: 41 days.
        log.Fall(D(2025, 1, 1))
            .Spur(Spur.Aufenthalt, ("Aufenthaltsgestattung", D(2025, 1, 1)), ("Schutzstatus", D(2025, 3, 1)))
            .Spur(Spur.Leistungen, ("Sgb2Bewilligt", D(2025, 2, 1)), ("ArbeitAufstockend", D(2025, 3, 10)), ("Sgb2Bewilligt", D(2025, 4, 11)));
        await using var u = await AnalysenUmgebung.MitAsync(log);

        var beobachtungen = await u.Daten.DauernAsync(u.Abfrage(), AnalysenStandards.Meilensteine().Single(m => m.Schluessel == "anerkennung-sgb2"), default);

        beobachtungen.ShouldBe([new DauerBeobachtung(41, true, 1)]);
    }
}
