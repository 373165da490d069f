using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.SpurUebergreifend;

/// <summary>Source 004: nobody lands in a qualification measure while a literacy course is still needed, on the Bildung and on the Leistungen track.</summary>
public class AlphabetisierungVorQualifizierungTests
{
    private static readonly string Grund = Bedingungen.KeineQualifizierungVorAlphabetisierung.Beschreibung;

    public static TheoryData<Spur, string> Qualifizierungsschritte() => new()
    {
        { Spur.Bildung, "QualifizierungBeginnen" },
        { Spur.Bildung, "AusbildungBeginnen" },
        { Spur.Bildung, "StudiumBeginnen" },
        { Spur.Leistungen, "QualifizierungBeginnen" },
    };

    [Theory]
    [MemberData(nameof(Qualifizierungsschritte))]
    public void QualifizierungsSchritt_WhenLiteracyIsStillNeeded_IsRefusedWithTheLiteracyReason(Spur spur, string trigger)
    {
        var fall = MitFestgestelltemAlphabetisierungsbedarf();
        var vorher = fall.NeueEreignisse.Count;
        var zustand = fall.Zustand(spur);

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(spur, trigger, null, Rahmen()));

        ex.Gruende.ShouldContain(Grund);
        fall.Zustand(spur).ShouldBe(zustand);
        fall.NeueEreignisse.Count.ShouldBe(vorher);
        var schritt = fall.Schrittstand(spur, trigger).ShouldNotBeNull();
        schritt.Moeglich.ShouldBeFalse();
        schritt.Gruende.ShouldContain(Grund);
    }

    [Fact]
    public void QualifizierungBeginnen_WhenLiteracyIsNeededOnTheLeistungenTrack_GivesOnlyTheLiteracyReason()
    {
        var fall = MitFestgestelltemAlphabetisierungsbedarf();

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Leistungen, "QualifizierungBeginnen", null, Rahmen()))
            .Gruende.ShouldBe([Grund]);
    }

    [Fact]
    public void AlphabetisierungskursAbschliessen_WhenDone_OpensTheQualificationStepsOnBothTracks()
    {
        var fall = MitFestgestelltemAlphabetisierungsbedarf();
        fall.Feuern(Spur.Bildung, "AlphabetisierungskursBeginnen", null, Rahmen(D(2026, 2, 1)));
        fall.Bildung.Zustand.ShouldBe(BildungZustand.Alphabetisierungskurs);

        fall.Feuern(Spur.Bildung, "AlphabetisierungskursAbschliessen", P((ParameterNamen.Sprachniveau, "B2")), Rahmen(D(2026, 10, 30)));

        fall.Bildung.Zustand.ShouldBe(BildungZustand.SprachstandFestgestellt);
        fall.Kompetenzprofil.AlphabetisierungNoetig.ShouldBe(false);
        fall.Kompetenzprofil.Deutschniveau.ShouldBe(Sprachniveau.B2);
        foreach (var (spur, trigger) in new[] { (Spur.Bildung, "QualifizierungBeginnen"), (Spur.Bildung, "AusbildungBeginnen"), (Spur.Leistungen, "QualifizierungBeginnen") })
        {
            var schritt = fall.Schrittstand(spur, trigger).ShouldNotBeNull();
            schritt.Moeglich.ShouldBeTrue($"{spur}/{trigger}: {string.Join(" ", schritt.Gruende)}");
        }

        // Studium still needs C1, but no longer for the literacy reason.
        fall.Schrittstand(Spur.Bildung, "StudiumBeginnen").ShouldNotBeNull().Gruende.ShouldBe([Bedingungen.StudiumSprachniveau.Beschreibung]);

        fall.Feuern(Spur.Leistungen, "QualifizierungBeginnen", P((ParameterNamen.Bezeichnung, "Fachlagerist")), Rahmen());
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.Massnahme);
        fall.Leistungen.Massnahme.ShouldBe(Massnahmeart.Weiterbildung);
        fall.Feuern(Spur.Bildung, "AusbildungBeginnen", P((ParameterNamen.Bezeichnung, "Fachkraft für Lagerlogistik")), Rahmen());
        fall.Bildung.Zustand.ShouldBe(BildungZustand.Ausbildung);
        fall.Bildung.Massnahmebezeichnung.ShouldBe("Fachkraft für Lagerlogistik");
    }

    [Fact]
    public void MassnahmeBeginnen_WhenLiteracyIsNeeded_StillAllowsALanguageMeasure()
    {
        var fall = MitFestgestelltemAlphabetisierungsbedarf();

        fall.Feuern(Spur.Leistungen, "MassnahmeBeginnen", P((ParameterNamen.Massnahmeart, "Integrationskurs")), Rahmen());

        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.Massnahme);
        fall.Leistungen.Massnahme.ShouldBe(Massnahmeart.Integrationskurs);
    }

    [Fact]
    public void MassnahmeBeginnen_WhenWeiterbildungIsChosen_IsRefusedBecauseQualificationHasItsOwnGuardedStep()
    {
        var fall = MitFestgestelltemAlphabetisierungsbedarf();

        var ex = Should.Throw<DomainException>(() => fall.Feuern(Spur.Leistungen, "MassnahmeBeginnen", P((ParameterNamen.Massnahmeart, "Weiterbildung")), Rahmen()));

        ex.Errors.Keys.ShouldBe(["parameter.massnahmeart"]);
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.Kooperationsplan);
    }

    /// <summary>
    /// Recognised refugee on SGB II with a Kooperationsplan; the Bildungsberatung found at the first assessment that a
    /// literacy course is needed (A1), so the Kompetenzprofil says so.
    /// </summary>
    private static Fall MitFestgestelltemAlphabetisierungsbedarf()
    {
        var fall = FallBuilder.Neu()
            .AufgenommenAm(D(2025, 9, 15))
            .MitAufenthalt(AufenthaltZustand.AufenthaltserlaubnisSchutz, D(2024, 3, 1), Schutzform.Fluechtlingseigenschaft, D(2027, 2, 28))
            .MitLeistungen(LeistungenZustand.Kooperationsplan, D(2025, 6, 1))
            .MitBildung(BildungZustand.Erstberatung, D(2025, 9, 1))
            .Bauen();
        fall.Feuern(Spur.Bildung, "SprachstandFeststellen", P((ParameterNamen.Sprachniveau, "A1"), (ParameterNamen.AlphabetisierungNoetig, "true")), Rahmen(D(2026, 1, 15)));
        fall.Kompetenzprofil.AlphabetisierungNoetig.ShouldBe(true);
        fall.Kompetenzprofil.Deutschniveau.ShouldBe(Sprachniveau.A1);
        return fall;
    }
}
