using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// The process map in SQL on a hand-made Bildung log with known answers:
/// A: Erstberatung 1.1. → Sprachstand 11.1. (10 d) → IK berechtigt 10.2. (30 d)
/// B: Erstberatung 1.1. → Sprachstand 21.1. (20 d) → IK berechtigt 31.1. (10 d)
/// C: Erstberatung 1.1. → Sprachstand 31.1. (30 d)                       [case closed]
/// D: Erstberatung 1.1. → Sprachstand 10.2. (40 d) → Alphabetisierung 12.3. (30 d) → Sprachstand 10.6. (90 d)
/// E: Sprachstand 5.1. (intake) → IK berechtigt 15.1. (10 d)
/// </summary>
public sealed class ProzesslandkarteSqlTests
{
    internal static Ereignislog Bildungslog()
    {
        var log = new Ereignislog();
        log.Fall(D(2025, 1, 1)).Spur(Spur.Bildung, ("Erstberatung", D(2025, 1, 1)), ("SprachstandFestgestellt", D(2025, 1, 11)), ("IntegrationskursBerechtigt", D(2025, 2, 10)));
        log.Fall(D(2025, 1, 1)).Spur(Spur.Bildung, ("Erstberatung", D(2025, 1, 1)), ("SprachstandFestgestellt", D(2025, 1, 21)), ("IntegrationskursBerechtigt", D(2025, 1, 31)));
        log.Fall(D(2025, 1, 1)).Spur(Spur.Bildung, ("Erstberatung", D(2025, 1, 1)), ("SprachstandFestgestellt", D(2025, 1, 31))).Prozessstand("Abschluss", D(2025, 5, 1));
        log.Fall(D(2025, 1, 1)).Spur(Spur.Bildung, ("Erstberatung", D(2025, 1, 1)), ("SprachstandFestgestellt", D(2025, 2, 10)), ("Alphabetisierungskurs", D(2025, 3, 12)), ("SprachstandFestgestellt", D(2025, 6, 10)));
        log.Fall(D(2025, 1, 5)).Spur(Spur.Bildung, ("SprachstandFestgestellt", D(2025, 1, 5)), ("IntegrationskursBerechtigt", D(2025, 1, 15)));
        return log;
    }

    [Fact]
    public async Task LandkarteAsync_OnOneTrack_CountsEntriesStepsAndDurationsAsComputedByHand()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Bildungslog());

        var karte = await u.Daten.LandkarteAsync(u.Abfrage(), Spur.Bildung, spuruebergreifend: false, default);

        var sprachstand = karte.Knoten.Single(k => k.Zustand == "SprachstandFestgestellt");
        sprachstand.Anzahl.ShouldBe(6);
        sprachstand.Faelle.ShouldBe(5);
        sprachstand.Starts.ShouldBe(1);
        sprachstand.MedianTage.ShouldBe(20);
        sprachstand.P80Tage.ShouldBe(30);
        karte.Knoten.Single(k => k.Zustand == "Erstberatung").Starts.ShouldBe(4);

        var erst = Kante(karte, "Erstberatung", "SprachstandFestgestellt");
        erst.Anzahl.ShouldBe(4);
        erst.Faelle.ShouldBe(4);
        erst.MedianTage.ShouldBe(25);
        erst.P80Tage.ShouldBe(34);

        var ik = Kante(karte, "SprachstandFestgestellt", "IntegrationskursBerechtigt");
        ik.Anzahl.ShouldBe(3);
        ik.MedianTage.ShouldBe(10);
        ik.P80Tage.ShouldBe(22);
        Kante(karte, "SprachstandFestgestellt", "Alphabetisierungskurs").MedianTage.ShouldBe(30);
        Kante(karte, "Alphabetisierungskurs", "SprachstandFestgestellt").MedianTage.ShouldBe(90);

        var ende = Kante(karte, "SprachstandFestgestellt", null);
        ende.Anzahl.ShouldBe(2);
        ende.MedianTage.ShouldBeNull();
        ende.Offen.ShouldBe(1, "C is closed; only D still waits");
        ende.OffenMedianTage.ShouldBe(204, "10.6. to 31.12.");
        Kante(karte, "IntegrationskursBerechtigt", null).Anzahl.ShouldBe(3);

        karte.Summen.ShouldHaveSingleItem().ShouldBe(new VerlaufSummeRoh(Spur.Bildung, 5, 5));
    }

    [Fact]
    public async Task LandkarteAsync_OnEveryMapKind_ReturnsExactlyWhatTheReferenceAlgorithmReturns()
    {
        var log = Bildungslog();
        var fall = log.Fall(D(2025, 2, 1));
        fall.Spur(Spur.Aufenthalt, ("Aufenthaltsgestattung", D(2025, 1, 1)), ("Schutzstatus", D(2025, 3, 1)));
        fall.Spur(Spur.Leistungen, ("AsylbLG", D(2025, 1, 1)), ("RechtskreiswechselFaellig", D(2025, 3, 1)), ("Sgb2Beantragt", D(2025, 3, 15)));
        fall.Ueberleitung("Jobcenter", ("Angefragt", D(2025, 3, 2)), ("Angenommen", D(2025, 3, 20)));
        fall.Ueberleitung("Jobcenter", ("Angefragt", D(2025, 4, 2)));
        await using var u = await AnalysenUmgebung.MitAsync(log);
        var ereignisse = log.AlsAnalyseEreignisse();

        foreach (var (spur, ueber) in new (Spur?, bool)[] { (Spur.Bildung, false), (Spur.Ueberleitung, false), (null, false), (null, true) })
        {
            var sql = await u.Daten.LandkarteAsync(u.Abfrage(), spur, ueber, default);
            var referenz = Ereignisfolgen.Landkarte(ereignisse, spur, ueber, AnalysenUmgebung.Heute, log.IstOffen);

            Vergleich.Zeilen(sql).ShouldBe(Vergleich.Zeilen(referenz), $"spur={spur}, spurübergreifend={ueber}");
        }
    }

    [Fact]
    public async Task LandkarteAsync_ForReferrals_QualifiesTheStatesByTheReceivingAuthority()
    {
        var log = new Ereignislog();
        log.Fall(D(2025, 1, 1)).Ueberleitung("Jobcenter", ("Angefragt", D(2025, 2, 1)), ("Angenommen", D(2025, 2, 11)))
            .Ueberleitung("Auslaenderbehoerde", ("Angefragt", D(2025, 2, 1)));
        await using var u = await AnalysenUmgebung.MitAsync(log);

        var karte = await u.Daten.LandkarteAsync(u.Abfrage(), Spur.Ueberleitung, spuruebergreifend: false, default);

        karte.Knoten.Select(k => k.Schluessel).Order().ShouldBe(
            ["Ueberleitung:Auslaenderbehoerde:Angefragt", "Ueberleitung:Jobcenter:Angefragt", "Ueberleitung:Jobcenter:Angenommen"]);
        karte.Summen.ShouldHaveSingleItem().ShouldBe(new VerlaufSummeRoh(Spur.Ueberleitung, 2, 1), "two referrals of one Fall");
    }

    [Fact]
    public async Task LandkarteAsync_OnlySeesTheCallersTenant()
    {
        var log = Bildungslog();
        log.Fall(D(2025, 1, 1), mandant: "Nachbarstadt").Spur(Spur.Bildung, ("Erstberatung", D(2025, 1, 1)));
        await using var u = await AnalysenUmgebung.MitAsync(log);

        var karte = await u.Daten.LandkarteAsync(u.Abfrage(), Spur.Bildung, spuruebergreifend: false, default);

        karte.Knoten.Single(k => k.Zustand == "Erstberatung").Anzahl.ShouldBe(4);
    }

    private static KanteRoh Kante(LandkartenRohdaten karte, string von, string? nach) =>
        karte.Kanten.Single(k => k.Von == von && k.Nach == nach);
}
