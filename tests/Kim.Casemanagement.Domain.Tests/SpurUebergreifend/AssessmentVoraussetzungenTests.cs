using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.SpurUebergreifend;

/// <summary>DOMAIN.md §3.1 and §4: Klärung → Assessment needs a valid consent to case management and the Art. 13 information.</summary>
public class AssessmentVoraussetzungenTests
{
    private static readonly string Einwilligung = Bedingungen.EinwilligungInCaseManagementLiegtVor.Beschreibung;
    private static readonly string Art13 = Bedingungen.Art13InformationAusgehaendigt.Beschreibung;

    [Fact]
    public void AssessmentBeginnen_WhenConsentAndArt13InformationAreMissing_GivesBothReasons()
    {
        var fall = InKlaerung(FallBuilder.Neu());

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen()))
            .Gruende.ShouldBe([Einwilligung, Art13]);
        fall.Schrittstand(Spur.Prozess, "AssessmentBeginnen").ShouldNotBeNull().Gruende.ShouldBe([Einwilligung, Art13]);
        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Klaerung);
    }

    [Fact]
    public void AssessmentBeginnen_WhenOnlyTheConsentIsMissing_GivesOnlyTheConsentReason()
    {
        var fall = InKlaerung(FallBuilder.Neu().MitArt13Information());

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen()))
            .Gruende.ShouldBe([Einwilligung]);
    }

    [Fact]
    public void AssessmentBeginnen_WhenOnlyTheArt13InformationIsMissing_GivesOnlyTheArt13Reason()
    {
        var fall = InKlaerung(FallBuilder.Neu().MitEinwilligung(Empfaenger.CaseManagement));

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen()))
            .Gruende.ShouldBe([Art13]);
    }

    [Fact]
    public void AssessmentBeginnen_WhenTheConsentWasWithdrawnToday_CountsTheConsentAsMissing()
    {
        var fall = InKlaerung(FallBuilder.Neu().MitEinwilligung(Empfaenger.CaseManagement).MitArt13Information());
        var einwilligung = fall.Einwilligungen.Single(e => e.Empfaenger == Empfaenger.CaseManagement);

        fall.EinwilligungWiderrufen(einwilligung.Id, "fm-test", Jetzt);

        einwilligung.WiderrufenAm.ShouldBe(Jetzt);
        fall.HatGueltigeEinwilligungJetzt(Empfaenger.CaseManagement, Jetzt, Heute).ShouldBeFalse();
        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen()))
            .Gruende.ShouldBe([Einwilligung]);
    }

    [Fact]
    public void AssessmentBeginnen_WhenTheConsentHasExpired_CountsTheConsentAsMissing()
    {
        var fall = InKlaerung(FallBuilder.Neu().MitEinwilligung(Empfaenger.CaseManagement, bis: D(2026, 10, 31)).MitArt13Information());

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen()))
            .Gruende.ShouldBe([Einwilligung]);
    }

    [Fact]
    public void AssessmentBeginnen_WhenTheConsentOnlyNamesAPartnerAuthority_CountsTheConsentAsMissing()
    {
        var fall = InKlaerung(FallBuilder.Neu().MitEinwilligung(Empfaenger.Jobcenter).MitEinwilligung(Empfaenger.Auslaenderbehoerde).MitArt13Information());

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen()))
            .Gruende.ShouldBe([Einwilligung]);
    }

    [Fact]
    public void AssessmentBeginnen_WhenArt13InformationWasGivenOnlyAfterTheFachlichesDatum_GivesTheArt13Reason()
    {
        var fall = InKlaerung(FallBuilder.Neu().MitEinwilligung(Empfaenger.CaseManagement).MitArt13Information(D(2026, 11, 18)));

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen(D(2026, 11, 16))))
            .Gruende.ShouldBe([Art13]);
        fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen(D(2026, 11, 18)));
        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Assessment);
    }

    [Fact]
    public void AssessmentBeginnen_WhenConsentAndArt13InformationArePresent_StartsTheAssessment()
    {
        var fall = InKlaerung(FallBuilder.Neu().MitEinwilligung(Empfaenger.CaseManagement).MitArt13Information());

        fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen());

        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Assessment);
        fall.Prozess.Seit.ShouldBe(Heute);
        fall.NeueEreignisse[^1].Trigger.ShouldBe("AssessmentBeginnen");
    }

    [Fact]
    public void AssessmentBeginnen_WhenResumedAfterTheConsentWasWithdrawn_IsRefusedWithTheConsentReason()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        fall.ZustandSetzenFuerTest(Spur.Prozess, nameof(ProzessZustand.Abschluss), D(2025, 1, 1));
        fall.Feuern(Spur.Prozess, "Wiederaufnehmen", null, Rahmen(D(2026, 11, 2)));
        fall.EinwilligungWiderrufen(fall.Einwilligungen.Single(e => e.Empfaenger == Empfaenger.CaseManagement).Id, Akteur, Jetzt);

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Prozess, "AssessmentBeginnen", null, Rahmen()))
            .Gruende.ShouldBe([Einwilligung]);
        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Wiederaufnahme);
    }

    private static Fall InKlaerung(FallBuilder builder)
    {
        var fall = builder.Bauen();
        fall.Feuern(Spur.Prozess, "Klaeren", null, Rahmen(D(2026, 11, 2)));
        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Klaerung);
        return fall;
    }
}
