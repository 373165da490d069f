using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Tests.Analysen;

public sealed class ThemaTests
{
    private static readonly DateTimeOffset Jetzt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Thema Melden(string? beschreibung, ThemaKategorie kategorie = ThemaKategorie.WartezeitIntegrationskurs) =>
        Thema.Melden(Guid.NewGuid(), "Musterstadt", Guid.NewGuid(), kategorie, beschreibung, ["Amina", "Haddad-Saleh"], "fm.test", Jetzt);

    [Fact]
    public void Melden_WithAStructuralDescription_IsOpenInVersionOne()
    {
        var thema = Melden("  Seit Monaten keine Kursplätze mit Kinderbetreuung im Stadtteil.  ");

        thema.Status.ShouldBe(ThemaStatus.Offen);
        thema.Version.ShouldBe(1);
        thema.Beschreibung.ShouldBe("Seit Monaten keine Kursplätze mit Kinderbetreuung im Stadtteil.");
    }

    [Theory]
    [InlineData("Frau Haddad wartet seit März")]
    [InlineData("amina wartet")]
    [InlineData("Termin am 12.03.2025 verpasst")]
    [InlineData("Aktenzeichen KIM-2026-000123")]
    [InlineData("Rückruf unter 0251 123456")]
    [InlineData("Mail an a.b@example.org")]
    [InlineData("")]
    [InlineData("Zeile\u0007mit Steuerzeichen")]
    public void Melden_WhenTheDescriptionCarriesPersonalDataOrIsInvalid_IsRefused(string beschreibung)
    {
        var e = Should.Throw<DomainException>(() => Melden(beschreibung));

        e.Errors.Keys.ShouldContain("beschreibung");
    }

    [Fact]
    public void Melden_WhenTheDescriptionIsTooLong_IsRefused()
    {
        Should.Throw<DomainException>(() => Melden(new string('x', Thema.BeschreibungMaxLaenge + 1)));
    }

    [Fact]
    public void Melden_WithAnUndefinedCategory_IsRefused()
    {
        Should.Throw<DomainException>(() => Melden("Strukturelles Problem", (ThemaKategorie)42)).Errors.Keys.ShouldContain("kategorie");
    }

    [Fact]
    public void StatusAendern_ToAnotherState_CountsTheVersionUp_AndToTheSameStateChangesNothing()
    {
        var thema = Melden("Anerkennungsverfahren dauern über ein Jahr.");

        thema.StatusAendern(ThemaStatus.InLenkungsgruppe, "lg.test", Jetzt.AddDays(1)).ShouldBeTrue();
        thema.StatusAendern(ThemaStatus.InLenkungsgruppe, "lg.test", Jetzt.AddDays(2)).ShouldBeFalse();

        thema.Status.ShouldBe(ThemaStatus.InLenkungsgruppe);
        thema.Version.ShouldBe(2);
        thema.GeaendertVon.ShouldBe("lg.test");
        Should.Throw<DomainException>(() => thema.StatusAendern((ThemaStatus)0, "lg.test", Jetzt));
    }
}
