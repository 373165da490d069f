using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.SpurUebergreifend;

/// <summary>The Ausländerbehörde's § 60c and § 16g steps read the Bildung track: they need a vocational training that has begun.</summary>
public class AusbildungsduldungTests
{
    private static readonly string Grund = Bedingungen.BerufsausbildungLaeuft.Beschreibung;
    private static readonly Dictionary<string, string?> Bis2027 = P((ParameterNamen.GueltigBis, "2027-08-31"));

    [Fact]
    public void AusbildungsduldungErteilen_WhenNoTrainingHasBegun_IsRefusedWithTheTrainingReason()
    {
        var fall = GeduldetMitB2().Bauen();

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Aufenthalt, "AusbildungsduldungErteilen", Bis2027, Rahmen()))
            .Gruende.ShouldBe([Grund]);
        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Duldung);
        var schritt = fall.Schrittstand(Spur.Aufenthalt, "AusbildungsduldungErteilen").ShouldNotBeNull();
        schritt.Moeglich.ShouldBeFalse();
        schritt.Gruende.ShouldBe([Grund]);
    }

    [Fact]
    public void AusbildungsduldungErteilen_WhenTheBildungTrackRecordsTheTraining_GrantsItAndKeepsTheTolerationClock()
    {
        var fall = GeduldetMitB2().Bauen();
        fall.Feuern(Spur.Bildung, "AusbildungBeginnen", P((ParameterNamen.Bezeichnung, "Pflegefachfrau")), Rahmen(D(2026, 8, 1)));

        fall.Feuern(Spur.Aufenthalt, "AusbildungsduldungErteilen", Bis2027, Rahmen(D(2026, 9, 1)));

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Ausbildungsduldung);
        fall.Aufenthalt.GeduldetSeit.ShouldBe(D(2024, 1, 15));
        fall.Aufenthalt.GueltigBis.ShouldBe(D(2027, 8, 31));
        fall.Aufenthalt.Rechtsgrundlage.ShouldBe("§ 60c AufenthG");
    }

    [Fact]
    public void Paragraph16gErteilen_WhenTheTrainingWasBrokenOff_IsRefusedWithTheTrainingReason()
    {
        var fall = GeduldetMitB2().Bauen();
        fall.Feuern(Spur.Bildung, "AusbildungBeginnen", null, Rahmen(D(2026, 8, 1)));
        fall.Feuern(Spur.Aufenthalt, "AusbildungsduldungErteilen", Bis2027, Rahmen(D(2026, 9, 1)));
        fall.Feuern(Spur.Bildung, "BildungswegUnterbrechen", P((ParameterNamen.Grund, "Ausbildungsvertrag gekündigt")), Rahmen(D(2026, 11, 2)));

        Should.Throw<SchrittNichtMoeglichException>(() => fall.Feuern(Spur.Aufenthalt, "Paragraph16gErteilen", P((ParameterNamen.GueltigBis, "2028-08-31")), Rahmen()))
            .Gruende.ShouldBe([Grund]);
        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Ausbildungsduldung);
    }

    [Fact]
    public void Paragraph16gErteilen_WhenTheTrainingRuns_GrantsTheResidencePermitAndEndsToleration()
    {
        var fall = GeduldetMitB2().Bauen();
        fall.Feuern(Spur.Bildung, "AusbildungBeginnen", null, Rahmen(D(2026, 8, 1)));
        fall.Feuern(Spur.Aufenthalt, "AusbildungsduldungErteilen", Bis2027, Rahmen(D(2026, 9, 1)));

        fall.Feuern(Spur.Aufenthalt, "Paragraph16gErteilen", P((ParameterNamen.GueltigBis, "2029-07-31")), Rahmen());

        fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Aufenthaltserlaubnis16g);
        fall.Aufenthalt.TitelArt.ShouldBe(AufenthaltZustand.Aufenthaltserlaubnis16g);
        fall.Aufenthalt.GeduldetSeit.ShouldBeNull();
        fall.Aufenthalt.RechtmaessigSeit.ShouldBe(Heute);
        fall.Aufenthalt.Rechtsgrundlage.ShouldBe("§ 16g AufenthG");
        fall.Aufenthalt.GueltigBis.ShouldBe(D(2029, 7, 31));
    }

    private static FallBuilder GeduldetMitB2() =>
        FallBuilder.Neu()
            .AufgenommenAm(D(2025, 2, 1))
            .MitAufenthalt(AufenthaltZustand.Duldung, D(2024, 1, 15), gueltigBis: D(2027, 1, 14))
            .MitBildung(BildungZustand.SprachstandFestgestellt, D(2025, 1, 10))
            .MitKompetenzprofil(Sprachniveau.B2);
}
