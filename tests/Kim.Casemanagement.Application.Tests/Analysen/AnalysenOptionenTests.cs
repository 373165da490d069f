using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Tests.Analysen;

public sealed class AnalysenOptionenTests
{
    [Fact]
    public void PostConfigure_WhenNothingIsConfigured_FillsValidDefaultsForEveryTrack()
    {
        var pruefung = new AnalysenOptionenPruefung();
        var optionen = new AnalysenOptionen();

        pruefung.PostConfigure(null, optionen);
        var ergebnis = pruefung.Validate(null, optionen);

        ergebnis.Succeeded.ShouldBeTrue(ergebnis.FailureMessage);
        optionen.Idealverlauf.Keys.Order().ShouldBe(Enum.GetValues<Spur>());
        optionen.Meilensteine.Select(m => m.Schluessel).ShouldBeUnique();
        optionen.Meilensteine.ShouldContain(m => m.Schluessel == "einreise-integrationskurs");
        optionen.Mindestgroesse.ShouldBe(5);
    }

    [Fact]
    public void PostConfigure_WhenOneTrackIsConfigured_KeepsItAndFillsTheOthers()
    {
        var pruefung = new AnalysenOptionenPruefung();
        var optionen = new AnalysenOptionen();
        optionen.Idealverlauf[Spur.Prozess] = new IdealverlaufSpur { Pfade = ["Anfrage>Klaerung"] };

        pruefung.PostConfigure(null, optionen);

        optionen.Idealverlauf[Spur.Prozess].Kanten().ShouldBe([("Anfrage", "Klaerung")]);
        optionen.Idealverlauf[Spur.Bildung].Pfade.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(1, null, "Mindestgroesse")]
    [InlineData(5, "Erfunden", "Erfunden")]
    public void Validate_WhenTheConfigurationIsWrong_NamesTheProblem(int mindestgroesse, string? falscherZustand, string erwartet)
    {
        var pruefung = new AnalysenOptionenPruefung();
        var optionen = new AnalysenOptionen { Mindestgroesse = mindestgroesse };
        if (falscherZustand is not null)
        {
            optionen.Idealverlauf[Spur.Bildung] = new IdealverlaufSpur { Pfade = [$"Erstberatung>{falscherZustand}"] };
        }

        pruefung.PostConfigure(null, optionen);
        var ergebnis = pruefung.Validate(null, optionen);

        ergebnis.Failed.ShouldBeTrue();
        ergebnis.FailureMessage.ShouldContain(erwartet);
    }

    [Fact]
    public void Validate_WhenAMilestoneNamesAnUnknownState_Fails()
    {
        var pruefung = new AnalysenOptionenPruefung();
        var optionen = new AnalysenOptionen
        {
            Meilensteine =
            [
                new MeilensteinDefinition
                {
                    Schluessel = "x",
                    Bezeichnung = "X",
                    Start = new MeilensteinPunkt { Art = MeilensteinArt.Einreise },
                    Ende = new MeilensteinPunkt { Art = MeilensteinArt.Zustand, Zustaende = ["Bildung.GibtEsNicht"] },
                },
            ],
        };

        pruefung.PostConfigure(null, optionen);

        pruefung.Validate(null, optionen).Failed.ShouldBeTrue();
    }

    [Fact]
    public void Validate_WhenThePseudonymKeyIsTooShort_Fails()
    {
        var pruefung = new AnalysenOptionenPruefung();
        var optionen = new AnalysenOptionen { PseudonymSchluessel = Convert.ToBase64String(new byte[16]) };
        pruefung.PostConfigure(null, optionen);

        pruefung.Validate(null, optionen).Failed.ShouldBeTrue();
    }

    [Fact]
    public void Validate_WhenAnyPseudonymKeyIsConfigured_FailsBecauseTraceIdsAreRandomPerExport()
    {
        var pruefung = new AnalysenOptionenPruefung();
        var optionen = new AnalysenOptionen { PseudonymSchluessel = Convert.ToBase64String(new byte[32]) };
        pruefung.PostConfigure(null, optionen);

        var ergebnis = pruefung.Validate(null, optionen);

        ergebnis.Failed.ShouldBeTrue();
        ergebnis.FailureMessage.ShouldContain("PseudonymSchluessel wird nicht mehr unterstützt");
    }
}
