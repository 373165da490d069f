using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Themen;
using static Kim.Casemanagement.Application.Tests.Analysen.Ereignisse;

namespace Kim.Casemanagement.Application.Tests.Analysen;

/// <summary>Suppression of the published analyses, including suppression by difference.</summary>
public sealed class GeheimhaltungTests
{
    /// <summary>12 Fälle: Anfrage → Klärung; then 9 to the Assessment, 3 are referred elsewhere (Verweisung).</summary>
    private static LandkartenRohdaten ZwoelfFaelle()
    {
        var log = new Ereignisse();
        for (var i = 0; i < 12; i++)
        {
            var fall = Guid.NewGuid();
            log.Folge(fall, Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 10)), (i < 9 ? "Assessment" : "Verweisung", D(2025, 2, 1 + i)));
        }

        return Ereignisfolgen.Landkarte(log.Liste, Spur.Prozess, spuruebergreifend: false, D(2025, 12, 31), _ => true);
    }

    [Fact]
    public void Landkarte_WhenOneStepIsTooSmall_AlsoWithholdsTheStepThatWouldRevealItByDifference()
    {
        var karte = Landkarten.Erstellen(ZwoelfFaelle(), Spur.Prozess, spuruebergreifend: false, mindestgroesse: 5);

        // Klärung (12) = Assessment (9) + Verweisung (3): showing 12 and 9 would reveal the 3.
        karte.Knoten.Single(k => k.Id == "Prozess:Klaerung").Anzahl.ShouldBe(12);
        karte.Kanten.ShouldNotContain(k => k.Von == "Prozess:Klaerung" && k.Nach == "Prozess:Verweisung");
        karte.Kanten.ShouldNotContain(k => k.Von == "Prozess:Klaerung" && k.Nach == "Prozess:Assessment");
        karte.Kanten.Single(k => k.Von == "Prozess:Anfrage" && k.Nach == "Prozess:Klaerung").Anzahl.ShouldBe(12);
        karte.Kanten.Single(k => k.Von == "Beginn").Anzahl.ShouldBe(12);
        karte.Knoten.ShouldNotContain(k => k.Id == "Prozess:Verweisung", "a small state without any published step is left out");
        karte.Verlaeufe.ShouldBe(12);
    }

    [Fact]
    public void Landkarte_WhenEverythingIsLargeEnough_ShowsEveryStepWithItsDurations()
    {
        var karte = Landkarten.Erstellen(ZwoelfFaelle(), Spur.Prozess, spuruebergreifend: false, mindestgroesse: 3);

        var assessment = karte.Kanten.Single(k => k.Von == "Prozess:Klaerung" && k.Nach == "Prozess:Assessment");
        assessment.Anzahl.ShouldBe(9);
        assessment.MedianTage.ShouldBe(26, "22 to 30 days after 10.1.");
        karte.Kanten.Single(k => k.Von == "Prozess:Klaerung" && k.Nach == "Prozess:Verweisung").Anzahl.ShouldBe(3);
        karte.Knoten.Single(k => k.Id == "Prozess:Klaerung").Bezeichnung.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Landkarte_PublishedFigures_ContainNoFallIds()
    {
        var roh = ZwoelfFaelle();
        var karte = Landkarten.Erstellen(roh, Spur.Prozess, spuruebergreifend: false, mindestgroesse: 3);

        var text = System.Text.Json.JsonSerializer.Serialize(karte);
        text.ShouldNotContain("-0000-", Case.Insensitive);
        System.Text.RegularExpressions.Regex.IsMatch(text, "[0-9a-f]{8}-[0-9a-f]{4}-").ShouldBeFalse();
    }

    [Fact]
    public void VariantenSperren_WhenTheRestWouldBeASmallGroup_MovesTheSmallestListedVariantIntoIt()
    {
        // 14 traces: 6 + 5 listed, 3 rare ones (1 + 1 + 1). "Sonstige" = 3 < 5 would be a small group: the 5 joins it.
        var roh = new VariantenRohdaten(14, 14, 5,
        [
            new VarianteRoh(["Anfrage", "Klaerung", "Assessment"], 6, 6, 40),
            new VarianteRoh(["Anfrage", "Klaerung", "Verweisung"], 5, 5, 12),
            new VarianteRoh(["Anfrage", "Abbruch"], 1, 1, 3),
            new VarianteRoh(["Anfrage", "Klaerung"], 1, 1, 9),
            new VarianteRoh(["Anfrage"], 1, 1, 0),
        ]);

        var v = AnalysenHandler.VariantenSperren(roh, Spur.Prozess, 5);

        v.Varianten.ShouldHaveSingleItem().Verlaeufe.ShouldBe(6);
        v.Varianten[0].Anteil.ShouldBe(Math.Round(6.0 / 14, 4));
        v.Varianten[0].MedianDurchlaufzeitTage.ShouldBe(40);
        v.Sonstige.Verlaeufe.ShouldBe(8);
        v.Sonstige.Gesperrt.ShouldBeFalse();
        v.Verlaeufe.ShouldBe(14);
    }

    [Fact]
    public void VariantenSperren_WhenTheSelectionIsTooSmall_ShowsNothing()
    {
        var v = AnalysenHandler.VariantenSperren(new VariantenRohdaten(4, 4, 1, [new VarianteRoh(["Anfrage"], 4, 4, 0)]), Spur.Prozess, 5);

        v.Gesperrt.ShouldBeTrue();
        v.Varianten.ShouldBeEmpty();
        v.Hinweis.ShouldNotBeNull();
    }

    [Fact]
    public void ThemenSperren_WhenOneCategoryStateCellIsSmall_WithholdsAFullRectangleButNoMargin()
    {
        // Wartezeit IK: 8 offen, 2 in der Lenkungsgruppe; Wohnsitzauflage: 6 offen, 7 in der Lenkungsgruppe.
        var roh = new List<ThemenWertRoh>
        {
            new(ThemaKategorie.WartezeitIntegrationskurs, ThemaStatus.Offen, 8, 8),
            new(ThemaKategorie.WartezeitIntegrationskurs, ThemaStatus.InLenkungsgruppe, 2, 2),
            new(ThemaKategorie.Wohnsitzauflage, ThemaStatus.Offen, 6, 6),
            new(ThemaKategorie.Wohnsitzauflage, ThemaStatus.InLenkungsgruppe, 7, 7),
            new(ThemaKategorie.WartezeitIntegrationskurs, null, 10, 10),
            new(ThemaKategorie.Wohnsitzauflage, null, 13, 13),
            new(null, ThemaStatus.Offen, 14, 14),
            new(null, ThemaStatus.InLenkungsgruppe, 9, 9),
            new(null, null, 23, 23),
        };

        var u = AnalysenHandler.ThemenSperren(roh, 5);

        var wartezeit = u.Zeilen.Single(z => z.Kategorie == ThemaKategorie.WartezeitIntegrationskurs);
        var wohnsitz = u.Zeilen.Single(z => z.Kategorie == ThemaKategorie.Wohnsitzauflage);
        var summe = u.Zeilen.Single(z => z.Kategorie is null);
        wartezeit.InLenkungsgruppe.Gesperrt.ShouldBeTrue();
        wartezeit.Offen.Gesperrt.ShouldBeTrue("10 - 8 would give the 2 away");
        wohnsitz.InLenkungsgruppe.Gesperrt.ShouldBeTrue("9 - 7 would give the 2 away: the column needs a second cell");
        wohnsitz.Offen.Gesperrt.ShouldBeTrue("14 - 6 would give the withheld 8 away");
        wartezeit.Gesamt.Wert.ShouldBe(10);
        wohnsitz.Gesamt.Wert.ShouldBe(13);
        summe.Offen.Wert.ShouldBe(14);
        summe.InLenkungsgruppe.Wert.ShouldBe(9);
        summe.Gesamt.Wert.ShouldBe(23);
        wartezeit.Erledigt.Wert.ShouldBe(0);
    }
}
