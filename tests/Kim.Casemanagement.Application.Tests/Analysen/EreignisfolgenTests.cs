using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using static Kim.Casemanagement.Application.Tests.Analysen.Ereignisse;

namespace Kim.Casemanagement.Application.Tests.Analysen;

/// <summary>
/// The reference algorithms on a hand-made Bildung log (the SQL is tested against the same log and these algorithms):
/// A: Erstberatung 1.1. → Sprachstand 11.1. (10 d) → IK berechtigt 10.2. (30 d)
/// B: Erstberatung 1.1. → Sprachstand 21.1. (20 d) → IK berechtigt 31.1. (10 d)
/// C: Erstberatung 1.1. → Sprachstand 31.1. (30 d)                       [Fall closed]
/// D: Erstberatung 1.1. → Sprachstand 10.2. (40 d) → Alphabetisierung 12.3. (30 d) → Sprachstand 10.6. (90 d)
/// E: Sprachstand 5.1. (intake) → IK berechtigt 15.1. (10 d)
/// </summary>
public sealed class EreignisfolgenTests
{
    public static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    public static readonly Guid Dd = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    public static readonly Guid E = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    public static readonly DateOnly Heute = D(2025, 12, 31);

    internal static Ereignisse Bildungslog() => new Ereignisse()
        .Folge(A, Spur.Bildung, ("Erstberatung", D(2025, 1, 1)), ("SprachstandFestgestellt", D(2025, 1, 11)), ("IntegrationskursBerechtigt", D(2025, 2, 10)))
        .Folge(B, Spur.Bildung, ("Erstberatung", D(2025, 1, 1)), ("SprachstandFestgestellt", D(2025, 1, 21)), ("IntegrationskursBerechtigt", D(2025, 1, 31)))
        .Folge(C, Spur.Bildung, ("Erstberatung", D(2025, 1, 1)), ("SprachstandFestgestellt", D(2025, 1, 31)))
        .Folge(Dd, Spur.Bildung, ("Erstberatung", D(2025, 1, 1)), ("SprachstandFestgestellt", D(2025, 2, 10)), ("Alphabetisierungskurs", D(2025, 3, 12)), ("SprachstandFestgestellt", D(2025, 6, 10)))
        .Folge(E, Spur.Bildung, ("SprachstandFestgestellt", D(2025, 1, 5)), ("IntegrationskursBerechtigt", D(2025, 1, 15)));

    [Fact]
    public void Landkarte_OnTheBildungLog_CountsEntriesStartsAndSteps()
    {
        var karte = Ereignisfolgen.Landkarte(Bildungslog().Liste, Spur.Bildung, spuruebergreifend: false, Heute, f => f != C);

        var sprachstand = karte.Knoten.Single(k => k.Zustand == "SprachstandFestgestellt");
        sprachstand.Anzahl.ShouldBe(6);
        sprachstand.Faelle.ShouldBe(5);
        sprachstand.Starts.ShouldBe(1);
        sprachstand.MedianTage.ShouldBe(20);
        sprachstand.P80Tage.ShouldBe(30);

        var erst = Kante(karte, "Erstberatung", "SprachstandFestgestellt");
        erst.Anzahl.ShouldBe(4);
        erst.MedianTage.ShouldBe(25);
        erst.P80Tage.ShouldBe(34);

        var ik = Kante(karte, "SprachstandFestgestellt", "IntegrationskursBerechtigt");
        ik.Anzahl.ShouldBe(3);
        ik.Faelle.ShouldBe(3);
        ik.MedianTage.ShouldBe(10);
        ik.P80Tage.ShouldBe(22);

        var ende = Kante(karte, "SprachstandFestgestellt", null);
        ende.Anzahl.ShouldBe(2);
        ende.Offen.ShouldBe(1, "C is closed; D waits since 10.6.");
        ende.OffenMedianTage.ShouldBe(204);

        karte.Summen.ShouldHaveSingleItem().ShouldBe(new VerlaufSummeRoh(Spur.Bildung, 5, 5));
    }

    [Fact]
    public void Landkarte_ForEveryState_EntriesEqualStartPlusIncomingAndEndPlusOutgoing()
    {
        var karte = Ereignisfolgen.Landkarte(Bildungslog().Liste, null, spuruebergreifend: false, Heute, _ => true);

        foreach (var k in karte.Knoten)
        {
            (k.Starts + karte.Kanten.Where(e => e.NachSchluessel == k.Schluessel).Sum(e => e.Anzahl)).ShouldBe(k.Anzahl);
            karte.Kanten.Where(e => e.VonSchluessel == k.Schluessel).Sum(e => e.Anzahl).ShouldBe(k.Anzahl);
        }
    }

    [Fact]
    public void Landkarte_AcrossTracks_OrdersAFallsEventsByDateAndNumber()
    {
        var fall = Guid.NewGuid();
        var log = new Ereignisse()
            .Folge(fall, Spur.Aufenthalt, ("Aufenthaltsgestattung", D(2025, 1, 1)), ("Schutzstatus", D(2025, 3, 1)))
            .Folge(fall, Spur.Leistungen, ("AsylbLG", D(2025, 1, 1)), ("RechtskreiswechselFaellig", D(2025, 3, 1)), ("Sgb2Beantragt", D(2025, 3, 15)));

        var karte = Ereignisfolgen.Landkarte(log.Liste, null, spuruebergreifend: true, Heute, _ => true);

        // Order: Gestattung(1.1., nr 1), AsylbLG(1.1., nr 3), Schutzstatus(1.3., nr 2), Rechtskreiswechsel(1.3., nr 4), SGB II beantragt.
        karte.Kanten.Where(k => k.Nach is not null).Select(k => $"{k.VonSchluessel}>{k.NachSchluessel}:{k.MedianTage}").Order().ShouldBe(
        [
            "Aufenthalt:Aufenthaltsgestattung>Leistungen:AsylbLG:0",
            "Aufenthalt:Schutzstatus>Leistungen:RechtskreiswechselFaellig:0",
            "Leistungen:AsylbLG>Aufenthalt:Schutzstatus:59",
            "Leistungen:RechtskreiswechselFaellig>Leistungen:Sgb2Beantragt:14",
        ]);
        karte.Summen.ShouldHaveSingleItem().ShouldBe(new VerlaufSummeRoh(null, 1, 1));
    }

    [Fact]
    public void Varianten_OnTheBildungLog_GivesPathsSharesAndMedianThroughput()
    {
        var v = Ereignisfolgen.Varianten(Bildungslog().Liste, Spur.Bildung);

        v.Anzahl.ShouldBe(5);
        v.Varianten.ShouldBe(4);
        v.Haeufigste[0].Zustaende.ShouldBe(["Erstberatung", "SprachstandFestgestellt", "IntegrationskursBerechtigt"]);
        v.Haeufigste[0].Anzahl.ShouldBe(2);
        v.Haeufigste[0].MedianTage.ShouldBe(35);
        v.Haeufigste.Skip(1).Select(x => string.Join('>', x.Zustaende)).ShouldBe(
        [
            "Erstberatung>SprachstandFestgestellt",
            "Erstberatung>SprachstandFestgestellt>Alphabetisierungskurs>SprachstandFestgestellt",
            "SprachstandFestgestellt>IntegrationskursBerechtigt",
        ]);
    }

    [Fact]
    public void Varianten_WhenAStepStaysInItsState_CountsTheStateOnce()
    {
        var fall = Guid.NewGuid();
        var log = new Ereignisse().Folge(fall, Spur.Leistungen, ("Sgb2Bewilligt", D(2025, 1, 1)), ("Potenzialanalyse", D(2025, 2, 1)), ("Kooperationsplan", D(2025, 3, 1)), ("Kooperationsplan", D(2025, 9, 1)));

        Ereignisfolgen.Varianten(log.Liste, Spur.Leistungen).Haeufigste.ShouldHaveSingleItem().Zustaende
            .ShouldBe(["Sgb2Bewilligt", "Potenzialanalyse", "Kooperationsplan"]);
    }

    [Fact]
    public void Konformitaet_OnProcessTraces_CountsFaelleWhoseEveryStepIsAllowed()
    {
        var soll = AnalysenStandards.Idealverlauf(Spur.Prozess).Kanten().Select(k => new SollKante(Spur.Prozess, k.Von, k.Nach)).ToList();
        var log = new Ereignisse();
        for (var i = 0; i < 4; i++)
        {
            log.Folge(Guid.NewGuid(), Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 5)), ("Assessment", D(2025, 2, 1)), ("Hilfeplanung", D(2025, 3, 1)));
        }

        log.Folge(Guid.NewGuid(), Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 5)), ("Assessment", D(2025, 2, 1)), ("Ruhend", D(2025, 3, 1)), ("Assessment", D(2025, 5, 1)));
        log.Folge(Guid.NewGuid(), Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Abbruch", D(2025, 1, 20)));

        var k = Ereignisfolgen.Konformitaet(log.Liste, soll, [Spur.Prozess]);

        k.Anteile.ShouldBe([new KonformitaetRoh(Spur.Prozess, 6, 4), new KonformitaetRoh(null, 6, 4)]);
        k.Abweichungen.Select(a => $"{a.Von}>{a.Nach}:{a.Faelle}").Order().ShouldBe(["Anfrage>Abbruch:1", "Assessment>Ruhend:1", "Ruhend>Assessment:1"]);
    }

    private static KanteRoh Kante(LandkartenRohdaten karte, string von, string? nach) =>
        karte.Kanten.Single(k => k.Von == von && k.Nach == nach);
}
