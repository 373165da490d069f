using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>Requests as a (possibly broken) client builds them: raw bodies, JSON edited by path, If-Match headers.</summary>
public static class Anfragen
{
    /// <summary>Sends <paramref name="body"/> byte for byte with the given content type.</summary>
    public static Task<HttpResponseMessage> SendenRohAsync(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    public static Task<HttpResponseMessage> PostRohAsync(this HttpClient client, string url, string body) =>
        client.SendenRohAsync(HttpMethod.Post, url, body);

    /// <summary>A JSON request; <paramref name="ifMatch"/> goes out unvalidated, exactly as given.</summary>
    public static HttpRequestMessage Json(HttpMethod method, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Api.Json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    /// <summary>The default intake of <see cref="Api.Aufnahme"/> as an editable JSON object.</summary>
    public static JsonObject AufnahmeJson(string aufenthaltsstatus = "KeinStatus") =>
        JsonSerializer.SerializeToNode(Api.Aufnahme(aufenthaltsstatus: aufenthaltsstatus), Api.Json)!.AsObject();

    /// <summary>Sets a value by a dotted path (<c>klient.vorname</c>, <c>einwilligungen.0.datenkategorien</c>); the value is raw JSON.</summary>
    public static JsonObject Setzen(this JsonObject root, string pfad, string rohJson)
    {
        var teile = pfad.Split('.');
        JsonNode ziel = root;
        foreach (var teil in teile[..^1])
        {
            ziel = int.TryParse(teil, out var index) ? ziel[index]! : ziel[teil]!;
        }

        var wert = JsonNode.Parse(rohJson);
        if (int.TryParse(teile[^1], out var letzter))
        {
            ziel[letzter] = wert;
        }
        else
        {
            ziel[teile[^1]] = wert;
        }

        return root;
    }

    /// <summary>Turns <c>\u0000</c>-style escapes written in test data into the characters themselves.</summary>
    public static string Zeichen(string escaped) => Regex.Unescape(escaped);
}
