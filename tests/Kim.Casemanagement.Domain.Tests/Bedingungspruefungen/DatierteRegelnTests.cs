using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Bedingungspruefungen;

/// <summary>Guards whose figures change with the law: judged by the rule row in force on the fachliches Datum, not on the day of recording.</summary>
public class DatierteRegelnTests
{
    private static readonly Dictionary<string, string?> TitelParameter = P((ParameterNamen.GueltigBis, "2028-12-31"));

    [Fact]
    public void Einbuergern_WhenSixYearsLawfulResidenceOn2024_06_27_SucceedsUnderTheFiveYearRule()
    {
        var fall = SeitJuni2018Rechtmaessig().Bauen();

        fall.Feuern(Spur.Aufenthalt, "Einbuergern", null, Rahmen(D(2024, 6, 27)));

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Eingebuergert);
        fall.Aufenthalt.Seit.ShouldBe(D(2024, 6, 27));
        fall.NeueEreignisse[^1].FachlichesDatum.ShouldBe(D(2024, 6, 27));
    }

    [Fact]
    public void Einbuergern_WhenSixYearsLawfulResidenceOn2024_06_26_IsBlockedByTheEightYearRule()
    {
        var fall = SeitJuni2018Rechtmaessig().Bauen();

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Aufenthalt, "Einbuergern", null, Rahmen(D(2024, 6, 26))));

        ex.Gruende.ShouldBe([Bedingungen.EinbuergerungMindestaufenthalt.Beschreibung]);
        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.AufenthaltserlaubnisSchutz);
        var schritt = fall.Schrittstand(Spur.Aufenthalt, "Einbuergern", D(2024, 6, 26)).ShouldNotBeNull();
        schritt.Moeglich.ShouldBeFalse();
        schritt.Gruende.ShouldBe([Bedingungen.EinbuergerungMindestaufenthalt.Beschreibung]);
        fall.Schrittstand(Spur.Aufenthalt, "Einbuergern", D(2024, 6, 27)).ShouldNotBeNull().Moeglich.ShouldBeTrue();
    }

    [Fact]
    public void Einbuergern_WhenEightYearsLawfulResidenceOn2024_06_26_SucceedsUnderTheOldRule()
    {
        var fall = FallBuilder.AllesErfuellt().MitEinreise(D(2016, 6, 1)).MitAufenthalt(AufenthaltZustand.AufenthaltserlaubnisSchutz, D(2017, 1, 1), Schutzform.Fluechtlingseigenschaft).Bauen();

        fall.Feuern(Spur.Aufenthalt, "Einbuergern", null, Rahmen(D(2024, 6, 26)));

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Eingebuergert);
    }

    [Theory]
    [InlineData("2025-12-30", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-11-20", false)]
    public void ChancenaufenthaltsrechtErteilen_WhenGrantedOnDay_IsPossibleOnlyUntil2025_12_31(string tag, bool moeglich)
    {
        var datum = DateOnly.Parse(tag, System.Globalization.CultureInfo.InvariantCulture);
        var fall = FallBuilder.AllesErfuellt().MitAufenthalt(AufenthaltZustand.Duldung, D(2022, 1, 10)).Bauen();

        if (moeglich)
        {
            fall.Feuern(Spur.Aufenthalt, "ChancenaufenthaltsrechtErteilen", TitelParameter, Rahmen(datum));
            fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Chancenaufenthaltsrecht);
            fall.Aufenthalt.ChancenaufenthaltsrechtSeit.ShouldBe(datum);
            fall.Aufenthalt.Rechtsgrundlage.ShouldBe("§ 104c AufenthG");
            return;
        }

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Aufenthalt, "ChancenaufenthaltsrechtErteilen", TitelParameter, Rahmen(datum)));
        ex.Gruende.ShouldBe([Bedingungen.ChancenaufenthaltsrechtNochErteilbar.Beschreibung]);
        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Duldung);
    }

    [Fact]
    public void ChancenaufenthaltsrechtAblaufen_WhenEighteenMonthsHavePassed_ReturnsToDuldungAndRestartsTheTolerationClock()
    {
        var fall = FallBuilder.AllesErfuellt().MitAufenthalt(AufenthaltZustand.Duldung, D(2022, 1, 10)).Bauen();
        fall.Feuern(Spur.Aufenthalt, "ChancenaufenthaltsrechtErteilen", TitelParameter, Rahmen(D(2025, 3, 1)));
        fall.Aufenthalt.GeduldetSeit.ShouldBeNull();

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Aufenthalt, "ChancenaufenthaltsrechtAblaufen", null, Rahmen(D(2026, 8, 31))))
            .Gruende.ShouldBe([Bedingungen.ChancenaufenthaltsrechtLaufzeitAbgelaufen.Beschreibung]);
        fall.Feuern(Spur.Aufenthalt, "ChancenaufenthaltsrechtAblaufen", null, Rahmen(D(2026, 9, 1)));

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Duldung);
        fall.Aufenthalt.GeduldetSeit.ShouldBe(D(2026, 9, 1));
        fall.Aufenthalt.ChancenaufenthaltsrechtSeit.ShouldBeNull();
        fall.Aufenthalt.Rechtsgrundlage.ShouldBe("§ 60a AufenthG");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    public void Paragraph25bErteilen_WhenFiveYearsSinceEntry_NeedsAMinorChildForTheFourYearRule(int kinder, bool moeglich)
    {
        var fall = FallBuilder.AllesErfuellt().MitEinreise(D(2021, 6, 1)).MitMinderjaehrigenKindern(kinder)
            .MitAufenthalt(AufenthaltZustand.Duldung, D(2022, 1, 10)).Bauen();

        if (moeglich)
        {
            fall.Feuern(Spur.Aufenthalt, "Paragraph25bErteilen", TitelParameter, Rahmen());
            fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Aufenthaltserlaubnis25b);
            fall.Aufenthalt.GeduldetSeit.ShouldBeNull();
            fall.Aufenthalt.RechtmaessigSeit.ShouldBe(Heute);
            return;
        }

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Aufenthalt, "Paragraph25bErteilen", TitelParameter, Rahmen()))
            .Gruende.ShouldBe([Bedingungen.Paragraph25bVoraufenthalt.Beschreibung]);
    }

    [Theory]
    [InlineData("2022-12-30", 0, false)]
    [InlineData("2022-12-30", 1, true)]
    [InlineData("2022-12-31", 0, true)]
    public void Paragraph25bErteilen_WhenSixYearsSinceEntry_DependsOnTheLawOfTheDay(string tag, int kinder, bool moeglich)
    {
        var datum = DateOnly.Parse(tag, System.Globalization.CultureInfo.InvariantCulture);
        var fall = FallBuilder.AllesErfuellt().AufgenommenAm(D(2022, 11, 1)).MitEinreise(D(2016, 11, 1)).MitMinderjaehrigenKindern(kinder)
            .MitAufenthalt(AufenthaltZustand.Duldung, D(2022, 1, 10)).OhneBeschaeftigung().OhneZiel().Bauen();

        var ausfuehren = () => fall.Feuern(Spur.Aufenthalt, "Paragraph25bErteilen", TitelParameter, Rahmen(datum));

        if (moeglich)
        {
            ausfuehren();
            fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Aufenthaltserlaubnis25b);
        }
        else
        {
            // Old law: 8 years, 6 with a minor child.
            Should.Throw<SchrittNichtMoeglichException>(ausfuehren).Gruende.ShouldBe([Bedingungen.Paragraph25bVoraufenthalt.Beschreibung]);
        }
    }

    [Fact]
    public void Sgb2Beantragen_WhenFirstParagraph24PermitWasIssuedOn2025_03_01_IsPossibleOn2025_05_01()
    {
        var fall = MitErsterParagraph24Erlaubnis(D(2025, 3, 1));

        fall.HatSgb2BerechtigendenAufenthalt(new Schritt(D(2025, 5, 1), Akteur, null, SchrittParameter.Leer, Rechtsregeln.Rechtsregeltabelle.Standard, Jetzt, Heute)).ShouldBeTrue();
        fall.Feuern(Spur.Leistungen, "Sgb2Beantragen", null, Rahmen(D(2025, 5, 1)));

        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.Sgb2Beantragt);
    }

    [Fact]
    public void Sgb2Beantragen_WhenFirstParagraph24PermitWasIssuedOn2025_04_15_IsBlockedBecauseAsylbLGApplies()
    {
        var fall = MitErsterParagraph24Erlaubnis(D(2025, 4, 15));

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Leistungen, "Sgb2Beantragen", null, Rahmen(D(2025, 5, 1))));

        ex.Gruende.ShouldBe([Bedingungen.Sgb2BerechtigenderAufenthalt.Beschreibung]);
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.KeinLeistungsbezug);
        fall.Feuern(Spur.Leistungen, "AsylbLGBewilligen", null, Rahmen(D(2025, 5, 1)));
        fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.AsylbLG);
    }

    [Theory]
    [InlineData("2024-07-01", null, false)]
    [InlineData("2024-07-01", "Vollzeit20Von24Monaten", true)]
    [InlineData("2024-07-01", "NichtZuVertreten", false)]
    [InlineData("2024-06-26", "NichtZuVertreten", true)]
    [InlineData("2024-06-26", "Vollzeit20Von24Monaten", false)]
    [InlineData("2024-06-26", null, false)]
    public void Einbuergern_WhenLivingOnSgb2_NeedsALivelihoodExceptionValidOnThatDay(string tag, string? ausnahme, bool moeglich)
    {
        var datum = DateOnly.Parse(tag, System.Globalization.CultureInfo.InvariantCulture);
        var fall = FallBuilder.AllesErfuellt().OhneBeschaeftigung().MitEinreise(D(2015, 1, 1))
            .MitLeistungen(LeistungenZustand.Sgb2Bewilligt, D(2023, 1, 2)).Bauen();
        var parameter = ausnahme is null ? null : P((ParameterNamen.LebensunterhaltAusnahme, ausnahme));

        if (moeglich)
        {
            fall.Feuern(Spur.Aufenthalt, "Einbuergern", parameter, Rahmen(datum));
            fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Eingebuergert);
            fall.NeueEreignisse[^1].Parameter.ShouldBe(new Dictionary<string, string> { [ParameterNamen.LebensunterhaltAusnahme] = ausnahme! });
            return;
        }

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Aufenthalt, "Einbuergern", parameter, Rahmen(datum)));
        ex.Gruende.ShouldBe([Bedingungen.EinbuergerungLebensunterhalt.Beschreibung]);
        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.AufenthaltserlaubnisSchutz);
    }

    /// <summary>Entered 2018-06-01, § 25 Abs. 2 permit since 2019, B1, working without benefits: six years of lawful residence in June 2024.</summary>
    private static FallBuilder SeitJuni2018Rechtmaessig() =>
        FallBuilder.AllesErfuellt().MitEinreise(D(2018, 6, 1)).MitKompetenzprofil(Sprachniveau.B1)
            .MitAufenthalt(AufenthaltZustand.AufenthaltserlaubnisSchutz, D(2019, 1, 1), Schutzform.Fluechtlingseigenschaft, D(2027, 12, 31));

    /// <summary>A Ukrainian refugee opened on 2025-02-01 without status or benefits, granted the first § 24 permit on <paramref name="erteilt"/>.</summary>
    private static Fall MitErsterParagraph24Erlaubnis(DateOnly erteilt)
    {
        var fall = FallBuilder.Neu().AufgenommenAm(D(2025, 2, 1)).MitEinreise(D(2025, 1, 20)).Bauen();
        fall.Feuern(Spur.Aufenthalt, "Paragraph24Erteilen", TitelParameter, Rahmen(erteilt));
        fall.Aufenthalt.ErsteParagraph24ErteilungAm.ShouldBe(erteilt);
        return fall;
    }
}
