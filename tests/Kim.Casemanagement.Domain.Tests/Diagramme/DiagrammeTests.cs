using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Zustandsmaschinen;

namespace Kim.Casemanagement.Domain.Tests.Diagramme;

/// <summary>
/// The Mermaid diagram of each track lives in docs/diagramme and is generated from the machine configuration.
/// These tests regenerate it and compare; with KIM_UPDATE_DIAGRAMS=1 they rewrite the files instead.
/// </summary>
public class DiagrammeTests
{
    public const string UmgebungsVariable = "KIM_UPDATE_DIAGRAMS";

    private const string Hinweis =
        "is out of date with the state machine. Regenerate it with `KIM_UPDATE_DIAGRAMS=1 dotnet test tests/Kim.Casemanagement.Domain.Tests`, review the diff and commit it.";

    public static TheoryData<Spur> AlleSpuren() => new(Enum.GetValues<Spur>());

    [Theory]
    [MemberData(nameof(AlleSpuren))]
    public void Diagramm_WhenRegeneratedFromTheMachine_MatchesTheCommittedFile(Spur spur)
    {
        var pfad = Path.Combine(Verzeichnis(), Dateiname(spur));
        var erwartet = Inhalt(spur);

        if (Environment.GetEnvironmentVariable(UmgebungsVariable) == "1")
        {
            Directory.CreateDirectory(Verzeichnis());
            File.WriteAllText(pfad, erwartet);
        }

        File.Exists(pfad).ShouldBeTrue($"docs/diagramme/{Dateiname(spur)} is missing. {Hinweis}");
        File.ReadAllText(pfad).ReplaceLineEndings("\n").ShouldBe(erwartet, $"docs/diagramme/{Dateiname(spur)} {Hinweis}");
    }

    [Fact]
    public void Readme_WhenListingTheDiagrams_NamesEveryTrackFile()
    {
        var readme = File.ReadAllText(Path.Combine(Verzeichnis(), "README.md"));

        foreach (var spur in Enum.GetValues<Spur>())
        {
            readme.ShouldContain($"({Dateiname(spur)})");
        }
    }

    [Fact]
    public void Inhalt_WhenGeneratedTwice_IsIdentical()
    {
        foreach (var spur in Enum.GetValues<Spur>())
        {
            Inhalt(spur).ShouldBe(Inhalt(spur));
        }
    }

    public static string Dateiname(Spur spur) => spur.ToString().ToLowerInvariant() + ".md";

    /// <summary>A German heading, one sentence, and the generated diagram.</summary>
    public static string Inhalt(Spur spur) =>
        $"# Zustandsdiagramm: {spur.Bezeichnung()}\n" +
        "\n" +
        $"Automatisch erzeugt aus der Konfiguration der Zustandsmaschine (`MermaidGraph.Format(Fall.Beschreibung(Spur.{spur}))`), " +
        $"bitte nicht von Hand ändern, sondern mit `{UmgebungsVariable}=1 dotnet test tests/Kim.Casemanagement.Domain.Tests` neu erzeugen.\n" +
        "\n" +
        "```mermaid\n" +
        MermaidGraph.Format(Fall.Beschreibung(spur)) +
        "```\n";

    private static string Verzeichnis() => Path.Combine(Repositorywurzel(), "docs", "diagramme");

    /// <summary>Walks up from the test binaries until the directory holding Kim.Casemanagement.sln.</summary>
    private static string Repositorywurzel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kim.Casemanagement.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Kim.Casemanagement.sln not found above {AppContext.BaseDirectory}.");
    }
}
