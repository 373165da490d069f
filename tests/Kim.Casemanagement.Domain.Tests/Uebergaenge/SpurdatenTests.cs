using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Uebergaenge;

/// <summary>The facts a track keeps in step with its transitions: what the case manager sees next to the state.</summary>
public class SpurdatenTests
{
    [Fact]
    public void Fortsetzen_WhenPausedFromUmsetzung_ReturnsToUmsetzung()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        fall.ZustandSetzenFuerTest(Spur.Prozess, nameof(ProzessZustand.Umsetzung), D(2025, 1, 1));
        fall.Feuern(Spur.Prozess, "Ruhen", P((ParameterNamen.Grund, "Elternzeit")), Rahmen(D(2026, 3, 1)));
        fall.Prozess.PhaseVorRuhen.ShouldBe(ProzessZustand.Umsetzung);

        fall.Feuern(Spur.Prozess, "Fortsetzen", null, Rahmen());

        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Umsetzung);
        fall.Prozess.Seit.ShouldBe(Heute);
        fall.NeueEreignisse[^1].VonZustand.ShouldBe("Ruhend");
        fall.NeueEreignisse[^1].NachZustand.ShouldBe("Umsetzung");
    }

    [Fact]
    public void Abschliessen_WhenClosed_RecordsTheReasonAndWiederaufnehmenClearsIt()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        fall.ZustandSetzenFuerTest(Spur.Prozess, nameof(ProzessZustand.Evaluation), D(2025, 1, 1));

        fall.Feuern(Spur.Prozess, "Abschliessen", P((ParameterNamen.Abschlussgrund, "UebergabeInRegelsystem")), Rahmen(D(2026, 6, 30)));
        fall.Prozess.Abschlussgrund.ShouldBe(Abschlussgrund.UebergabeInRegelsystem);
        fall.NeueEreignisse[^1].Parameter[ParameterNamen.Abschlussgrund].ShouldBe("UebergabeInRegelsystem");

        fall.Feuern(Spur.Prozess, "Wiederaufnehmen", null, Rahmen());
        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Wiederaufnahme);
        fall.Prozess.Abschlussgrund.ShouldBeNull();
    }

    [Fact]
    public void Abbrechen_WhenBrokenOffFromAnyOpenPhase_RecordsTheReason()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        fall.Feuern(Spur.Prozess, "Klaeren", null, Rahmen(D(2023, 2, 1)));

        fall.Feuern(Spur.Prozess, "Abbrechen", P((ParameterNamen.Abbruchgrund, "EinwilligungWiderrufen")), Rahmen());

        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Abbruch);
        fall.Prozess.Abbruchgrund.ShouldBe(Abbruchgrund.EinwilligungWiderrufen);
    }

    [Fact]
    public void DuldungErteilen_WhenAlreadyTolerated_ExtendsTheTolerationWithoutRestartingItsClock()
    {
        var fall = FallBuilder.Neu().MitAufenthalt(AufenthaltZustand.Duldung, D(2022, 6, 1), gueltigBis: D(2026, 12, 1)).Bauen();

        fall.Feuern(Spur.Aufenthalt, "DuldungErteilen", P((ParameterNamen.GueltigBis, "2027-06-01")), Rahmen());

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Duldung);
        fall.Aufenthalt.GueltigBis.ShouldBe(D(2027, 6, 1));
        fall.Aufenthalt.GeduldetSeit.ShouldBe(D(2022, 6, 1));
        fall.Aufenthalt.Seit.ShouldBe(D(2022, 6, 1));
        fall.NeueEreignisse[^1].VonZustand.ShouldBe("Duldung");
        fall.NeueEreignisse[^1].NachZustand.ShouldBe("Duldung");
    }

    [Fact]
    public void Verlaengern_WhenAnExtensionWasApplied_ReturnsToTheSamePermitKindWithTheNewExpiryAndKeepsSgb2Entitlement()
    {
        var fall = FallBuilder.Neu().MitAufenthalt(AufenthaltZustand.Aufenthaltserlaubnis25a, D(2023, 1, 1), gueltigBis: D(2026, 12, 31)).Bauen();
        var rechtmaessigSeit = fall.Aufenthalt.RechtmaessigSeit;
        fall.Feuern(Spur.Aufenthalt, "VerlaengerungBeantragen", null, Rahmen(D(2026, 10, 1)));
        fall.Feuern(Spur.Aufenthalt, "FiktionsbescheinigungAusstellen", null, Rahmen(D(2026, 11, 2)));
        fall.Schrittstand(Spur.Leistungen, "Sgb2Beantragen").ShouldNotBeNull().Moeglich.ShouldBeTrue();

        fall.Feuern(Spur.Aufenthalt, "Verlaengern", P((ParameterNamen.GueltigBis, "2029-12-31")), Rahmen());

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Aufenthaltserlaubnis25a);
        fall.Aufenthalt.TitelArt.ShouldBe(AufenthaltZustand.Aufenthaltserlaubnis25a);
        fall.Aufenthalt.GueltigBis.ShouldBe(D(2029, 12, 31));
        fall.Aufenthalt.Rechtsgrundlage.ShouldBe("§ 25a AufenthG");
        fall.Aufenthalt.RechtmaessigSeit.ShouldNotBeNull();
        fall.Aufenthalt.RechtmaessigSeit.ShouldBe(rechtmaessigSeit);
    }

    [Fact]
    public void Ausreisen_WhenTheClientLeaves_EndsLawfulResidenceAndThePermitData()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();

        fall.Feuern(Spur.Aufenthalt, "Ausreisen", null, Rahmen());

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Ausgereist);
        fall.Aufenthalt.RechtmaessigSeit.ShouldBeNull();
        fall.Aufenthalt.TitelArt.ShouldBeNull();
        fall.Aufenthalt.GueltigBis.ShouldBeNull();
        fall.Schrittstand(Spur.Aufenthalt, "Einbuergern").ShouldBeNull();
    }

    [Fact]
    public void KooperationsplanFortschreiben_WhenReviewed_RecordsTheReviewDateButKeepsTheStateSince()
    {
        var fall = FallBuilder.AllesErfuellt().OhneBeschaeftigung().Bauen();
        fall.ZustandSetzenFuerTest(Spur.Leistungen, nameof(LeistungenZustand.Potenzialanalyse), D(2025, 1, 1));
        fall.Feuern(Spur.Leistungen, "KooperationsplanAbschliessen", null, Rahmen(D(2026, 3, 1)));
        fall.Leistungen.KooperationsplanAm.ShouldBe(D(2026, 3, 1));

        fall.Feuern(Spur.Leistungen, "KooperationsplanFortschreiben", null, Rahmen(D(2026, 9, 1)));

        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.Kooperationsplan);
        fall.Leistungen.KooperationsplanAm.ShouldBe(D(2026, 9, 1));
        fall.Leistungen.Seit.ShouldBe(D(2026, 3, 1));
    }

    [Fact]
    public void BeschaeftigungAufnehmen_WhenOnAsylbLG_RecordsTheEmploymentTheParagraph60dGuardReads()
    {
        var fall = FallBuilder.Neu().MitAufenthalt(AufenthaltZustand.Duldung, D(2022, 6, 1)).MitLeistungen(LeistungenZustand.AsylbLG, D(2022, 6, 1)).Bauen();

        fall.Feuern(Spur.Leistungen, "BeschaeftigungAufnehmen", P((ParameterNamen.Wochenstunden, "25")), Rahmen(D(2025, 1, 2)));

        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.AsylbLG);
        fall.Leistungen.BeschaeftigtSeit.ShouldBe(D(2025, 1, 2));
        fall.Leistungen.Wochenstunden.ShouldBe(25);

        fall.Feuern(Spur.Leistungen, "BeschaeftigungBeenden", null, Rahmen());
        fall.Leistungen.BeschaeftigtSeit.ShouldBeNull();
        fall.Leistungen.Wochenstunden.ShouldBeNull();
    }

    [Theory]
    [InlineData("Voll", "AnerkennungAbgeschlossen", AnerkennungsErgebnis.Voll)]
    [InlineData("Abgelehnt", "AnerkennungAbgeschlossen", AnerkennungsErgebnis.Abgelehnt)]
    [InlineData("Teilweise", "Ausgleichsmassnahme", AnerkennungsErgebnis.Teilweise)]
    public void AnerkennungEntscheiden_WhenDecided_LeadsByResultAndRecordsItOnTheQualification(string ergebnis, string ziel, AnerkennungsErgebnis erwartet)
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        fall.ZustandSetzenFuerTest(Spur.Bildung, nameof(BildungZustand.AnerkennungBeantragt), D(2025, 1, 1));

        fall.Feuern(Spur.Bildung, "AnerkennungEntscheiden", P((ParameterNamen.Ergebnis, ergebnis)), Rahmen());

        fall.Bildung.Zustand.ToString().ShouldBe(ziel);
        fall.Kompetenzprofil.Berufsabschluesse.ShouldHaveSingleItem().Anerkennung.ShouldBe(erwartet);
    }

    [Fact]
    public void IntegrationskursAbschliessen_WhenPassedWithB1_RaisesTheLanguageLevelAndMarksTheCourseDone()
    {
        var fall = FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A1).Bauen();
        fall.ZustandSetzenFuerTest(Spur.Bildung, nameof(BildungZustand.IntegrationskursPruefung), D(2025, 1, 1));

        fall.Feuern(Spur.Bildung, "IntegrationskursAbschliessen", P((ParameterNamen.Ergebnis, "B1")), Rahmen());

        fall.Bildung.IntegrationskursAbgeschlossen.ShouldBeTrue();
        fall.Kompetenzprofil.Deutschniveau.ShouldBe(Sprachniveau.B1);
        fall.Schrittstand(Spur.Bildung, "IntegrationskursBerechtigen").ShouldNotBeNull().Gruende.ShouldBe([Bedingungen.IntegrationskursNochNichtAbgeschlossen.Beschreibung]);
    }
}
