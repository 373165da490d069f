using System.Net;
using System.Text.Json.Nodes;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>Reads a ProblemDetails answer as a client would: status, media type, and the fields people read.</summary>
public static class Probleme
{
    /// <summary>Asserts the status and <c>application/problem+json</c> and returns the parsed body.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        var kurz = body.Length > 1500 ? body[..1500] + "…" : body;
        response.StatusCode.ShouldBe(status, kurz);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", kurz);
        var problem = JsonNode.Parse(body)!;
        problem["status"]!.GetValue<int>().ShouldBe((int)status, kurz);
        problem["title"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace(kurz);
        return problem;
    }

    public static async Task<JsonNode> ProblemAsync(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        using var response = await request;
        return await response.ProblemAsync(status);
    }

    public static string Titel(this JsonNode problem) => problem["title"]?.GetValue<string>() ?? string.Empty;

    public static string Detail(this JsonNode problem) => problem["detail"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The messages under one key of <c>errors</c>; empty when the key is missing.</summary>
    public static string[] Fehler(this JsonNode problem, string feld) =>
        problem["errors"]?[feld]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];

    /// <summary>The keys of <c>errors</c>, sorted.</summary>
    public static string[] Fehlerfelder(this JsonNode problem) =>
        problem["errors"]?.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray() ?? [];
}
