using Kim.Casemanagement.Application.Faelle.Auslastung;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;

namespace Kim.Casemanagement.Application.Tests.Faelle;

/// <summary>The team lead's workload weights: phase weight × (1 + 0.25 per active track); ended Fälle weigh nothing.</summary>
public sealed class AuslastungGewichtungTests
{
    [Theory]
    [InlineData("Anfrage", 0.5)]
    [InlineData("Klaerung", 0.5)]
    [InlineData("Assessment", 1.5)]
    [InlineData("Hilfeplanung", 1.5)]
    [InlineData("Umsetzung", 1.0)]
    [InlineData("Monitoring", 1.0)]
    [InlineData("Ruhend", 0.25)]
    [InlineData("Abschluss", 0)]
    [InlineData("Abbruch", 0)]
    [InlineData("Verweisung", 0)]
    [InlineData("Unbekannt", 0)]
    public void Phasengewicht_WhenThePhaseIsGiven_IsTheAgreedWeight(string phase, double gewicht) =>
        AuslastungHandler.Phasengewicht(phase).ShouldBe((decimal)gewicht);

    [Fact]
    public void AktiveSpuren_WhenTracksLeftTheirStartStates_CountsThemOnly()
    {
        AuslastungHandler.AktiveSpuren(Zeile("KeinStatus", "KeinLeistungsbezug", "KeineBeratung")).ShouldBe(0);
        AuslastungHandler.AktiveSpuren(Zeile("Duldung", "KeinLeistungsbezug", "KeineBeratung")).ShouldBe(1);
        AuslastungHandler.AktiveSpuren(Zeile("Duldung", "AsylbLG", "Erstberatung")).ShouldBe(3);
    }

    private static FallZeile Zeile(string aufenthalt, string leistungen, string bildung) =>
        new(Guid.NewGuid(), "KIM-1", "A", "B", new DateOnly(1990, 1, 1), "Syrien", "fm", "Assessment", aufenthalt, leistungen, bildung, null, 0, null, DateTimeOffset.UtcNow);
}
