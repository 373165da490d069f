using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>Small helpers to talk to the API as a client would: JSON in, JSON out.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object Aufnahme(string vorname = "Amina", string nachname = "Haddad", string geburtsdatum = "1995-03-02", string aufnahmedatum = "2026-11-01", object? einwilligungen = null, string? art13 = "2026-11-01", string aufenthaltsstatus = "KeinStatus") => new
    {
        klient = new { vorname, nachname, geburtsdatum, geschlecht = "Weiblich", herkunftsland = "Syrien", einreisedatum = "2024-01-10", minderjaehrigeKinder = 1 },
        aufnahmedatum,
        aufenthaltsstatus,
        leistungsstatus = "KeinLeistungsbezug",
        bildungsstand = "KeineBeratung",
        einwilligungen = einwilligungen ?? new[]
        {
            new { empfaenger = "CaseManagement", datenkategorien = new[] { "Stammdaten", "Aufenthalt", "Leistungen", "Bildung", "Kompetenzprofil" }, zweck = "Rechtskreisübergreifendes Case Management KIM", gueltigAb = aufnahmedatum, formularReferenz = "EW-2026-001" },
        },
        art13InformiertAm = art13,
    };

    public static async Task<Guid> NeuerFallAsync(this HttpClient client, object? aufnahme = null)
    {
        var response = await client.PostAsJsonAsync("/api/faelle", aufnahme ?? Aufnahme());
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Aufnahme fehlgeschlagen: {(int)response.StatusCode} {body}");
        }

        return JsonNode.Parse(body)!["fallId"]!.GetValue<Guid>();
    }

    /// <summary>A new Fall taken into clarification on 2 November 2026 and broken off (Wegzug) on 3 November 2026: closed, as the erasure expects.</summary>
    public static async Task<Guid> GeschlossenerFallAsync(this HttpClient client)
    {
        var id = await client.NeuerFallAsync();
        await client.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();
        await client.SchrittAsync(id, "Prozess", "Abbrechen", "2026-11-03", new { abbruchgrund = "Wegzug" }).OkAsync();
        return id;
    }

    public static Task<HttpResponseMessage> SchrittAsync(this HttpClient client, Guid fallId, string spur, string trigger, string datum, object? parameter = null, int? version = null) =>
        client.PostAsJsonAsync($"/api/faelle/{fallId}/schritte", new { spur, trigger, fachlichesDatum = datum, parameter, version });

    public static async Task<JsonNode> OkAsync(this Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Erwartet 2xx, bekommen {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> FallAsync(this HttpClient client, Guid fallId) => await client.GetAsync($"/api/faelle/{fallId}").OkAsync();

    public static JsonNode Spur(this JsonNode fall, string spur) => fall["spuren"]!.AsArray().First(s => s!["spur"]!.GetValue<string>() == spur)!;
}
