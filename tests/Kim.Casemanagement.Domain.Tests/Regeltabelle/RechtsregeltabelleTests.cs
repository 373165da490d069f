using System.Reflection;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Regeltabelle;

/// <summary>The dated rule table: complete for today, no overlaps, replaceable by configuration, and silent before a rule existed.</summary>
public class RechtsregeltabelleTests
{
    private static readonly Rechtsregeltabelle Standard = Rechtsregeltabelle.Standard;

    public static TheoryData<string> AlleSchluessel() => new(Schluessel().Select(s => s.Name));

    [Theory]
    [MemberData(nameof(AlleSchluessel))]
    public void Standard_WhenAskedForAKeyOnTheFixedToday_HasExactlyOneParsableRowInForce(string schluessel)
    {
        var zeilen = Standard.Rows.Where(r => r.Schluessel == schluessel && r.GiltAm(Heute)).ToList();

        var zeile = zeilen.ShouldHaveSingleItem();
        zeile.Quelle.ShouldNotBeNullOrWhiteSpace();
        Standard.Zeile(schluessel, Heute).ShouldBe(zeile);
        var wert = Schluessel().Single(s => s.Name == schluessel).Parse(zeile.Wert);
        wert.ShouldNotBeNull();
    }

    [Fact]
    public void Standard_WhenListingRows_UsesOnlyKeysTheGuardsKnow()
    {
        var bekannte = Schluessel().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        Standard.Rows.Select(r => r.Schluessel).Distinct().ShouldAllBe(k => bekannte.Contains(k));
    }

    [Theory]
    [InlineData("2024-06-26", 8)]
    [InlineData("2024-06-27", 5)]
    [InlineData("2026-11-20", 5)]
    public void Wert_WhenEinbuergerungMinimumIsAskedAroundTheReform_ReturnsTheFigureOfThatDay(string tag, int jahre)
    {
        Standard.Wert(Regeln.EinbuergerungMindestaufenthaltJahre, DateOnly.Parse(tag, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(jahre);
    }

    [Fact]
    public void Wert_WhenLivelihoodExceptionsAreAskedAroundTheReform_ReturnsTheListsOfThatDay()
    {
        Standard.Wert(Regeln.EinbuergerungLebensunterhaltAusnahmen, D(2024, 6, 26)).ShouldBe(["NichtZuVertreten"]);
        Standard.Wert(Regeln.EinbuergerungLebensunterhaltAusnahmen, D(2024, 6, 27)).ShouldBe(["Vollzeit20Von24Monaten", "EhegatteVollzeitMitKind", "Anwerbeabkommen"]);
    }

    [Fact]
    public void TryWert_WhenAskedBeforeTheChancenaufenthaltsrechtExisted_ReturnsFalse()
    {
        Standard.TryWert(Regeln.Paragraph104cErteilungBis, D(2022, 12, 30), out _).ShouldBeFalse();
        Standard.TryWert(Regeln.Paragraph104cErteilungBis, D(2022, 12, 31), out var bis).ShouldBeTrue();
        bis.ShouldBe(D(2025, 12, 31));
    }

    [Fact]
    public void TryWert_WhenAskedBeforeTheKooperationsplanExisted_ReturnsFalse()
    {
        Standard.TryWert(Regeln.KooperationsplanUeberpruefungMonate, D(2023, 6, 30), out _).ShouldBeFalse();
        Standard.TryWert(Regeln.KooperationsplanUeberpruefungMonate, D(2023, 7, 1), out var monate).ShouldBeTrue();
        monate.ShouldBe(6);
    }

    [Fact]
    public void Wert_WhenNoRowIsInForce_ThrowsAGermanConfigurationError()
    {
        var ex = Should.Throw<InvalidOperationException>(() => Standard.Wert(Regeln.Paragraph104cStichtag, D(2020, 1, 1)));

        ex.Message.ShouldBe("Die Regeltabelle enthält für „Paragraph104c.Stichtag“ keine am 01.01.2020 gültige Zeile.");
    }

    [Fact]
    public void Konstruktor_WhenTwoRowsOfAKeyOverlap_RejectsTheTable()
    {
        var ex = Should.Throw<ArgumentException>(() => new Rechtsregeltabelle(
        [
            new Rechtsregel("Test.Jahre", D(2020, 1, 1), D(2024, 12, 31), "8", "alt"),
            new Rechtsregel("Test.Jahre", D(2024, 6, 27), null, "5", "neu"),
        ]));

        ex.Message.ShouldBe("Regel Test.Jahre: Zeitraeume ueberschneiden sich (2020-01-01 und 2024-06-27).");
    }

    [Fact]
    public void Konstruktor_WhenAnOpenEndedRowIsFollowedByAnother_RejectsTheTable()
    {
        var ex = Should.Throw<ArgumentException>(() => new Rechtsregeltabelle(
        [
            new Rechtsregel("Test.Jahre", D(2024, 6, 27), null, "5", "neu"),
            new Rechtsregel("Test.Jahre", D(2020, 1, 1), null, "8", "alt"),
        ]));

        ex.Message.ShouldBe("Regel Test.Jahre: Zeitraeume ueberschneiden sich (2020-01-01 und 2024-06-27).");
    }

    [Fact]
    public void Konstruktor_WhenARowEndsBeforeItStarts_RejectsTheTable()
    {
        Should.Throw<ArgumentException>(() => new Rechtsregeltabelle([new Rechtsregel("Test.Jahre", D(2024, 6, 27), D(2024, 6, 26), "5", "verdreht")]))
            .Message.ShouldBe("Regel Test.Jahre: GueltigBis liegt vor GueltigAb.");
    }

    [Fact]
    public void Konstruktor_WhenRowsOfAKeyAreAdjacent_AcceptsTheTable()
    {
        var tabelle = new Rechtsregeltabelle(
        [
            new Rechtsregel("Einbuergerung.MindestaufenthaltJahre", D(2024, 6, 27), null, "5", "neu"),
            new Rechtsregel("Einbuergerung.MindestaufenthaltJahre", D(2000, 1, 1), D(2024, 6, 26), "8", "alt"),
        ]);

        tabelle.Wert(Regeln.EinbuergerungMindestaufenthaltJahre, D(2024, 6, 26)).ShouldBe(8);
        tabelle.Wert(Regeln.EinbuergerungMindestaufenthaltJahre, D(2024, 6, 27)).ShouldBe(5);
    }

    [Fact]
    public void MitErsetzten_WhenAKeyIsOverridden_ReplacesAllItsRowsAndKeepsEverythingElse()
    {
        var angepasst = Standard.MitErsetzten([new Rechtsregel("Bildung.MindestniveauAusbildung", D(2026, 1, 1), null, "B1", "Kommunale Festlegung Musterstadt")]);

        angepasst.Wert(Regeln.AusbildungMindestniveau, Heute).ShouldBe(Sprachniveau.B1);
        angepasst.TryWert(Regeln.AusbildungMindestniveau, D(2025, 12, 31), out _).ShouldBeFalse();
        angepasst.Rows.Count(r => r.Schluessel == "Bildung.MindestniveauAusbildung").ShouldBe(1);
        angepasst.Rows.Count().ShouldBe(Standard.Rows.Count());
        angepasst.Wert(Regeln.StudiumMindestniveau, Heute).ShouldBe(Sprachniveau.C1);
        Standard.Wert(Regeln.AusbildungMindestniveau, Heute).ShouldBe(Sprachniveau.B2);
    }

    [Fact]
    public void MitErsetzten_WhenTheOverrideOverlapsItself_RejectsIt()
    {
        Should.Throw<ArgumentException>(() => Standard.MitErsetzten(
        [
            new Rechtsregel("Paragraph60d.Wochenstunden", D(2020, 1, 1), null, "20", "a"),
            new Rechtsregel("Paragraph60d.Wochenstunden", D(2026, 1, 1), null, "35", "b"),
        ])).Message.ShouldContain("Paragraph60d.Wochenstunden");
    }

    /// <summary>Every public key the guards read, found by reflection on <see cref="Regeln"/>.</summary>
    private static IEnumerable<(string Name, Func<string, object?> Parse)> Schluessel() =>
        typeof(Regeln).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(RegelSchluessel<>))
            .Select(f =>
            {
                var schluessel = f.GetValue(null)!;
                var name = (string)f.FieldType.GetProperty(nameof(RegelSchluessel<int>.Name))!.GetValue(schluessel)!;
                var parse = f.FieldType.GetMethod(nameof(RegelSchluessel<int>.Parse))!;
                return (name, (Func<string, object?>)(w => parse.Invoke(schluessel, [w])));
            });
}
