using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Tests.Analysen;

public sealed class KohortenRegelTests
{
    [Fact]
    public void Abschnitte_OfTheStandardTable_IsOneOpenSectionWith18To27AndThreeYears()
    {
        var abschnitte = KohortenRegel.Abschnitte(Rechtsregeltabelle.Standard);

        abschnitte.ShouldHaveSingleItem().ShouldBe(new KohortenRegel(new DateOnly(2000, 1, 1), DateOnly.MaxValue, 18, 27, 3));
    }

    [Fact]
    public void Abschnitte_WhenARuleChanges_SplitsAtTheDayOfTheChange()
    {
        var tabelle = Rechtsregeltabelle.Standard.MitErsetzten(
        [
            new Rechtsregel(Regeln.ZieldimensionIJahre.Name, new DateOnly(2000, 1, 1), new DateOnly(2024, 12, 31), "3", "Test"),
            new Rechtsregel(Regeln.ZieldimensionIJahre.Name, new DateOnly(2025, 1, 1), null, "2", "Test"),
        ]);

        var abschnitte = KohortenRegel.Abschnitte(tabelle);

        abschnitte.ShouldBe(
        [
            new KohortenRegel(new DateOnly(2000, 1, 1), new DateOnly(2024, 12, 31), 18, 27, 3),
            new KohortenRegel(new DateOnly(2025, 1, 1), DateOnly.MaxValue, 18, 27, 2),
        ]);
    }
}
