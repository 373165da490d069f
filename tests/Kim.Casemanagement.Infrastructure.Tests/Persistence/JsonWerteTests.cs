using System.Text.Json;
using System.Text.Json.Serialization;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Infrastructure.Persistence;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// The jsonb columns are written by the source-generated <see cref="JsonWerteKontext"/>: the stored text must be what
/// the reflection-based options (web defaults, <see cref="JsonStringEnumConverter"/>) wrote before, and read back to the
/// same values, so rows stored before the change compare equal and the snapshot diff sees no change.
/// </summary>
public sealed class JsonWerteTests
{
    private static readonly JsonSerializerOptions Reflektiert = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Kompetenzprofil_IsWrittenAsBeforeAndReadBack()
    {
        var profil = new Kompetenzprofil
        {
            Deutschniveau = Sprachniveau.A2,
            AlphabetisierungNoetig = true,
            Schuljahre = 9,
            Schulabschluss = "Mittlerer Abschluss (Türkei)",
            Berufsabschluesse = [new Berufsabschluss("Krankenpflegerin", "TR", false, AnerkennungsErgebnis.Voll), new Berufsabschluss("Lehrerin", "UA", true, null)],
            BerufserfahrungJahre = 6,
            Sprachen = ["Türkisch", "Kurdisch (Kurmancî)"],
            ErfasstAm = new DateOnly(2026, 2, 3),
        };

        var json = JsonSerializer.Serialize(profil, JsonWerte.Optionen);

        json.ShouldBe(JsonSerializer.Serialize(profil, Reflektiert));
        json.ShouldContain("\"deutschniveau\":\"A2\"");
        var gelesen = JsonSerializer.Deserialize<Kompetenzprofil>(json, JsonWerte.Optionen).ShouldNotBeNull();
        JsonSerializer.Serialize(gelesen, Reflektiert).ShouldBe(json);
        JsonSerializer.Serialize(new Kompetenzprofil(), JsonWerte.Optionen).ShouldBe(JsonSerializer.Serialize(new Kompetenzprofil(), Reflektiert));
    }

    [Fact]
    public void Parameter_AreWrittenAsBeforeAndReadBack()
    {
        var parameter = new Dictionary<string, string> { ["titelArt"] = "Aufenthaltserlaubnis", ["gueltigBis"] = "2027-01-31", ["notiz"] = "„Zitat“ & <Tag>" };

        var json = JsonSerializer.Serialize(parameter, JsonWerte.Optionen);

        json.ShouldBe(JsonSerializer.Serialize(parameter, Reflektiert));
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonWerte.Optionen).ShouldBe(parameter);
    }
}
