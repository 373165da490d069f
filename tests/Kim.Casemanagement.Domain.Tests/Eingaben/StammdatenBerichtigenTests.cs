using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Eingaben;

/// <summary>
/// Art. 16 DSGVO: the client's master data are corrected with the rules of intake; the case file learns which fields
/// changed, never their values; the old values are handed back for the audit trail only; invalid input changes nothing.
/// </summary>
public class StammdatenBerichtigenTests
{
    private static Fall Gespeicherter(string vorname = "Amina", string nachname = "Haddad")
    {
        var fall = FallBuilder.Neu().MitNamen(vorname, nachname).Bauen();
        fall.Gespeichert();
        return fall;
    }

    private static KlientStammdaten Mit(Fall fall, Func<KlientStammdaten, KlientStammdaten> aenderung) => aenderung(fall.Klient.Stammdaten);

    [Fact]
    public void KlientBerichtigen_WhenNameAndBirthDateChange_StoresTheNewValuesAndReturnsTheOldOnesForTheAudit()
    {
        var fall = Gespeicherter();
        var version = fall.Version;
        var neuesGeburtsdatum = FallBuilder.StandardGeburtsdatum.AddDays(-3);

        var aenderungen = fall.KlientBerichtigen(Mit(fall, d => d with { Vorname = "Aminah", Geburtsdatum = neuesGeburtsdatum }), "fm-1", Heute, Jetzt);

        aenderungen.ShouldBe([
            new StammdatenAenderung("vorname", "Amina"),
            new StammdatenAenderung("geburtsdatum", "2002-03-15"),
        ]);
        fall.Klient.Vorname.ShouldBe("Aminah");
        fall.Klient.Geburtsdatum.ShouldBe(neuesGeburtsdatum);
        fall.Klient.Nachname.ShouldBe("Haddad");
        fall.KlientGeaendert.ShouldBeTrue();
        fall.Version.ShouldBe(version + 1);
    }

    [Fact]
    public void KlientBerichtigen_WhenSomethingChanged_NotesTheFieldNamesWithoutAnyValueInTheCaseFile()
    {
        var fall = Gespeicherter();

        fall.KlientBerichtigen(Mit(fall, d => d with { Vorname = "Aminah", Herkunftsland = "Libanon", MinderjaehrigeKinder = 2 }), "fm-1", Heute, Jetzt);

        var notiz = fall.NeueNotizen.ShouldHaveSingleItem();
        notiz.Text.ShouldBe("Stammdaten berichtigt (Art. 16 DSGVO): Vorname, Herkunftsland, Zahl der minderjährigen Kinder.");
        notiz.VerfasstVon.ShouldBe("fm-1");
        notiz.Text.ShouldNotContain("Amina");
        notiz.Text.ShouldNotContain("Syrien");
        fall.NeueEreignisse.ShouldBeEmpty("a correction is no step on a track (the analyses stay as they are)");
    }

    [Fact]
    public void KlientBerichtigen_WhenNothingDiffers_ChangesNothingAndNotesNothing()
    {
        var fall = Gespeicherter();
        var version = fall.Version;

        var aenderungen = fall.KlientBerichtigen(fall.Klient.Stammdaten with { Vorname = "  Amina " }, "fm-1", Heute, Jetzt);

        aenderungen.ShouldBeEmpty();
        fall.NeueNotizen.ShouldBeEmpty();
        fall.KlientGeaendert.ShouldBeFalse();
        fall.Version.ShouldBe(version);
    }

    [Fact]
    public void KlientBerichtigen_WhenInputBreaksTheIntakeRules_ReportsEveryFieldInGermanAndChangesNothing()
    {
        var fall = Gespeicherter();
        var vorher = fall.Klient.Stammdaten;
        var version = fall.Version;
        var falsch = new KlientStammdaten("Anna2", "", Heute.AddDays(1), (Geschlecht)9, "Syrien1", Heute.AddDays(-1), 31);

        var e = Should.Throw<DomainException>(() => fall.KlientBerichtigen(falsch, "fm-1", Heute, Jetzt));

        e.Message.ShouldBe("Die Angaben zur Person sind unvollständig oder ungültig.");
        e.Errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["einreisedatum", "geburtsdatum", "geschlecht", "herkunftsland", "minderjaehrigeKinder", "nachname", "vorname"]);
        e.Errors["vorname"].ShouldBe(["Der Vorname muss aus Buchstaben bestehen (1 bis 100 Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt)."]);
        e.Errors["minderjaehrigeKinder"].ShouldBe(["Die Zahl der minderjährigen Kinder muss zwischen 0 und 30 liegen."]);
        fall.Klient.Stammdaten.ShouldBe(vorher);
        fall.NeueNotizen.ShouldBeEmpty();
        fall.Version.ShouldBe(version);
    }

    [Fact]
    public void KlientBerichtigen_WhenTheBirthDateFallsAfterTheIntake_RefusesIt()
    {
        var fall = FallBuilder.Neu().AufgenommenAm(Testzeit.D(2024, 5, 1)).Bauen();
        fall.Gespeichert();

        var e = Should.Throw<DomainException>(() => fall.KlientBerichtigen(fall.Klient.Stammdaten with { Geburtsdatum = Testzeit.D(2024, 5, 2), Einreisedatum = null }, "fm-1", Heute, Jetzt));

        e.Errors["geburtsdatum"].ShouldBe(["Das Geburtsdatum darf nicht nach dem Aufnahmedatum des Falls liegen."]);
        fall.Klient.Geburtsdatum.ShouldBe(FallBuilder.StandardGeburtsdatum);
    }

    [Fact]
    public void KlientBerichtigen_WhenTheEntryDateIsRemoved_StoresNoneAndReturnsTheOldDate()
    {
        var fall = Gespeicherter();

        var aenderungen = fall.KlientBerichtigen(fall.Klient.Stammdaten with { Einreisedatum = null }, "fm-1", Heute, Jetzt);

        aenderungen.ShouldBe([new StammdatenAenderung("einreisedatum", "2015-09-01")]);
        fall.Klient.Einreisedatum.ShouldBeNull();
    }
}
