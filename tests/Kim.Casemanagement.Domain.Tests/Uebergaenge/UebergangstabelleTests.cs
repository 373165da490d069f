using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;
using static Kim.Casemanagement.Domain.Tests.Uebergaenge.Uebergangstabelle;

namespace Kim.Casemanagement.Domain.Tests.Uebergaenge;

/// <summary>
/// Every (leaf state, trigger) pair of every track, one test case each, checked against the hand-written
/// <see cref="Uebergangstabelle"/>. The Fall satisfies every guard (<see cref="FallBuilder.AllesErfuellt"/>), so a
/// refusal can only mean "no such step here".
/// </summary>
public class UebergangstabelleTests
{
    /// <summary>The day the track entered the state under test.</summary>
    private static readonly DateOnly ZustandSeit = D(2025, 1, 1);

    /// <summary>§ 104c can only be granted until 2025-12-31, so that step is fired on a day it still could be.</summary>
    private static readonly DateOnly VorEndeDerChancenErteilung = D(2025, 12, 1);

    /// <summary>Leaf states × triggers, counted by hand: 12×14 + 22×25 + 12×18 + 26×27 + 6×5.</summary>
    private const int PaareGesamt = 168 + 550 + 216 + 702 + 30;

    public static TheoryData<Spur, string, string, string> AllePaare()
    {
        var data = new TheoryData<Spur, string, string, string>();
        foreach (var tabelle in Alle)
        {
            foreach (var (zustand, trigger, erwartet) in tabelle.Paare())
            {
                data.Add(tabelle.Spur, zustand, trigger, erwartet);
            }
        }

        return data;
    }

    public static TheoryData<Spur> AlleSpuren() => new(Enum.GetValues<Spur>());

    [Theory]
    [MemberData(nameof(AllePaare))]
    public void Feuern_WhenTrackStandsInLeafStateAndAllGuardsAreMet_DoesWhatTheTableSays(Spur spur, string zustand, string trigger, string erwartet)
    {
        var (fall, ueberleitungId) = FallIm(spur, zustand, trigger);
        var datum = trigger == nameof(AufenthaltTrigger.ChancenaufenthaltsrechtErteilen) ? VorEndeDerChancenErteilung : Heute;
        var parameter = GueltigeParameter.Fuer(spur, trigger);
        var ereignisseVorher = fall.NeueEreignisse.Count;
        var seitVorher = fall.Seit(spur, ueberleitungId);
        var angeboten = fall.Schrittstand(spur, trigger, datum, ueberleitungId);

        if (erwartet == NichtErlaubt)
        {
            angeboten.ShouldBeNull($"{zustand} bietet den Schritt {trigger} nicht an");
            var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(spur, trigger, parameter, Rahmen(datum), ueberleitungId));
            ex.Gruende.ShouldBeEmpty();
            ex.Spur.ShouldBe(spur.ToString());
            ex.Zustand.ShouldBe(zustand);
            ex.Trigger.ShouldBe(trigger);
            ex.Message.ShouldBe($"Der Schritt „{trigger}“ ist im Zustand „{zustand}“ nicht vorgesehen.");
            fall.Zustand(spur, ueberleitungId).ShouldBe(zustand);
            fall.Seit(spur, ueberleitungId).ShouldBe(seitVorher);
            fall.NeueEreignisse.Count.ShouldBe(ereignisseVorher);
            return;
        }

        var schritt = angeboten.ShouldNotBeNull($"{zustand} bietet den Schritt {trigger} an");
        schritt.Moeglich.ShouldBeTrue(string.Join(" ", schritt.Gruende));

        fall.Feuern(spur, trigger, parameter, Rahmen(datum), ueberleitungId);

        var nach = erwartet == Intern ? zustand : erwartet;
        fall.Zustand(spur, ueberleitungId).ShouldBe(nach);
        fall.Seit(spur, ueberleitungId).ShouldBe(nach == zustand ? seitVorher : datum);
        fall.NeueEreignisse.Count.ShouldBeGreaterThan(ereignisseVorher);
        var ereignis = fall.NeueEreignisse[ereignisseVorher];
        ereignis.Spur.ShouldBe(spur);
        ereignis.UeberleitungId.ShouldBe(ueberleitungId);
        ereignis.Trigger.ShouldBe(trigger);
        ereignis.VonZustand.ShouldBe(zustand);
        ereignis.NachZustand.ShouldBe(nach);
        ereignis.FachlichesDatum.ShouldBe(datum);
        ereignis.Akteur.ShouldBe(Akteur);
        ereignis.AusgeloestDurch.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(AlleSpuren))]
    public void Tabelle_WhenComparedWithTheTrackEnums_ListsEveryLeafStateAndEveryTrigger(Spur spur)
    {
        var tabelle = Fuer(spur);
        var (zustaende, trigger) = FallAnsicht.EnumNamen(spur);
        var blattzustaende = zustaende.Except(tabelle.Oberzustaende, StringComparer.Ordinal).ToArray();

        tabelle.Trigger.ShouldBeUnique();
        tabelle.Trigger.ShouldBe(trigger, ignoreOrder: true, customMessage: "Die Tabelle muss jeden Trigger der Spur nennen: neuer Trigger im Enum?");
        tabelle.Oberzustaende.ShouldAllBe(o => zustaende.Contains(o));
        tabelle.Zeilen.Select(z => z.Zustand).ShouldBeUnique();
        tabelle.Zeilen.Select(z => z.Zustand).ShouldBe(blattzustaende, ignoreOrder: true, customMessage: "Die Tabelle muss jeden Blattzustand nennen: neuer Zustand im Enum?");
        tabelle.Paare().Count().ShouldBe(blattzustaende.Length * trigger.Length);
        foreach (var zeile in tabelle.Zeilen)
        {
            zeile.Erlaubt.Keys.ShouldAllBe(t => trigger.Contains(t));
            zeile.Erlaubt.Values.ShouldAllBe(z => z == Intern || blattzustaende.Contains(z));
        }
    }

    [Theory]
    [MemberData(nameof(AlleSpuren))]
    public void Tabelle_WhenComparedWithTheMachineDescription_TreatsExactlyTheConfiguredSuperstatesAsSuperstates(Spur spur)
    {
        var oberzustaende = Fall.Beschreibung(spur).Zustaende.Where(s => s.Unterzustaende.Count > 0).Select(s => s.Name);

        oberzustaende.ShouldBe(Fuer(spur).Oberzustaende, ignoreOrder: true);
    }

    [Fact]
    public void AllePaare_WhenCounted_CoverEveryLeafStateTimesEveryTriggerOfEveryTrack()
    {
        var ausDenEnums = Alle.Sum(t =>
        {
            var (zustaende, trigger) = FallAnsicht.EnumNamen(t.Spur);
            return (zustaende.Length - t.Oberzustaende.Count) * trigger.Length;
        });

        ausDenEnums.ShouldBe(PaareGesamt, "Ein Enum hat einen Zustand oder Trigger gewonnen oder verloren: Tabelle und PaareGesamt von Hand nachziehen.");
        AllePaare().Count.ShouldBe(PaareGesamt);
        Alle.Select(t => t.Spur).ShouldBe(Enum.GetValues<Spur>(), ignoreOrder: true);
    }

    /// <summary>A Fall whose facts satisfy every guard, with the track under test placed in <paramref name="zustand"/>.</summary>
    private static (Fall Fall, Guid? UeberleitungId) FallIm(Spur spur, string zustand, string trigger)
    {
        var builder = FallBuilder.AllesErfuellt();
        if (spur == Spur.Bildung && trigger == "SchuleBeginnen")
        {
            builder.MitKlient(D(2012, 5, 1), D(2016, 9, 1));
        }

        if (spur == Spur.Bildung && trigger == "AlphabetisierungskursBeginnen")
        {
            builder.MitKompetenzprofil(Sprachniveau.A1, alphabetisierungNoetig: true);
        }

        var fall = builder.Bauen();
        switch (spur)
        {
            case Spur.Prozess:
                fall.ZustandSetzenFuerTest(spur, zustand, ZustandSeit);
                fall.Prozess.PhaseVorRuhen = ProzessZustand.Monitoring;
                return (fall, null);
            case Spur.Aufenthalt:
                fall.ZustandSetzenFuerTest(spur, zustand, ZustandSeit);
                if (fall.IstAufenthaltIn(AufenthaltZustand.Geduldet))
                {
                    fall.Aufenthalt.GeduldetSeit = D(2023, 6, 1);
                }

                fall.Aufenthalt.ChancenaufenthaltsrechtSeit = zustand == nameof(AufenthaltZustand.Chancenaufenthaltsrecht) ? D(2024, 1, 1) : null;
                if (zustand is nameof(AufenthaltZustand.VerlaengerungBeantragt) or nameof(AufenthaltZustand.Fiktionsbescheinigung))
                {
                    fall.Aufenthalt.TitelArt = AufenthaltZustand.Aufenthaltserlaubnis25b;
                }

                return (fall, null);
            case Spur.Leistungen:
                if (trigger == "AsylbLGBewilligen")
                {
                    fall.ZustandSetzenFuerTest(Spur.Aufenthalt, nameof(AufenthaltZustand.Aufenthaltsgestattung), ZustandSeit);
                }

                fall.ZustandSetzenFuerTest(spur, zustand, ZustandSeit);
                return (fall, null);
            case Spur.Bildung:
                fall.ZustandSetzenFuerTest(spur, zustand, ZustandSeit);
                return (fall, null);
            case Spur.Ueberleitung:
                var ueberleitung = fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Jobcenter, "Begleitung des SGB-II-Antrags", Rahmen(ZustandSeit));
                ueberleitung.Zustand = Enum.Parse<UeberleitungZustand>(zustand);
                ueberleitung.Seit = ZustandSeit;
                return (fall, ueberleitung.Id);
            default:
                throw new ArgumentOutOfRangeException(nameof(spur), spur, null);
        }
    }
}
