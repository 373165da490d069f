using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests;

/// <summary>
/// Regression tests for domain bugs found by the test suite and fixed: ZWNJ in Persian names, intake date checks,
/// profile hand-over only with consent, toleration years not counted as lawful residence, backdating cannot bypass a
/// withdrawn consent.
/// </summary>
public class BehobeneDomainFehlerTests
{
    [Fact]
    public void Erfassen_WhenPersianNameContainsZeroWidthNonJoiner_AcceptsIt()
    {
        // "Alireza" as Persian writes it: علی‌رضا with U+200C ZERO WIDTH NON-JOINER between the two parts.
        const string name = "علی\u200Cرضا";

        var klient = FallBuilder.Neu().MitNamen(name, "محمدی").KlientErfassen();

        klient.Vorname.ShouldBe(name);
    }

    [Theory]
    [InlineData(30, "Das fachliche Datum darf nicht in der Zukunft liegen.")]
    [InlineData(-10_000, "Das fachliche Datum liegt vor der Geburt der Person.")]
    public void Eroeffnen_WhenIntakeDateIsInTheFutureOrBeforeBirth_ThrowsFachlichesDatumErrorAndOpensNothing(int tageAbHeute, string fehler)
    {
        var builder = FallBuilder.Neu().AufgenommenAm(Heute.AddDays(tageAbHeute));

        var ex = Should.Throw<DomainException>(builder.Bauen);

        ex.Errors.Keys.ShouldBe(["fachlichesDatum"]);
        ex.Errors["fachlichesDatum"].ShouldBe([fehler]);
    }

    [Fact]
    public void Anerkennen_WhenNoConsentNamesTheJobcenter_HandsNoKompetenzprofilToTheJobcenter()
    {
        var fall = FallBuilder.Neu()
            .MitAufenthalt(AufenthaltZustand.Aufenthaltsgestattung, D(2022, 10, 1))
            .MitLeistungen(LeistungenZustand.AsylbLG, D(2022, 10, 1))
            .MitEinwilligung(Empfaenger.CaseManagement)
            .MitKompetenzprofil(Sprachniveau.B1)
            .Bauen();

        fall.Feuern(Spur.Aufenthalt, "Anerkennen", P((ParameterNamen.Schutzform, "Fluechtlingseigenschaft")), Rahmen());

        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.RechtskreiswechselFaellig);
        fall.Wiedervorlagen.ShouldHaveSingleItem().Art.ShouldBe(WiedervorlageArt.Rechtskreiswechsel);
        fall.NeueUebergaben.ShouldBeEmpty();
    }

    [Fact]
    public void Einbuergern_WhenOpenedWithParagraph25bAfterYearsOfToleration_DoesNotCountTheTolerationAsLawfulResidence()
    {
        // Entered 2015, tolerated until the § 25b permit on 2024-06-01, then opened in KIM: 2.5 years of lawful residence by today.
        var fall = FallBuilder.AllesErfuellt()
            .AufgenommenAm(D(2025, 1, 6))
            .MitAufenthalt(AufenthaltZustand.Aufenthaltserlaubnis25b, D(2024, 6, 1), gueltigBis: D(2026, 5, 31))
            .MitBildung(Faelle.Bildung.BildungZustand.Ausbildung, D(2024, 8, 1), Sprachniveau.C1)
            .MitBeschaeftigung(39, D(2025, 2, 1))
            .Bauen();

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Aufenthalt, "Einbuergern", null, Rahmen()));

        ex.Gruende.ShouldBe([Bedingungen.EinbuergerungMindestaufenthalt.Beschreibung]);
        fall.Aufenthalt.RechtmaessigSeit.ShouldBe(D(2024, 6, 1));
    }

    [Fact]
    public void UeberleitungAnfragen_WhenConsentWasWithdrawnAndTheStepIsBackdated_IsStillRefused()
    {
        var fall = FallBuilder.Neu().MitEinwilligung(Empfaenger.Jobcenter).Bauen();
        fall.EinwilligungWiderrufen(fall.Einwilligungen.Single().Id, Akteur, Jetzt);

        var ex = Should.Throw<SchrittNichtMoeglichException>(() =>
            fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Jobcenter, "Begleitung des SGB-II-Antrags", Rahmen(Heute.AddDays(-1))));

        ex.Gruende.ShouldBe([Bedingungen.EinwilligungFuer(Behoerde.Jobcenter).Beschreibung]);
        fall.Ueberleitungen.ShouldBeEmpty();
    }
}
