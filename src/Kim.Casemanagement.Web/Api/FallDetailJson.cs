using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// The response of <c>GET /api/faelle/{id}</c> written by System.Text.Json's source generator instead of its
/// reflection-based converters: the read model is serialised once per Fall version and view (the bytes are cached with
/// it), but a case manager opening different Fälle pays it on every read, and the reflection path was about a tenth of
/// such a read's CPU. Same output as the API's <see cref="Microsoft.AspNetCore.Http.Json.JsonOptions"/> (web defaults:
/// camelCase; enums as their names, as <see cref="StrikteJson"/> writes them; the API's text encoder, passed to the
/// writer); a test compares both byte for byte.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, MaxDepth = 16)]
[JsonSerializable(typeof(FallDetail))]
internal sealed partial class FallDetailJson : JsonSerializerContext
{
    /// <summary>The read model as UTF-8 JSON, strings escaped as <paramref name="apiOptionen"/> escape them.</summary>
    public static byte[] Schreiben(FallDetail detail, JsonSerializerOptions apiOptionen)
    {
        var puffer = new ArrayBufferWriter<byte>(4096);
        using (var schreiber = new Utf8JsonWriter(puffer, new JsonWriterOptions { Encoder = apiOptionen.Encoder, MaxDepth = apiOptionen.MaxDepth }))
        {
            JsonSerializer.Serialize(schreiber, detail, Default.FallDetail);
        }

        return puffer.WrittenSpan.ToArray();
    }
}
