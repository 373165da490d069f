using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Eingaben;

/// <summary>Triggers are exact names of the track's steps; parameters are checked against the step's definition, with German field errors.</summary>
public class TriggerUndParameterTests
{
    public static TheoryData<Spur, string> UnbekannteTrigger() => new()
    {
        { Spur.Prozess, "Fliegen" },
        { Spur.Prozess, "3" },
        { Spur.Prozess, "0" },
        { Spur.Prozess, "-1" },
        { Spur.Prozess, "Klaeren,Verweisen" },
        { Spur.Prozess, "Klaeren, Verweisen" },
        { Spur.Prozess, "klaeren" },
        { Spur.Prozess, " Klaeren" },
        { Spur.Prozess, "" },
        { Spur.Prozess, "Anerkennen" },
        { Spur.Aufenthalt, "Klaeren" },
        { Spur.Leistungen, "17" },
        { Spur.Bildung, "AusbildungBeginnen|StudiumBeginnen" },
        { Spur.Ueberleitung, "Annehmen,Erledigen" },
    };

    public static TheoryData<Spur, string, string, string, string?, string> FehlerhafteParameter() => new()
    {
        { Spur.Aufenthalt, "Schutzstatus", "AufenthaltserlaubnisErteilen", ParameterNamen.GueltigBis, "31.12.2028", "„Gültig bis“ muss ein Datum im Format JJJJ-MM-TT sein." },
        { Spur.Aufenthalt, "Schutzstatus", "AufenthaltserlaubnisErteilen", ParameterNamen.GueltigBis, "2028-02-30", "„Gültig bis“ muss ein Datum im Format JJJJ-MM-TT sein." },
        { Spur.Aufenthalt, "Schutzstatus", "AufenthaltserlaubnisErteilen", ParameterNamen.GueltigBis, null, "„Gültig bis“ ist für diesen Schritt erforderlich." },
        { Spur.Aufenthalt, "Schutzstatus", "AufenthaltserlaubnisErteilen", ParameterNamen.GueltigBis, "   ", "„Gültig bis“ ist für diesen Schritt erforderlich." },
        { Spur.Aufenthalt, "Schutzstatus", "AufenthaltserlaubnisErteilen", ParameterNamen.Wohnsitzauflage, "ja", "„Wohnsitzauflage (§ 12a AufenthG)“ muss true oder false sein." },
        { Spur.Aufenthalt, "Aufenthaltsgestattung", "Anerkennen", ParameterNamen.Schutzform, "Asyl", "„Schutzform“ muss einer dieser Werte sein: Asylberechtigung, Fluechtlingseigenschaft, SubsidiaererSchutz, Abschiebungsverbot." },
        { Spur.Aufenthalt, "Aufenthaltsgestattung", "Anerkennen", ParameterNamen.Schutzform, "fluechtlingseigenschaft", "„Schutzform“ muss einer dieser Werte sein: Asylberechtigung, Fluechtlingseigenschaft, SubsidiaererSchutz, Abschiebungsverbot." },
        { Spur.Aufenthalt, "Aufenthaltsgestattung", "Anerkennen", ParameterNamen.Schutzform, "2", "„Schutzform“ muss einer dieser Werte sein: Asylberechtigung, Fluechtlingseigenschaft, SubsidiaererSchutz, Abschiebungsverbot." },
        { Spur.Aufenthalt, "Aufenthaltsgestattung", "Anerkennen", ParameterNamen.Schutzform, null, "„Schutzform“ ist für diesen Schritt erforderlich." },
        { Spur.Leistungen, "Kooperationsplan", "ArbeitAufnehmenAufstockend", ParameterNamen.Wochenstunden, "0", "„Wochenstunden“ muss eine ganze Zahl von 1 bis 60 sein." },
        { Spur.Leistungen, "Kooperationsplan", "ArbeitAufnehmenAufstockend", ParameterNamen.Wochenstunden, "61", "„Wochenstunden“ muss eine ganze Zahl von 1 bis 60 sein." },
        { Spur.Leistungen, "Kooperationsplan", "ArbeitAufnehmenAufstockend", ParameterNamen.Wochenstunden, "zwanzig", "„Wochenstunden“ muss eine ganze Zahl von 1 bis 60 sein." },
        { Spur.Leistungen, "Kooperationsplan", "ArbeitAufnehmenAufstockend", ParameterNamen.Wochenstunden, "19.5", "„Wochenstunden“ muss eine ganze Zahl von 1 bis 60 sein." },
        { Spur.Leistungen, "Kooperationsplan", "MassnahmeBeginnen", ParameterNamen.Massnahmeart, null, "„Art der Maßnahme“ ist für diesen Schritt erforderlich." },
        { Spur.Prozess, "Evaluation", "Abschliessen", ParameterNamen.Abschlussgrund, null, "„Abschlussgrund“ ist für diesen Schritt erforderlich." },
        { Spur.Prozess, "Evaluation", "Abschliessen", ParameterNamen.Abschlussgrund, "1", "„Abschlussgrund“ muss einer dieser Werte sein: ZieleErreicht, ZieleTeilweiseErreicht, UebergabeInRegelsystem, KeinBedarfMehr, Sonstiges." },
        { Spur.Prozess, "Klaerung", "Verweisen", ParameterNamen.Grund, "kein\u0007Bedarf", "„Grund“ ist zu lang oder enthält Steuerzeichen." },
        { Spur.Prozess, "Klaerung", "Verweisen", ParameterNamen.Grund, "Zeile 1\nZeile 2", "„Grund“ ist zu lang oder enthält Steuerzeichen." },
        { Spur.Prozess, "Klaerung", "Verweisen", ParameterNamen.Grund, new string('x', 201), "„Grund“ ist zu lang oder enthält Steuerzeichen." },
        { Spur.Prozess, "Assessment", "Abbrechen", ParameterNamen.Abbruchgrund, null, "„Abbruchgrund“ ist für diesen Schritt erforderlich." },
        { Spur.Bildung, "Erstberatung", "SprachstandFeststellen", ParameterNamen.AlphabetisierungNoetig, "ja", "„Alphabetisierung nötig“ muss true oder false sein." },
        { Spur.Bildung, "IntegrationskursPruefung", "IntegrationskursAbschliessen", ParameterNamen.Ergebnis, "B2", "„Ergebnis“ muss einer dieser Werte sein: UnterA2, A2, B1." },
    };

    [Theory]
    [MemberData(nameof(UnbekannteTrigger))]
    public void Feuern_WhenTriggerIsNotExactlyAStepOfTheTrack_ThrowsTriggerFieldError(Spur spur, string trigger)
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        var ueberleitung = fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Jobcenter, "Begleitung des SGB-II-Antrags", Rahmen(D(2026, 3, 2)));
        var vorher = fall.NeueEreignisse.Count;

        var ex = Should.Throw<DomainException>(() => fall.Feuern(spur, trigger, null, Rahmen(), ueberleitung.Id));

        ex.Message.ShouldBe("Unbekannter Schritt.");
        ex.Errors.Keys.ShouldBe(["trigger"]);
        ex.Errors["trigger"].ShouldBe([$"Den Schritt „{trigger}“ gibt es auf dieser Spur nicht."]);
        fall.NeueEreignisse.Count.ShouldBe(vorher);
    }

    [Fact]
    public void Feuern_WhenTriggerIsVeryLong_QuotesOnlyItsFirstSixtyCharacters()
    {
        var fall = FallBuilder.Neu().Bauen();
        var trigger = new string('K', 10_000);

        var ex = Should.Throw<DomainException>(() => fall.Feuern(Spur.Prozess, trigger, null, Rahmen()));

        ex.Errors["trigger"].ShouldBe([$"Den Schritt „{new string('K', 60)}…“ gibt es auf dieser Spur nicht."]);
    }

    [Fact]
    public void Definition_WhenTriggerIsANumber_ThrowsTriggerFieldError()
    {
        var ex = Should.Throw<DomainException>(() => Fall.Definition(Spur.Aufenthalt, "3"));

        ex.Errors["trigger"].ShouldBe(["Den Schritt „3“ gibt es auf dieser Spur nicht."]);
    }

    [Fact]
    public void Feuern_WhenSpurIsUndefined_ThrowsSpurFieldError()
    {
        var fall = FallBuilder.Neu().Bauen();

        var ex = Should.Throw<DomainException>(() => fall.Feuern((Spur)42, "Klaeren", null, Rahmen()));

        ex.Errors["spur"].ShouldBe(["Unbekannte Spur."]);
    }

    [Fact]
    public void Feuern_WhenReferralBelongsToAnotherFall_ThrowsNichtGefunden()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();

        var ex = Should.Throw<NichtGefundenException>(() => fall.Feuern(Spur.Ueberleitung, "Annehmen", null, Rahmen(), Guid.NewGuid()));

        ex.Message.ShouldBe("Die Überleitung gehört nicht zu diesem Fall.");
    }

    [Theory]
    [MemberData(nameof(FehlerhafteParameter))]
    public void Feuern_WhenAParameterIsMissingOrMalformed_ThrowsItsGermanFieldErrorAndWritesNoEvent(Spur spur, string zustand, string trigger, string name, string? wert, string fehler)
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        fall.ZustandSetzenFuerTest(spur, zustand, D(2025, 1, 1));
        var parameter = Uebergaenge.GueltigeParameter.Fuer(spur, trigger);
        parameter.Remove(name);
        if (wert is not null)
        {
            parameter[name] = wert;
        }

        var vorher = fall.NeueEreignisse.Count;

        var ex = Should.Throw<DomainException>(() => fall.Feuern(spur, trigger, parameter, Rahmen()));

        ex.Message.ShouldBe("Die Angaben zum Schritt sind ungültig.");
        ex.Errors.Keys.ShouldBe([$"parameter.{name}"]);
        ex.Errors[$"parameter.{name}"].ShouldBe([fehler]);
        fall.Zustand(spur).ShouldBe(zustand);
        fall.NeueEreignisse.Count.ShouldBe(vorher);
    }

    [Fact]
    public void Feuern_WhenAParameterIsUnknown_ThrowsFieldErrorNamingIt()
    {
        var fall = FallBuilder.Neu().Bauen();

        var ex = Should.Throw<DomainException>(() => fall.Feuern(Spur.Prozess, "Klaeren", P(("farbe", "blau")), Rahmen()));

        ex.Errors.Keys.ShouldBe(["parameter.farbe"]);
        ex.Errors["parameter.farbe"].ShouldBe(["Der Schritt „Klärung beginnen“ kennt keinen Parameter „farbe“."]);
        fall.Prozess.Zustand.ToString().ShouldBe("Anfrage");
    }

    [Fact]
    public void Feuern_WhenParameterNameDiffersInCase_TreatsItAsUnknownAndTheRealOneAsMissing()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        fall.ZustandSetzenFuerTest(Spur.Prozess, "Evaluation", D(2025, 1, 1));

        var ex = Should.Throw<DomainException>(() => fall.Feuern(Spur.Prozess, "Abschliessen", P(("Abschlussgrund", "ZieleErreicht")), Rahmen()));

        ex.Errors.Keys.ShouldBe(["parameter.Abschlussgrund", "parameter.abschlussgrund"], ignoreOrder: true);
    }

    [Fact]
    public void Feuern_WhenSeveralParametersAreWrong_ReportsAllOfThemAtOnce()
    {
        var fall = FallBuilder.Neu().Bauen();

        var ex = Should.Throw<DomainException>(() => fall.Feuern(Spur.Aufenthalt, "SonstigeAufenthaltserlaubnisErteilen", P(("x", "1"), (ParameterNamen.Wohnsitzauflage, "vielleicht")), Rahmen()));

        ex.Errors.Keys.ShouldBe(["parameter.x", "parameter.rechtsgrundlage", "parameter.gueltigBis", "parameter.wohnsitzauflage"], ignoreOrder: true);
        fall.Aufenthalt.Zustand.ToString().ShouldBe("KeinStatus");
    }

    [Fact]
    public void Feuern_WhenParametersAreValid_StoresThemNormalisedWithTheEvent()
    {
        var fall = FallBuilder.Neu().Bauen();

        fall.Feuern(
            Spur.Aufenthalt,
            "SonstigeAufenthaltserlaubnisErteilen",
            P((ParameterNamen.Rechtsgrundlage, "  § 18a AufenthG "), (ParameterNamen.GueltigBis, "2028-12-31"), (ParameterNamen.Wohnsitzauflage, "True")),
            Rahmen());

        fall.NeueEreignisse[^1].Parameter.ShouldBe(new Dictionary<string, string>
        {
            [ParameterNamen.Rechtsgrundlage] = "§ 18a AufenthG",
            [ParameterNamen.GueltigBis] = "2028-12-31",
            [ParameterNamen.Wohnsitzauflage] = "true",
        });
        fall.Aufenthalt.Rechtsgrundlage.ShouldBe("§ 18a AufenthG");
        fall.Aufenthalt.GueltigBis.ShouldBe(D(2028, 12, 31));
        fall.Aufenthalt.Wohnsitzauflage.ShouldBeTrue();
    }
}
