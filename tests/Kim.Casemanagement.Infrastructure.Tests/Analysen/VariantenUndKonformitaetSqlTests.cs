using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

public sealed class VariantenUndKonformitaetSqlTests
{
    [Fact]
    public async Task VariantenAsync_OnTheBildungLog_GivesPathsCountsAndMedianThroughput()
    {
        await using var u = await AnalysenUmgebung.MitAsync(ProzesslandkarteSqlTests.Bildungslog());

        var v = await u.Daten.VariantenAsync(u.Abfrage(), Spur.Bildung, 10, default);

        v.Anzahl.ShouldBe(5);
        v.Faelle.ShouldBe(5);
        v.Varianten.ShouldBe(4);
        Vergleich.Zeilen(v).ShouldBe(
        [
            "S 5 5 4",
            "V Erstberatung>SprachstandFestgestellt>IntegrationskursBerechtigt 2 2 35",
            "V Erstberatung>SprachstandFestgestellt 1 1 30",
            "V Erstberatung>SprachstandFestgestellt>Alphabetisierungskurs>SprachstandFestgestellt 1 1 160",
            "V SprachstandFestgestellt>IntegrationskursBerechtigt 1 1 10",
        ]);
    }

    [Fact]
    public async Task VariantenAsync_ThroughTheHandler_GivesSharesAndCollectsTheRareOnes()
    {
        var log = new Ereignislog();
        for (var i = 0; i < 6; i++)
        {
            log.Fall(D(2025, 1, 1)).Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 1 + i)), ("Assessment", D(2025, 2, 1)));
        }

        for (var i = 0; i < 5; i++)
        {
            log.Fall(D(2025, 1, 1)).Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 10)), ("Verweisung", D(2025, 1, 20)));
        }

        log.Fall(D(2025, 1, 1)).Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Abbruch", D(2025, 1, 3)));
        log.Fall(D(2025, 1, 1)).Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 3)), ("Ruhend", D(2025, 2, 3)));
        await using var u = await AnalysenUmgebung.MitAsync(log);

        var v = await u.Handler().VariantenAsync(AnalyseFilter.Keiner, Spur.Prozess, default);

        // 6 + 5 listed would leave 2 rare traces: a small group. The 5 join them, so "sonstige" is 7.
        v.Verlaeufe.ShouldBe(13);
        v.Varianten.Select(x => (x.Rang, string.Join('>', x.Zustaende), x.Verlaeufe, x.Anteil)).ShouldBe([(1, "Anfrage>Klaerung>Assessment", 6L, Math.Round(6.0 / 13, 4))]);
        v.Varianten[0].MedianDurchlaufzeitTage.ShouldBe(31);
        v.Varianten[0].Bezeichnungen[1].ShouldNotBe("Klaerung", "German labels");
        v.Sonstige.Verlaeufe.ShouldBe(7);
        v.Sonstige.Gesperrt.ShouldBeFalse();
    }

    [Fact]
    public async Task KonformitaetAsync_OnProcessTraces_GivesTheShareThatFollowsTheIdealFlowAndTheDeviations()
    {
        var log = new Ereignislog();
        for (var i = 0; i < 4; i++)
        {
            log.Fall(D(2025, 1, 1)).Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 5)), ("Assessment", D(2025, 2, 1)), ("Hilfeplanung", D(2025, 3, 1)));
        }

        log.Fall(D(2025, 1, 1)).Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 5)), ("Assessment", D(2025, 2, 1)), ("Ruhend", D(2025, 3, 1)), ("Assessment", D(2025, 5, 1)));
        log.Fall(D(2025, 1, 1)).Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Abbruch", D(2025, 1, 20)));
        await using var u = await AnalysenUmgebung.MitAsync(log);
        var soll = AnalysenStandards.Idealverlauf(Spur.Prozess).Kanten().Select(k => new SollKante(Spur.Prozess, k.Von, k.Nach)).ToList();

        var k = await u.Daten.KonformitaetAsync(u.Abfrage(), soll, [Spur.Prozess, Spur.Bildung], default);

        k.Anteile.ShouldContain(new KonformitaetRoh(Spur.Prozess, 6, 4));
        k.Anteile.ShouldContain(new KonformitaetRoh(null, 6, 4));
        Vergleich.Zeilen(k).ShouldBe(Vergleich.Zeilen(Ereignisfolgen.Konformitaet(log.AlsAnalyseEreignisse(), soll, [Spur.Prozess, Spur.Bildung])));
        k.Abweichungen.Select(a => $"{a.Von}>{a.Nach}").Order().ShouldBe(["Anfrage>Abbruch", "Assessment>Ruhend", "Ruhend>Assessment"]);
    }

    [Fact]
    public async Task AbweichungenAsync_ThroughTheHandler_GivesShareDeviationsAndBottlenecksPerAuthority()
    {
        var log = new Ereignislog();
        for (var i = 0; i < 6; i++)
        {
            var f = log.Fall(D(2025, 1, 1));
            f.Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 5)));
            // Bildung: 6 wait 40 + i days after the Einstufung until the course starts.
            f.Spur(Spur.Bildung, ("IntegrationskursEingestuft", D(2025, 1, 1)), ("IntegrationskursLaeuft", D(2025, 2, 10 + i)));
        }

        for (var i = 0; i < 5; i++)
        {
            var f = log.Fall(D(2025, 1, 1));
            f.Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Ruhend", D(2025, 1, 9)));
            f.Spur(Spur.Leistungen, ("Sgb2Beantragt", D(2025, 3, 1)));
        }

        await using var u = await AnalysenUmgebung.MitAsync(log);

        var a = await u.Handler().AbweichungenAsync(AnalyseFilter.Keiner, default);

        var prozess = a.Anteile.Single(x => x.Spur == Spur.Prozess);
        prozess.Faelle.Wert.ShouldBe(11);
        prozess.Konform.Wert.ShouldBe(6);
        prozess.Abweichend.Wert.ShouldBe(5);
        prozess.Anteil.ShouldBe(Math.Round(6.0 / 11, 4));
        a.Abweichungen.ShouldHaveSingleItem().Nach.ShouldBe("Ruhend");
        a.Abweichungen[0].Faelle.ShouldBe(5);

        var warten = a.Engpaesse.Single(e => e.Zustaendig == "Bildungsberatung" && !e.NochWartend);
        warten.Zustand.ShouldBe("IntegrationskursEingestuft");
        warten.Faelle.ShouldBe(6);
        warten.MedianTage.ShouldBe(42.5);
        var jobcenter = a.Engpaesse.Single(e => e.Zustaendig == "Jobcenter");
        jobcenter.NochWartend.ShouldBeTrue();
        jobcenter.Zustand.ShouldBe("Sgb2Beantragt");
        jobcenter.MedianTage.ShouldBe(305, "1.3. to 31.12.");
        var fallmanagement = a.Engpaesse.Where(e => e.Zustaendig == "Fallmanagement (KIM)").ToList();
        fallmanagement.Select(e => (e.Zustand, e.Nach, e.NochWartend, e.Faelle, e.MedianTage)).ShouldBe(
        [
            ("Klaerung", null, true, 6L, 360.0),
            ("Anfrage", "Ruhend", false, 5L, 8.0),
            ("Anfrage", "Klaerung", false, 6L, 4.0),
        ]);
        a.Definition.ShouldContain("Idealverlauf");
    }
}
