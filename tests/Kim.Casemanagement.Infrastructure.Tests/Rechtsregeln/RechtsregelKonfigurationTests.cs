using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Rechtsregeln;
using Microsoft.Extensions.Configuration;

namespace Kim.Casemanagement.Infrastructure.Tests.Rechtsregeln;

/// <summary>A Kommune changes a retention period from a date on by configuration (data), checked at start.</summary>
public sealed class RechtsregelKonfigurationTests
{
    [Fact]
    public void Laden_WhenTheConfigurationHasNoRows_ReturnsTheStandardTable()
    {
        RechtsregelKonfiguration.Laden(Konfiguration([])).ShouldBeSameAs(Rechtsregeltabelle.Standard);
    }

    [Fact]
    public void Laden_WhenTheAuditPeriodIsShortenedFromADate_LooksUpThePeriodOfEachDayAndKeepsTheOtherRows()
    {
        var tabelle = RechtsregelKonfiguration.Laden(Konfiguration(new()
        {
            ["Rechtsregeln:0:Schluessel"] = "Aufbewahrung.Auditprotokoll",
            ["Rechtsregeln:0:GueltigAb"] = "2020-01-01",
            ["Rechtsregeln:0:GueltigBis"] = "2026-12-31",
            ["Rechtsregeln:0:Wert"] = "P2Y",
            ["Rechtsregeln:0:Quelle"] = "Produktstandard",
            ["Rechtsregeln:1:Schluessel"] = "Aufbewahrung.Auditprotokoll",
            ["Rechtsregeln:1:GueltigAb"] = "2027-01-01",
            ["Rechtsregeln:1:Wert"] = "P18M",
            ["Rechtsregeln:1:Quelle"] = "Beschluss der Kommune, mit der DSB abgestimmt",
        }));

        tabelle.Wert(Regeln.AufbewahrungAuditprotokoll, new DateOnly(2026, 12, 31)).ShouldBe(new Frist(2, 0, 0, 0));
        tabelle.Wert(Regeln.AufbewahrungAuditprotokoll, new DateOnly(2027, 1, 1)).ShouldBe(new Frist(0, 18, 0, 0));
        tabelle.Zeile("Aufbewahrung.Auditprotokoll", new DateOnly(2027, 1, 1)).Quelle.ShouldBe("Beschluss der Kommune, mit der DSB abgestimmt");
        tabelle.Wert(Regeln.AufbewahrungFallakte, new DateOnly(2027, 1, 1)).ShouldBe(new Frist(3, 0, 0, 0));
    }

    [Theory]
    [InlineData("Aufbewahrung.Unbekannt", "2027-01-01", "P1Y", "Q", "unbekannter Regelschlüssel")]
    [InlineData("Aufbewahrung.Auditprotokoll", "01.01.2027", "P1Y", "Q", "kein Datum")]
    [InlineData("Aufbewahrung.Auditprotokoll", "2027-01-01", "1 Jahr", "Q", "passt nicht")]
    [InlineData("Aufbewahrung.Auditprotokoll", "2027-01-01", "P1Y", "", "„Quelle“ fehlt")]
    public void Laden_WhenARowIsWrong_RefusesTheConfigurationWithAGermanMessage(string schluessel, string ab, string wert, string quelle, string meldung)
    {
        var ex = Should.Throw<InvalidOperationException>(() => RechtsregelKonfiguration.Laden(Konfiguration(new()
        {
            ["Rechtsregeln:0:Schluessel"] = schluessel,
            ["Rechtsregeln:0:GueltigAb"] = ab,
            ["Rechtsregeln:0:Wert"] = wert,
            ["Rechtsregeln:0:Quelle"] = quelle,
        })));

        ex.Message.ShouldContain(meldung);
    }

    [Fact]
    public void Laden_WhenTwoRowsOverlap_RefusesTheConfiguration()
    {
        Should.Throw<InvalidOperationException>(() => RechtsregelKonfiguration.Laden(Konfiguration(new()
        {
            ["Rechtsregeln:0:Schluessel"] = "Aufbewahrung.Sitzungen",
            ["Rechtsregeln:0:GueltigAb"] = "2020-01-01",
            ["Rechtsregeln:0:Wert"] = "P30D",
            ["Rechtsregeln:0:Quelle"] = "a",
            ["Rechtsregeln:1:Schluessel"] = "Aufbewahrung.Sitzungen",
            ["Rechtsregeln:1:GueltigAb"] = "2027-01-01",
            ["Rechtsregeln:1:Wert"] = "P7D",
            ["Rechtsregeln:1:Quelle"] = "b",
        }))).Message.ShouldContain("ueberschneiden sich");
    }

    private static IConfiguration Konfiguration(Dictionary<string, string?> werte) =>
        new ConfigurationBuilder().AddInMemoryCollection(werte).Build();
}
