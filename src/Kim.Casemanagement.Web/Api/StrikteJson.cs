using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kim.Casemanagement.Web.Api;

/// <summary>
/// Strict JSON at the boundary: enums only as one defined name (no numbers, no comma lists, which
/// <see cref="JsonStringEnumConverter"/> would accept), numbers only as numbers, no unknown properties.
/// Text fields are checked by their own validation (German field errors).
/// </summary>
internal static class StrikteJson
{
    public static void Anwenden(JsonSerializerOptions optionen)
    {
        optionen.Converters.Add(new StrikteEnumConverterFactory());
        optionen.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        optionen.NumberHandling = JsonNumberHandling.Strict;
        optionen.MaxDepth = 16;
    }

    private sealed class StrikteEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StrikterEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class StrikterEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> Namen = Enum.GetValues<TEnum>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && Namen.TryGetValue(name, out var wert))
            {
                return wert;
            }

            throw new JsonException($"Erlaubt sind: {string.Join(", ", Namen.Keys)}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
