using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// Key figures per quarter from the process track (today 31.12.2025):
/// F1: Anfrage 10.1., Klärung 1.2., Assessment 5.4., Abschluss (Ziele erreicht) 1.8.
/// F2: Anfrage 20.1., Klärung 25.1., Verweisung 1.3.
/// F3: Anfrage 15.2., Klärung 20.2., Assessment 1.3., Ruhend 10.5., Assessment 20.8.
/// F4: Anfrage 2.4., Abbruch (Wegzug) 1.6., Wiederaufnahme 15.7., Assessment 20.7.
/// Q1: 3 new, 1 closed (Verweisung), open at the end 2 (both active). Q2: 1 new, 1 closed (Abbruch: Wegzug), open 2
/// (1 active, 1 paused). Q3: 1 reopened, 1 closed (Abschluss: Ziele erreicht), open 2 (both active). Q4: nothing, open 2.
/// </summary>
public sealed class KennzahlenSqlTests
{
    private static Ereignislog VierFaelle()
    {
        var log = new Ereignislog();
        log.Fall(D(2025, 1, 10))
            .Schritt(Spur.Prozess, "Aufnahme", null, "Anfrage", D(2025, 1, 10))
            .Schritt(Spur.Prozess, "Klaeren", "Anfrage", "Klaerung", D(2025, 2, 1))
            .Schritt(Spur.Prozess, "AssessmentBeginnen", "Klaerung", "Assessment", D(2025, 4, 5))
            .Schritt(Spur.Prozess, "Abschliessen", "Assessment", "Abschluss", D(2025, 8, 1), parameter: """{"abschlussgrund": "ZieleErreicht"}""");
        log.Fall(D(2025, 1, 20))
            .Schritt(Spur.Prozess, "Aufnahme", null, "Anfrage", D(2025, 1, 20))
            .Schritt(Spur.Prozess, "Klaeren", "Anfrage", "Klaerung", D(2025, 1, 25))
            .Schritt(Spur.Prozess, "Verweisen", "Klaerung", "Verweisung", D(2025, 3, 1));
        log.Fall(D(2025, 2, 15))
            .Schritt(Spur.Prozess, "Aufnahme", null, "Anfrage", D(2025, 2, 15), akteur: "fm.b")
            .Schritt(Spur.Prozess, "Klaeren", "Anfrage", "Klaerung", D(2025, 2, 20), akteur: "fm.b")
            .Schritt(Spur.Prozess, "AssessmentBeginnen", "Klaerung", "Assessment", D(2025, 3, 1), akteur: "fm.b")
            .Schritt(Spur.Prozess, "Ruhen", "Assessment", "Ruhend", D(2025, 5, 10), akteur: "fm.b")
            .Schritt(Spur.Prozess, "Fortsetzen", "Ruhend", "Assessment", D(2025, 8, 20), akteur: "fm.b");
        log.Fall(D(2025, 4, 2))
            .Schritt(Spur.Prozess, "Aufnahme", null, "Anfrage", D(2025, 4, 2), akteur: "fm.b")
            .Schritt(Spur.Prozess, "Abbrechen", "Anfrage", "Abbruch", D(2025, 6, 1), akteur: "fm.b", parameter: """{"abbruchgrund": "Wegzug"}""")
            .Schritt(Spur.Prozess, "Wiederaufnehmen", "Abbruch", "Wiederaufnahme", D(2025, 7, 15), akteur: "fm.c")
            .Schritt(Spur.Prozess, "AssessmentBeginnen", "Wiederaufnahme", "Assessment", D(2025, 7, 20), akteur: "fm.c");
        return log;
    }

    [Fact]
    public async Task KennzahlenAsync_WithAnotherKommuneOnTheInstallation_CountsOnlyTheOwnKommune()
    {
        // Issue 18 / ADR 0014: analyses never mix Kommunen. The neighbour's Fälle fall into the same quarters.
        var log = VierFaelle();
        foreach (var tag in new[] { 5, 6, 7 })
        {
            log.Fall(D(2025, 1, tag), mandant: "nachbarkreis")
                .Schritt(Spur.Prozess, "Aufnahme", null, "Anfrage", D(2025, 1, tag), akteur: "fm.nachbar")
                .Schritt(Spur.Prozess, "Abbrechen", "Anfrage", "Abbruch", D(2025, 5, tag), akteur: "fm.nachbar", parameter: """{"abbruchgrund": "Wegzug"}""");
        }

        await using var u = await AnalysenUmgebung.MitAsync(log);

        var k = await u.Handler(o =>
        {
            o.Mindestgroesse = 1;
            o.MindestzahlFallmanager = 1;
        }).KennzahlenAsync(AnalyseFilter.Keiner, default);

        k.Quartale.Select(q => (q.Quartal, q.Neu.Wert, q.Beendet.Wert, q.Offen.Wert)).ShouldBe(
        [
            ("2025-Q1", 3L, 1L, 2L),
            ("2025-Q2", 1L, 1L, 2L),
            ("2025-Q3", 0L, 1L, 2L),
            ("2025-Q4", 0L, 0L, 2L),
        ], "mixed in, the neighbour's three Fälle would count as new in Q1 and closed in Q2");
    }

    [Fact]
    public async Task KennzahlenAsync_PerQuarter_CountsNewClosedReopenedAndTheStockAtTheEnd()
    {
        await using var u = await AnalysenUmgebung.MitAsync(VierFaelle());

        var k = await u.Handler(o =>
        {
            o.Mindestgroesse = 1;
            o.MindestzahlFallmanager = 1;
        }).KennzahlenAsync(AnalyseFilter.Keiner, default);

        k.Quartale.Select(q => q.Quartal).ShouldBe(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
        k.Quartale.Select(q => (q.Neu.Wert, q.Wiederaufnahmen.Wert, q.Beendet.Wert, q.Aktiv.Wert, q.Ruhend.Wert, q.Offen.Wert)).ShouldBe(
        [
            (3L, 0L, 1L, 2L, 0L, 2L),
            (1L, 0L, 1L, 1L, 1L, 2L),
            (0L, 1L, 1L, 2L, 0L, 2L),
            (0L, 0L, 0L, 2L, 0L, 2L),
        ]);
        Grund(k.Quartale[0], "Verweisung").ShouldBe(1);
        Grund(k.Quartale[1], "Wegzug").ShouldBe(1);
        Grund(k.Quartale[2], "ZieleErreicht").ShouldBe(1);
        k.Quartale[0].Gruende.Where(g => g.Grund != "Verweisung").ShouldAllBe(g => g.Anzahl.Wert == 0);

        // Case managers with a process step in the quarter: Q1 fm.a and fm.b; Q3 fm.a (Abschluss), fm.b (Fortsetzen), fm.c.
        k.Quartale.Select(q => q.Vollzeitstellen).ShouldBe([2.0, 2.0, 3.0, null]);
        k.Quartale[0].FaelleJeVollzeitstelle.ShouldBe(1.0);
    }

    [Fact]
    public async Task KennzahlenAsync_WithAPeriod_ShowsOnlyItsQuartersButComputesTheStockFromTheStart()
    {
        await using var u = await AnalysenUmgebung.MitAsync(VierFaelle());

        var k = await u.Handler(o => o.Mindestgroesse = 1).KennzahlenAsync(new AnalyseFilter(Von: D(2025, 8, 1), Bis: D(2025, 8, 31)), default);

        k.Quartale.ShouldHaveSingleItem().Quartal.ShouldBe("2025-Q3");
        k.Quartale[0].Offen.Wert.ShouldBe(2);
    }

    [Fact]
    public async Task KennzahlenAsync_WithTheMinimumSize_WithholdsSmallFiguresAndEveryFigureThatWouldRevealThem()
    {
        await using var u = await AnalysenUmgebung.MitAsync(VierFaelle());

        var k = await u.Handler(o => o.Mindestgroesse = 2).KennzahlenAsync(AnalyseFilter.Keiner, default);

        var q1 = k.Quartale[0];
        q1.Beendet.Gesperrt.ShouldBeTrue();
        q1.Gruende.Single(g => g.Grund == "Verweisung").Anzahl.Gesperrt.ShouldBeTrue();
        // Offen(Q1) + Beendet(Q1) = Neu(Q1) + Wiederaufnahmen(Q1): with Beendet withheld another member must go too.
        new[] { q1.Offen, q1.Neu, q1.Wiederaufnahmen }.Count(z => z.Gesperrt).ShouldBeGreaterThanOrEqualTo(1);
        // Offen = Aktiv + Ruhend and every other relation keeps none or at least two withheld members.
        foreach (var q in k.Quartale)
        {
            new[] { q.Offen, q.Aktiv, q.Ruhend }.Count(z => z.Gesperrt).ShouldNotBe(1);
            q.Gruende.Select(g => g.Anzahl).Append(q.Beendet).Count(z => z.Gesperrt).ShouldNotBe(1);
        }
    }

    private static long? Grund(Application.Analysen.Ergebnisse.Quartalskennzahlen q, string grund) => q.Gruende.Single(g => g.Grund == grund).Anzahl.Wert;
}
