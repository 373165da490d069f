using System.Text.Json;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Web.Api;
using Microsoft.AspNetCore.Http.Json;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// The case read's response is written by the source-generated <see cref="FallDetailJson"/>; it must be byte for byte
/// what the API's configured options (reflection, <see cref="StrikteJson"/>) write, for a read model with every member
/// set (enums, nested lists, non-ASCII text, dates, a hold) and for one with every optional member empty.
/// </summary>
public sealed class FallDetailJsonTests
{
    private static readonly JsonSerializerOptions ApiOptionen = ApiOptionenErstellen();

    private static JsonSerializerOptions ApiOptionenErstellen()
    {
        var optionen = new JsonOptions().SerializerOptions;
        StrikteJson.Anwenden(optionen);
        return optionen;
    }

    public static TheoryData<string> Faelle() => ["voll", "leer"];

    [Theory]
    [MemberData(nameof(Faelle))]
    public void SourceGenerated_WritesTheSameBytesAsTheApiOptions(string art)
    {
        var detail = art == "voll" ? Voll() : Leer();

        var erzeugt = FallDetailJson.Schreiben(detail, ApiOptionen);
        var reflektiert = JsonSerializer.SerializeToUtf8Bytes(detail, ApiOptionen);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(reflektiert), System.Text.Encoding.UTF8.GetString(erzeugt));
        Assert.True(erzeugt.Length > 200);
    }

    [Fact]
    public void SourceGenerated_WritesEnumsAsNamesAndCamelCase()
    {
        var json = System.Text.Encoding.UTF8.GetString(FallDetailJson.Schreiben(Voll(), ApiOptionen));

        Assert.Contains("\"deutschniveau\":\"B1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"typ\":\"Auswahl\"", json, StringComparison.Ordinal);
        Assert.Contains("\"anerkennung\":\"Teilweise\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sperre\":{\"seit\":", json, StringComparison.Ordinal);
    }

    private static FallDetail Voll()
    {
        var schritt = new SchrittDetail("DuldungErteilen", "Duldung erteilen (§ 60a AufenthG)", ["Einwilligung fehlt für „Ausländerbehörde“"],
        [
            new ParameterDefinition("grund", "Grund", ParameterTyp.Auswahl, true, [new Auswahlwert("A", "Ärztliche Gründe")]),
            new ParameterDefinition("stunden", "Wochenstunden", ParameterTyp.Zahl, false, null, 1, 60),
        ]);
        var profil = new Kompetenzprofil
        {
            Deutschniveau = Sprachniveau.B1,
            AlphabetisierungNoetig = false,
            Schuljahre = 12,
            Schulabschluss = "Abitur (Syrien)",
            Berufsabschluesse = [new Berufsabschluss("Bauingenieur", "SY", true, AnerkennungsErgebnis.Teilweise)],
            BerufserfahrungJahre = 4,
            Sprachen = ["Arabisch", "Türkisch"],
            ErfasstAm = new DateOnly(2026, 3, 4),
        };
        return new FallDetail(
            Guid.Parse("01a24aad-25c2-7283-8afc-6f8590b6dbb3"), "KIM-2026-000004", 7, "Voll",
            new KlientDetail(Guid.NewGuid(), "Ömer", "Ağaoğlu", new DateOnly(1990, 1, 31), 36, "m", "Syrien", new DateOnly(2015, 9, 1), Guid.NewGuid(), 2, false, true),
            "fm.mueller", Guid.NewGuid(), new DateOnly(2026, 1, 2), new DateTimeOffset(2026, 12, 6, 9, 26, 38, 77, TimeSpan.Zero), new DateOnly(2026, 1, 3), null,
            [new SpurDetail("Aufenthalt", "Aufenthalt (Ausländerbehörde)", Guid.NewGuid(), "Ausländerbehörde", "Prüfung <§ 25b>", "Geduldet", "Geduldet", ["Aufenthalt"], new DateOnly(2026, 2, 1), [schritt], [schritt with { Gruende = [] }])],
            new AufenthaltDetail("Subsidiär", "§ 25 Abs. 2", new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), true, "Wohnsitzauflage Köln & Umgebung", null, new DateOnly(2025, 1, 1), null),
            new LeistungenDetail(new DateOnly(2026, 5, 1), "Maßnahme \"Start\"", null, 20),
            new BildungDetail("Allgemein", false, 1, null),
            profil,
            [new EinwilligungDetail(Guid.NewGuid(), "Jobcenter", ["Stammdaten", "Leistungen"], "Vermittlung", new DateOnly(2026, 1, 1), null, "F-12/2026", DateTimeOffset.UnixEpoch, null, true)],
            [new ZielDetail(Guid.NewGuid(), "B1-Prüfung", new DateOnly(2026, 9, 1), "Klient", "Zertifikat", new DateOnly(2026, 1, 5), "Erreicht", new DateOnly(2026, 9, 2))],
            [new WiedervorlageDetail(Guid.NewGuid(), new DateOnly(2027, 1, 1), "Titel läuft ab", "Frist", "fm.mueller", null)],
            [new VertretungDetail(Guid.NewGuid(), "fm.schmidt", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 24))],
            new FallSperrvermerk(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(1)), new DateOnly(2027, 6, 30)));
    }

    private static FallDetail Leer() => new(
        Guid.Empty, "KIM-2026-000001", 1, "Partner", null, null, null, new DateOnly(2026, 1, 2), DateTimeOffset.UnixEpoch, null, null,
        [], null, null, null, null, [], [], [], []);
}
