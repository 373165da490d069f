using Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;
using Kim.Casemanagement.Application.Datenschutz.Protokoll;

namespace Kim.Casemanagement.Application.Tests.Datenschutz;

/// <summary>
/// The filters of the consent register and the audit log viewer: what passes, what is refused with which German
/// message at which field (the page shows it at the field, the API under <c>errors</c>), and what the audit rows say.
/// </summary>
public sealed class DatenschutzFilterTests
{
    private static readonly RegisterFilterValidator Register = new();
    private static readonly ProtokollFilterValidator Protokoll = new();

    [Fact]
    public void RegisterFilter_WhenEveryCriterionIsValid_Passes()
    {
        var filter = new RegisterFilter
        {
            Status = RegisterStatus.Ablaufend, Tage = 366, Empfaenger = "Jobcenter", Kategorie = "Gesundheit",
            Von = new DateOnly(2026, 1, 1), Bis = new DateOnly(2026, 1, 1), Aktenzeichen = "KIM-2026-", Seite = 100_000, Groesse = 500,
        };

        Register.Validate(filter).IsValid.ShouldBeTrue();
        Register.Validate(new RegisterFilter()).IsValid.ShouldBeTrue();
    }

    public static TheoryData<RegisterFilter, string> UngueltigeRegisterFilter() => new()
    {
        { new RegisterFilter { Status = "aktiv" }, nameof(RegisterFilter.Status) },
        { new RegisterFilter { Status = "Gueltig" }, nameof(RegisterFilter.Status) },
        { new RegisterFilter { Status = RegisterStatus.Ablaufend, Tage = 0 }, nameof(RegisterFilter.Tage) },
        { new RegisterFilter { Status = RegisterStatus.Ablaufend, Tage = 367 }, nameof(RegisterFilter.Tage) },
        { new RegisterFilter { Empfaenger = "jobcenter" }, nameof(RegisterFilter.Empfaenger) },
        { new RegisterFilter { Empfaenger = "2" }, nameof(RegisterFilter.Empfaenger) },
        { new RegisterFilter { Kategorie = "Keine" }, nameof(RegisterFilter.Kategorie) },
        { new RegisterFilter { Von = new DateOnly(2026, 2, 1), Bis = new DateOnly(2026, 1, 31) }, nameof(RegisterFilter.Bis) },
        { new RegisterFilter { Aktenzeichen = "KIM_2026%" }, nameof(RegisterFilter.Aktenzeichen) },
        { new RegisterFilter { Aktenzeichen = new string('A', 41) }, nameof(RegisterFilter.Aktenzeichen) },
        { new RegisterFilter { Seite = 0 }, nameof(RegisterFilter.Seite) },
        { new RegisterFilter { Groesse = 501 }, nameof(RegisterFilter.Groesse) },
    };

    [Theory]
    [MemberData(nameof(UngueltigeRegisterFilter))]
    public void RegisterFilter_WhenOneCriterionIsInvalid_IsRefusedAtThatFieldInGerman(RegisterFilter filter, string feld)
    {
        var ergebnis = Register.Validate(filter);

        ergebnis.Errors.Select(e => e.PropertyName).Distinct().ShouldBe([feld]);
        ergebnis.Errors.ShouldAllBe(e => !e.ErrorMessage.Contains("must", StringComparison.Ordinal) && !e.ErrorMessage.Contains('\'', StringComparison.Ordinal));
    }

    [Fact]
    public void RegisterFilter_Beschreibung_NamesTheCriteriaWithoutFreeText()
    {
        new RegisterFilter { Status = RegisterStatus.Ablaufend, Empfaenger = "Jobcenter", Von = new DateOnly(2026, 3, 1), Aktenzeichen = "KIM-2026-000007", Seite = 2 }
            .Beschreibung().ShouldBe("status=ablaufend, tage=30, empfaenger=Jobcenter, von=2026-03-01, aktenzeichen=KIM-2026-000007, seite=2");
        new RegisterFilter { Status = RegisterStatus.Gueltig, Tage = 10 }.Beschreibung().ShouldBe("status=gueltig, seite=1");
    }

    [Fact]
    public void ProtokollFilter_WhenEveryCriterionIsValid_Passes()
    {
        var von = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Protokoll.Validate(new ProtokollFilter { Aktenzeichen = "KIM-2026-000001", BenutzerId = "a1b2", Aktion = "Fall.", Von = von, Bis = von, Seite = 3, Groesse = 500 }).IsValid.ShouldBeTrue();
        Protokoll.Validate(new ProtokollFilter { FallId = Guid.NewGuid(), Aktion = "Datenschutz.AuditPruefung" }).IsValid.ShouldBeTrue();
        Protokoll.Validate(new ProtokollFilter()).IsValid.ShouldBeTrue();
    }

    public static TheoryData<ProtokollFilter, string> UngueltigeProtokollFilter() => new()
    {
        { new ProtokollFilter { FallId = Guid.NewGuid(), Aktenzeichen = "KIM-2026-000001" }, nameof(ProtokollFilter.Aktenzeichen) },
        { new ProtokollFilter { Aktenzeichen = "KIM 2026" }, nameof(ProtokollFilter.Aktenzeichen) },
        { new ProtokollFilter { Aktion = "Fall%" }, nameof(ProtokollFilter.Aktion) },
        { new ProtokollFilter { Aktion = ".Lesen" }, nameof(ProtokollFilter.Aktion) },
        { new ProtokollFilter { Aktion = "Fall..Lesen" }, nameof(ProtokollFilter.Aktion) },
        { new ProtokollFilter { Aktion = new string('a', 101) }, nameof(ProtokollFilter.Aktion) },
        { new ProtokollFilter { BenutzerId = "a\u0001b" }, nameof(ProtokollFilter.BenutzerId) },
        { new ProtokollFilter { Von = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), Bis = new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero) }, nameof(ProtokollFilter.Bis) },
        { new ProtokollFilter { Seite = 0 }, nameof(ProtokollFilter.Seite) },
        { new ProtokollFilter { Groesse = 0 }, nameof(ProtokollFilter.Groesse) },
    };

    [Theory]
    [MemberData(nameof(UngueltigeProtokollFilter))]
    public void ProtokollFilter_WhenOneCriterionIsInvalid_IsRefusedAtThatFieldInGerman(ProtokollFilter filter, string feld)
    {
        var ergebnis = Protokoll.Validate(filter);

        ergebnis.Errors.Select(e => e.PropertyName).Distinct().ShouldBe([feld]);
        ergebnis.Errors.ShouldAllBe(e => !e.ErrorMessage.Contains("must", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2026, 1, 15, "2026-01-14T23:00:00.0000000+00:00")]
    [InlineData(2026, 7, 15, "2026-07-14T22:00:00.0000000+00:00")]
    [InlineData(2026, 3, 29, "2026-03-28T23:00:00.0000000+00:00")]
    public void Tagesbeginn_WhenADayIsGiven_IsMidnightInBerlin(int jahr, int monat, int tag, string utc) =>
        ProtokollFilter.Tagesbeginn(new DateOnly(jahr, monat, tag)).ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(utc);

    [Fact]
    public void KettenPruefung_Kurzfassung_SaysIntactOrTheFirstBreakAndIsReadBackAsTheLatestVerification()
    {
        var intakt = new KettenPruefung(120, null, 0, 120, "ab", 0, 0, 0, string.Empty);
        var gebrochen = intakt with { ErsterBruch = new KettenBruch(17, 99, "Zeile verändert") };
        var unversiegelt = intakt with { UnversiegelteAlteZeilen = 3 };

        intakt.Kurzfassung().ShouldBe("intakt: 120 Glieder geprüft, Kopf 120");
        gebrochen.Kurzfassung().ShouldBe("gebrochen: Zeile verändert bei Glied 17");
        unversiegelt.Kurzfassung().ShouldBe("gebrochen: 3 unversiegelte Zeilen");
        new LetztePruefung(DateTimeOffset.UtcNow, "ds", intakt.Kurzfassung()).Intakt.ShouldBe(true);
        new LetztePruefung(DateTimeOffset.UtcNow, "ds", gebrochen.Kurzfassung()).Intakt.ShouldBe(false);
        new LetztePruefung(DateTimeOffset.UtcNow, "ds", null).Intakt.ShouldBeNull();
    }
}
