using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Folgeregeln;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.SpurUebergreifend;

/// <summary>DOMAIN.md §3.3: recognition on the Aufenthalt track makes the Rechtskreiswechsel due on the Leistungen track in the same change.</summary>
public class RechtskreiswechselTests
{
    private static readonly DateOnly Anerkennungstag = D(2026, 11, 10);

    [Fact]
    public void Anerkennen_WhenClientLivesOnAsylbLG_MakesTheRechtskreiswechselDueInTheSameCall()
    {
        var fall = AsylbewerberinMitProfil().Bauen();
        var vorher = fall.NeueEreignisse.Count;

        fall.Feuern(Spur.Aufenthalt, "Anerkennen", P((ParameterNamen.Schutzform, "SubsidiaererSchutz")), Rahmen(Anerkennungstag, "Bescheid des BAMF vom 05.11.2026"));

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Schutzstatus);
        fall.Aufenthalt.Schutzform.ShouldBe(Schutzform.SubsidiaererSchutz);
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.RechtskreiswechselFaellig);
        fall.Leistungen.Seit.ShouldBe(Anerkennungstag);

        var neu = fall.NeueEreignisse.Skip(vorher).ToList();
        neu.Count.ShouldBe(2);
        var anerkennung = neu[0];
        anerkennung.Spur.ShouldBe(Spur.Aufenthalt);
        anerkennung.Trigger.ShouldBe("Anerkennen");
        anerkennung.VonZustand.ShouldBe("Aufenthaltsgestattung");
        anerkennung.NachZustand.ShouldBe("Schutzstatus");
        anerkennung.Notiz.ShouldBe("Bescheid des BAMF vom 05.11.2026");
        anerkennung.AusgeloestDurch.ShouldBeNull();

        var folge = neu[1];
        folge.Spur.ShouldBe(Spur.Leistungen);
        folge.Trigger.ShouldBe("RechtskreiswechselAnstossen");
        folge.VonZustand.ShouldBe("AsylbLG");
        folge.NachZustand.ShouldBe("RechtskreiswechselFaellig");
        folge.Nr.ShouldBe(anerkennung.Nr + 1);
        folge.AusgeloestDurch.ShouldBe(anerkennung.Nr);
        folge.FachlichesDatum.ShouldBe(Anerkennungstag);
        folge.Akteur.ShouldBe(Akteur);
        folge.Notiz.ShouldBe("Automatisch: Rechtskreiswechsel nach Anerkennung fällig.");
    }

    [Fact]
    public void Anerkennen_WhenRechtskreiswechselBecomesDue_CreatesAFollowUpForTheCaseManager()
    {
        var fall = AsylbewerberinMitProfil().Bauen();

        fall.Feuern(Spur.Aufenthalt, "Anerkennen", P((ParameterNamen.Schutzform, "Fluechtlingseigenschaft")), Rahmen(Anerkennungstag));

        var wiedervorlage = fall.Wiedervorlagen.ShouldHaveSingleItem();
        wiedervorlage.Art.ShouldBe(WiedervorlageArt.Rechtskreiswechsel);
        wiedervorlage.Faellig.ShouldBe(Anerkennungstag.AddDays(AnerkennungMachtRechtskreiswechselFaellig.WiedervorlageNachTagen));
        wiedervorlage.Betreff.ShouldBe("Rechtskreiswechsel: SGB-II-Antrag beim Jobcenter begleiten");
        wiedervorlage.IstOffen.ShouldBeTrue();
        wiedervorlage.ZustaendigId.ShouldBeNull();
    }

    [Fact]
    public void Anerkennen_WhenRecordedMoreThanTwoWeeksLate_MakesTheFollowUpDueToday()
    {
        var fall = AsylbewerberinMitProfil().Bauen();

        fall.Feuern(Spur.Aufenthalt, "Anerkennen", P((ParameterNamen.Schutzform, "Fluechtlingseigenschaft")), Rahmen(D(2026, 9, 1)));

        fall.Wiedervorlagen.ShouldHaveSingleItem().Faellig.ShouldBe(Heute);
    }

    [Fact]
    public void Anerkennen_WhenRechtskreiswechselBecomesDue_HandsTheCurrentKompetenzprofilToTheJobcenter()
    {
        var fall = AsylbewerberinMitProfil().Bauen();

        fall.Feuern(Spur.Aufenthalt, "Anerkennen", P((ParameterNamen.Schutzform, "Fluechtlingseigenschaft")), Rahmen(Anerkennungstag));

        var uebergabe = fall.NeueUebergaben.ShouldHaveSingleItem();
        uebergabe.Empfaenger.ShouldBe(Behoerde.Jobcenter);
        uebergabe.FallId.ShouldBe(fall.Id);
        uebergabe.Anlass.ShouldBe("Rechtskreiswechsel nach Anerkennung");
        uebergabe.FachlichesDatum.ShouldBe(Anerkennungstag);
        uebergabe.Profil.Deutschniveau.ShouldBe(Sprachniveau.B1);
        uebergabe.Profil.AlphabetisierungNoetig.ShouldBe(false);
        uebergabe.Profil.Berufsabschluesse.ShouldBe([new Berufsabschluss("Elektroniker", "Syrien", false, null)]);
        uebergabe.Profil.Sprachen.ShouldBe(["Arabisch", "Englisch"]);
        uebergabe.Profil.ErfasstAm.ShouldBe(fall.Kompetenzprofil.ErfasstAm);
    }

    [Fact]
    public void Anerkennen_WhenTheProfileChangesAfterwards_LeavesTheHandedOverCopyUnchanged()
    {
        var fall = AsylbewerberinMitProfil().Bauen();
        fall.Feuern(Spur.Aufenthalt, "Anerkennen", P((ParameterNamen.Schutzform, "Fluechtlingseigenschaft")), Rahmen(Anerkennungstag));
        var uebergabe = fall.NeueUebergaben.ShouldHaveSingleItem();

        fall.KompetenzprofilErfassen(new Kompetenzprofil { Deutschniveau = Sprachniveau.C1, AlphabetisierungNoetig = false, Sprachen = ["Kurdisch"] }, Heute, Heute, Jetzt);
        fall.Kompetenzprofil.Berufsabschluesse.Add(new Berufsabschluss("Meister", "Deutschland", false, AnerkennungsErgebnis.Voll));
        fall.Feuern(Spur.Bildung, "SprachstandAktualisieren", P((ParameterNamen.Sprachniveau, "C2")), Rahmen());

        fall.Kompetenzprofil.Deutschniveau.ShouldBe(Sprachniveau.C2);
        uebergabe.Profil.Deutschniveau.ShouldBe(Sprachniveau.B1);
        uebergabe.Profil.Sprachen.ShouldBe(["Arabisch", "Englisch"]);
        uebergabe.Profil.Berufsabschluesse.ShouldBe([new Berufsabschluss("Elektroniker", "Syrien", false, null)]);
        uebergabe.Profil.ErfasstAm.ShouldBe(FallBuilder.StandardAufnahmetag.AddDays(8));
    }

    [Fact]
    public void AbschiebungsverbotFeststellen_WhenClientLivesOnAsylbLG_AlsoMakesTheRechtskreiswechselDue()
    {
        var fall = AsylbewerberinMitProfil().Bauen();

        fall.Feuern(Spur.Aufenthalt, "AbschiebungsverbotFeststellen", null, Rahmen(Anerkennungstag));

        fall.Aufenthalt.Schutzform.ShouldBe(Schutzform.Abschiebungsverbot);
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.RechtskreiswechselFaellig);
        fall.NeueEreignisse[^1].AusgeloestDurch.ShouldBe(fall.NeueEreignisse[^2].Nr);
        fall.Wiedervorlagen.ShouldHaveSingleItem().Art.ShouldBe(WiedervorlageArt.Rechtskreiswechsel);
        fall.NeueUebergaben.ShouldHaveSingleItem().Empfaenger.ShouldBe(Behoerde.Jobcenter);
    }

    [Fact]
    public void Anerkennen_WhenClientAlreadyWorksWithoutBenefits_ChangesNothingOnTheLeistungenTrack()
    {
        var fall = AsylbewerberinMitProfil().MitLeistungen(LeistungenZustand.KeinLeistungsbezug, D(2022, 10, 1)).MitBeschaeftigung(39, D(2024, 1, 1)).Bauen();
        var vorher = fall.NeueEreignisse.Count;

        fall.Feuern(Spur.Aufenthalt, "Anerkennen", P((ParameterNamen.Schutzform, "Fluechtlingseigenschaft")), Rahmen(Anerkennungstag));

        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.ArbeitBedarfsdeckend);
        fall.NeueEreignisse.Count.ShouldBe(vorher + 1);
        fall.Wiedervorlagen.ShouldBeEmpty();
        fall.NeueUebergaben.ShouldBeEmpty();
    }

    [Fact]
    public void Anerkennen_WhenRechtskreiswechselIsDue_OpensTheSgb2ApplicationStep()
    {
        var fall = AsylbewerberinMitProfil().Bauen();
        var vorher = fall.Schrittstand(Spur.Leistungen, "Sgb2Beantragen", Anerkennungstag);

        fall.Feuern(Spur.Aufenthalt, "Anerkennen", P((ParameterNamen.Schutzform, "Fluechtlingseigenschaft")), Rahmen(Anerkennungstag));

        vorher.ShouldBeNull();
        fall.Schrittstand(Spur.Leistungen, "Sgb2Beantragen").ShouldNotBeNull().Moeglich.ShouldBeTrue();
        fall.Feuern(Spur.Leistungen, "Sgb2Beantragen", null, Rahmen());
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.Sgb2Beantragt);
    }

    [Fact]
    public void Sgb2Beantragen_WhenInAufenthaltsgestattung_IsRefusedWithTheResidenceReason()
    {
        var fall = FallBuilder.Neu().MitAufenthalt(AufenthaltZustand.Aufenthaltsgestattung, D(2022, 10, 1)).Bauen();

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Leistungen, "Sgb2Beantragen", null, Rahmen()));

        ex.Gruende.ShouldBe([Bedingungen.Sgb2BerechtigenderAufenthalt.Beschreibung]);
        ex.Gruende[0].ShouldBe("Leistungen nach dem SGB II setzen einen dazu berechtigenden Aufenthaltsstatus voraus (Aufenthalts-Spur).");
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.KeinLeistungsbezug);
        var schritt = fall.Schrittstand(Spur.Leistungen, "Sgb2Beantragen").ShouldNotBeNull();
        schritt.Moeglich.ShouldBeFalse();
        schritt.Gruende.ShouldBe([Bedingungen.Sgb2BerechtigenderAufenthalt.Beschreibung]);
    }

    [Fact]
    public void RechtskreiswechselAnstossen_WhenInAufenthaltsgestattung_IsRefusedWithTheResidenceReason()
    {
        var fall = AsylbewerberinMitProfil().Bauen();

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Leistungen, "RechtskreiswechselAnstossen", null, Rahmen()))
            .Gruende.ShouldBe([Bedingungen.Sgb2BerechtigenderAufenthalt.Beschreibung]);
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.AsylbLG);
    }

    [Fact]
    public void Eroeffnen_WhenSgb2AtIntakeWithoutEntitlingResidence_IsRefusedWithTheResidenceReason()
    {
        var builder = FallBuilder.Neu().MitAufenthalt(AufenthaltZustand.Aufenthaltsgestattung, D(2022, 10, 1)).MitLeistungen(LeistungenZustand.Sgb2Bewilligt, D(2022, 12, 1));

        var ex = Should.Throw<SchrittNichtMoeglichException>(builder.Bauen);

        ex.Spur.ShouldBe("Leistungen");
        ex.Trigger.ShouldBe(Fall.AufnahmeTrigger);
        ex.Gruende.ShouldBe([Bedingungen.Sgb2BerechtigenderAufenthalt.Beschreibung]);
    }

    [Fact]
    public void Sgb2Bewilligen_WhenTheResidenceStatusWasLostWhileTheApplicationWasPending_IsRefused()
    {
        var fall = FallBuilder.Neu().MitAufenthalt(AufenthaltZustand.AufenthaltserlaubnisSchutz, D(2022, 10, 1), Schutzform.SubsidiaererSchutz)
            .MitLeistungen(LeistungenZustand.KeinLeistungsbezug, D(2022, 10, 1)).Bauen();
        fall.Feuern(Spur.Leistungen, "Sgb2Beantragen", null, Rahmen(D(2026, 10, 1)));
        fall.Feuern(Spur.Aufenthalt, "Ausreisen", null, Rahmen(D(2026, 10, 15)));

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Leistungen, "Sgb2Bewilligen", null, Rahmen()))
            .Gruende.ShouldBe([Bedingungen.Sgb2BerechtigenderAufenthalt.Beschreibung]);
    }

    /// <summary>In the asylum procedure on AsylbLG, with consent for every authority and a B1 profile with a foreign qualification.</summary>
    private static FallBuilder AsylbewerberinMitProfil() =>
        FallBuilder.Neu()
            .MitAufenthalt(AufenthaltZustand.Aufenthaltsgestattung, D(2022, 10, 1))
            .MitLeistungen(LeistungenZustand.AsylbLG, D(2022, 10, 1))
            .MitBildung(BildungZustand.SprachstandFestgestellt, D(2022, 12, 1))
            .MitAllenEinwilligungen()
            .MitArt13Information()
            .MitKompetenzprofil(Sprachniveau.B1);
}
