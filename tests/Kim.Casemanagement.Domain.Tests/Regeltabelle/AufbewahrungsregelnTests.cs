using Kim.Casemanagement.Domain.Rechtsregeln;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Regeltabelle;

/// <summary>
/// Retention periods per category of data are dated rows of the rule table: looked up by date, with a legal basis,
/// and changed by a new row (data), not by code.
/// </summary>
public class AufbewahrungsregelnTests
{
    private static readonly Rechtsregeltabelle Standard = Rechtsregeltabelle.Standard;

    public static TheoryData<string, string> Kategorien() => new()
    {
        { "Aufbewahrung.FallakteNachAbschluss", "P3Y" },
        { "Aufbewahrung.Auditprotokoll", "P2Y" },
        { "Aufbewahrung.Benachrichtigungen", "P90D" },
        { "Aufbewahrung.Sitzungen", "P30D" },
        { "Aufbewahrung.Idempotenzschluessel", "PT24H" },
    };

    [Theory]
    [MemberData(nameof(Kategorien))]
    public void Zeile_WhenAskedForEachCategoryToday_HasThePeriodAValidityDateAndALegalBasis(string schluessel, string frist)
    {
        var zeile = Standard.Zeile(schluessel, Heute);

        zeile.Wert.ShouldBe(frist);
        zeile.GueltigAb.ShouldBe(D(2020, 1, 1));
        zeile.GueltigBis.ShouldBeNull();
        zeile.Quelle.ShouldContain("DSGVO");
    }

    [Fact]
    public void Wert_WhenTheTypedKeysAreLookedUp_ReturnTheDefaultPeriods()
    {
        Standard.Wert(Regeln.AufbewahrungFallakte, Heute).ShouldBe(new Frist(3, 0, 0, 0));
        Standard.Wert(Regeln.AufbewahrungAuditprotokoll, Heute).ShouldBe(new Frist(2, 0, 0, 0));
        Standard.Wert(Regeln.AufbewahrungBenachrichtigungen, Heute).ShouldBe(new Frist(0, 0, 90, 0));
        Standard.Wert(Regeln.AufbewahrungSitzungen, Heute).ShouldBe(new Frist(0, 0, 30, 0));
        Standard.Wert(Regeln.AufbewahrungIdempotenz, Heute).ShouldBe(new Frist(0, 0, 0, 24));
    }

    [Fact]
    public void TryWert_WhenAskedBeforeTheRetentionRowsExisted_ReturnsFalse()
    {
        Standard.TryWert(Regeln.AufbewahrungFallakte, D(2019, 12, 31), out _).ShouldBeFalse();
        Standard.TryWert(Regeln.AufbewahrungFallakte, D(2020, 1, 1), out var frist).ShouldBeTrue();
        frist.ShouldBe(new Frist(3, 0, 0, 0));
    }

    [Theory]
    [InlineData("2026-12-31", "P2Y")]
    [InlineData("2027-01-01", "P1Y")]
    [InlineData("2030-06-15", "P1Y")]
    public void Wert_WhenAKommuneShortensTheAuditPeriodFromADate_ReturnsThePeriodOfThatDay(string tag, string erwartet)
    {
        var kommunal = Standard.MitErsetzten(
        [
            new Rechtsregel("Aufbewahrung.Auditprotokoll", D(2020, 1, 1), D(2026, 12, 31), "P2Y", "Produktstandard"),
            new Rechtsregel("Aufbewahrung.Auditprotokoll", D(2027, 1, 1), null, "P1Y", "Beschluss der Kommune vom 01.10.2026, mit der DSB abgestimmt"),
        ]);

        kommunal.Wert(Regeln.AufbewahrungAuditprotokoll, DateOnly.Parse(tag, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Frist.Parse(erwartet));
        kommunal.Wert(Regeln.AufbewahrungFallakte, Heute).ShouldBe(new Frist(3, 0, 0, 0));
    }

    [Theory]
    [InlineData("P3Y", 3, 0, 0, 0)]
    [InlineData("P1Y6M", 1, 6, 0, 0)]
    [InlineData("P90D", 0, 0, 90, 0)]
    [InlineData("PT24H", 0, 0, 0, 24)]
    [InlineData("P1DT12H", 0, 0, 1, 12)]
    public void Parse_WhenGivenAnIsoDuration_ReadsEveryPartAndWritesItBackUnchanged(string text, int jahre, int monate, int tage, int stunden)
    {
        var frist = Frist.Parse(text);

        frist.ShouldBe(new Frist(jahre, monate, tage, stunden));
        frist.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P0D")]
    [InlineData("P-1Y")]
    [InlineData("P1W")]
    [InlineData("p3y")]
    [InlineData("P3Y ")]
    public void Parse_WhenTheTextIsNoPositiveIsoDuration_RejectsItWithAGermanMessage(string text)
    {
        Should.Throw<FormatException>(() => Frist.Parse(text)).Message.ShouldContain("Frist");
    }

    [Fact]
    public void Vor_WhenComputingTheCutOff_GoesBackByCalendarYearsMonthsDaysAndHours()
    {
        var jetzt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        new Frist(2, 0, 0, 0).Vor(jetzt).ShouldBe(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero));
        new Frist(0, 0, 90, 0).Vor(jetzt).ShouldBe(new DateTimeOffset(2025, 12, 1, 10, 0, 0, TimeSpan.Zero));
        new Frist(0, 0, 0, 24).Vor(jetzt).ShouldBe(new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Ende_WhenAFallWasClosedOnALeapDay_EndsThreeCalendarYearsLater()
    {
        new Frist(3, 0, 0, 0).Ende(D(2024, 2, 29)).ShouldBe(D(2027, 2, 28));
        new Frist(0, 0, 0, 24).Ende(D(2026, 1, 1)).ShouldBe(D(2026, 1, 2));
    }
}
