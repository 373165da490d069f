using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Eingaben;

/// <summary>DOMAIN.md §4: a valid consent names recipient, data categories and a concrete purpose; blanket consent is invalid; withdrawal takes effect at once.</summary>
public class EinwilligungTests
{
    private const string Zweck = FallBuilder.Zweck;

    [Fact]
    public void EinwilligungErteilen_WhenNoDataCategoryIsNamed_IsRefusedAsBlanketConsent()
    {
        var fall = FallBuilder.Neu().Bauen();

        var ex = Should.Throw<DomainException>(() => Erteilen(fall, Empfaenger.Jobcenter, Datenkategorie.Keine, Zweck));

        ex.Errors.Keys.ShouldBe(["datenkategorien"]);
        ex.Errors["datenkategorien"].ShouldBe(["Eine Einwilligung muss mindestens eine bekannte Datenkategorie benennen (Pauschaleinwilligungen sind unwirksam)."]);
        fall.Einwilligungen.ShouldBeEmpty();
    }

    [Fact]
    public void EinwilligungErteilen_WhenAnUnknownCategoryBitIsSet_IsRefused()
    {
        var fall = FallBuilder.Neu().Bauen();

        Should.Throw<DomainException>(() => Erteilen(fall, Empfaenger.Jobcenter, Datenkategorie.Stammdaten | (Datenkategorie)128, Zweck))
            .Errors.Keys.ShouldBe(["datenkategorien"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Alles")]
    [InlineData("  Beratung  ")]
    [InlineData("Case\u0007Management KIM")]
    public void EinwilligungErteilen_WhenThePurposeIsTooShortOrHasControlCharacters_IsRefused(string zweck)
    {
        var fall = FallBuilder.Neu().Bauen();

        var ex = Should.Throw<DomainException>(() => Erteilen(fall, Empfaenger.Jobcenter, Datenkategorie.Leistungen, zweck));

        ex.Errors.Keys.ShouldBe(["zweck"]);
        ex.Errors["zweck"].ShouldBe(["Der Zweck muss konkret benannt werden (10 bis 200 Zeichen, keine Steuerzeichen)."]);
        fall.Einwilligungen.ShouldBeEmpty();
    }

    [Fact]
    public void EinwilligungErteilen_WhenFormReferenceIsMissingAndValidityIsReversed_ReportsBothFields()
    {
        var fall = FallBuilder.Neu().Bauen();

        var ex = Should.Throw<DomainException>(() => fall.EinwilligungErteilen(Guid.NewGuid(), Empfaenger.Jobcenter, Datenkategorie.Leistungen, Zweck, D(2026, 1, 1), D(2025, 12, 31), " ", Akteur, Jetzt));

        ex.Errors.Keys.ShouldBe(["formularReferenz", "gueltigBis"], ignoreOrder: true);
        ex.Errors["gueltigBis"].ShouldBe(["„Gültig bis“ darf nicht vor „Gültig ab“ liegen."]);
    }

    [Fact]
    public void EinwilligungErteilen_WhenComplete_IsValidExactlyWithinItsPeriodAndForItsRecipient()
    {
        var fall = FallBuilder.Neu().Bauen();

        var einwilligung = fall.EinwilligungErteilen(Guid.NewGuid(), Empfaenger.Jobcenter, Datenkategorie.Leistungen | Datenkategorie.Kompetenzprofil, "  " + Zweck, D(2026, 1, 1), D(2026, 12, 31), "EW-2026-4", Akteur, Jetzt);

        einwilligung.Zweck.ShouldBe(Zweck);
        einwilligung.Umfasst(Datenkategorie.Kompetenzprofil).ShouldBeTrue();
        einwilligung.Umfasst(Datenkategorie.Gesundheit).ShouldBeFalse();
        fall.HatGueltigeEinwilligung(Empfaenger.Jobcenter, D(2025, 12, 31)).ShouldBeFalse();
        fall.HatGueltigeEinwilligung(Empfaenger.Jobcenter, D(2026, 1, 1)).ShouldBeTrue();
        fall.HatGueltigeEinwilligung(Empfaenger.Jobcenter, D(2026, 12, 31)).ShouldBeTrue();
        fall.HatGueltigeEinwilligung(Empfaenger.Jobcenter, D(2027, 1, 1)).ShouldBeFalse();
        fall.HatGueltigeEinwilligung(Empfaenger.Auslaenderbehoerde, D(2026, 6, 1)).ShouldBeFalse();
    }

    [Fact]
    public void EinwilligungWiderrufen_WhenRecorded_TakesEffectAtOnce()
    {
        var fall = FallBuilder.Neu().MitEinwilligung(Empfaenger.Jobcenter).Bauen();
        var einwilligung = fall.Einwilligungen.ShouldHaveSingleItem();
        fall.HatGueltigeEinwilligungJetzt(Empfaenger.Jobcenter, Jetzt.AddSeconds(-1), Heute).ShouldBeTrue();

        fall.EinwilligungWiderrufen(einwilligung.Id, "datenschutz", Jetzt);

        einwilligung.WiderrufenAm.ShouldBe(Jetzt);
        einwilligung.WiderrufenVon.ShouldBe("datenschutz");
        fall.HatGueltigeEinwilligungJetzt(Empfaenger.Jobcenter, Jetzt, Heute).ShouldBeFalse();
        fall.HatGueltigeEinwilligung(Empfaenger.Jobcenter, Heute).ShouldBeFalse();
        fall.HatGueltigeEinwilligung(Empfaenger.Jobcenter, Heute.AddDays(-1)).ShouldBeTrue();
    }

    [Fact]
    public void UeberleitungAnfragen_WhenTheConsentWasWithdrawn_IsRefusedAndCreatesNoReferral()
    {
        var fall = FallBuilder.Neu().MitEinwilligung(Empfaenger.Jobcenter).Bauen();
        fall.EinwilligungWiderrufen(fall.Einwilligungen.Single().Id, Akteur, Jetzt);

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Jobcenter, "Begleitung des SGB-II-Antrags", Rahmen()));

        ex.Gruende.ShouldBe([Bedingungen.EinwilligungFuer(Behoerde.Jobcenter).Beschreibung]);
        ex.Gruende[0].ShouldBe("Ohne gültige Einwilligung, die die Jobcenter als Empfänger nennt, ist keine Überleitung dorthin möglich.");
        fall.Ueberleitungen.ShouldBeEmpty();
    }

    [Fact]
    public void UeberleitungAnfragen_WhenConsentNamesAnotherAuthority_IsRefused()
    {
        var fall = FallBuilder.Neu().MitEinwilligung(Empfaenger.Jobcenter).MitEinwilligung(Empfaenger.CaseManagement).Bauen();

        Should.Throw<SchrittNichtMoeglichException>(() => fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Auslaenderbehoerde, "Klärung der Wohnsitzauflage", Rahmen()))
            .Gruende.ShouldBe([Bedingungen.EinwilligungFuer(Behoerde.Auslaenderbehoerde).Beschreibung]);
        fall.Ueberleitungen.ShouldBeEmpty();
    }

    [Fact]
    public void UeberleitungAnfragen_WhenConsentNamesTheAuthority_CreatesTheReferralAsRequested()
    {
        var fall = FallBuilder.Neu().MitEinwilligung(Empfaenger.Bildungsberatung).Bauen();

        var ueberleitung = fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Bildungsberatung, "  Anerkennungsberatung für den Abschluss  ", Rahmen());

        ueberleitung.Zustand.ToString().ShouldBe("Angefragt");
        ueberleitung.Anliegen.ShouldBe("Anerkennungsberatung für den Abschluss");
        ueberleitung.Empfaenger.ShouldBe(Behoerde.Bildungsberatung);
        var ereignis = fall.NeueEreignisse[^1];
        ereignis.Spur.ShouldBe(Spur.Ueberleitung);
        ereignis.UeberleitungId.ShouldBe(ueberleitung.Id);
        ereignis.VonZustand.ShouldBe("Entwurf");
        ereignis.NachZustand.ShouldBe("Angefragt");
    }

    [Fact]
    public void EinwilligungWiderrufen_WhenAlreadyWithdrawn_ThrowsGermanMessage()
    {
        var fall = FallBuilder.Neu().MitEinwilligung(Empfaenger.Jobcenter).Bauen();
        var id = fall.Einwilligungen.Single().Id;
        fall.EinwilligungWiderrufen(id, Akteur, Jetzt);

        Should.Throw<DomainException>(() => fall.EinwilligungWiderrufen(id, Akteur, Jetzt.AddMinutes(5)))
            .Message.ShouldBe("Die Einwilligung ist bereits widerrufen.");
        fall.Einwilligungen.Single().WiderrufenAm.ShouldBe(Jetzt);
    }

    [Fact]
    public void EinwilligungWiderrufen_WhenTheConsentBelongsToAnotherFall_ThrowsNichtGefunden()
    {
        var fall = FallBuilder.Neu().Bauen();

        Should.Throw<NichtGefundenException>(() => fall.EinwilligungWiderrufen(Guid.NewGuid(), Akteur, Jetzt))
            .Message.ShouldBe("Die Einwilligung gehört nicht zu diesem Fall.");
    }

    private static Einwilligung Erteilen(Fall fall, Empfaenger empfaenger, Datenkategorie kategorien, string zweck) =>
        fall.EinwilligungErteilen(Guid.NewGuid(), empfaenger, kategorien, zweck, D(2026, 1, 1), null, "EW-2026-1", Akteur, Jetzt);
}
