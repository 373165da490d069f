using System.Text.Json;
using System.Text.Json.Serialization;
using Kim.Casemanagement.Domain.Faelle;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>Value converters and comparers for the jsonb columns (competence profile, event parameters).</summary>
internal static class JsonWerte
{
    /// <summary>
    /// Web defaults, enums as names; the types of the jsonb columns come from the source-generated
    /// <see cref="JsonWerteKontext"/> (every load of a Fall from the database reads its profile, every save and every
    /// cached load writes it; no reflection on that path). A type not listed there cannot be written with these options.
    /// </summary>
    public static readonly JsonSerializerOptions Optionen = JsonWerteKontext.Default.Options;

    public static readonly ValueConverter<Kompetenzprofil, string> KompetenzprofilKonverter = new(
        v => JsonSerializer.Serialize(v, Optionen),
        v => JsonSerializer.Deserialize<Kompetenzprofil>(v, Optionen) ?? new Kompetenzprofil());

    public static readonly ValueComparer<Kompetenzprofil> KompetenzprofilVergleich = new(
        (a, b) => JsonSerializer.Serialize(a, Optionen) == JsonSerializer.Serialize(b, Optionen),
        v => JsonSerializer.Serialize(v, Optionen).GetHashCode(StringComparison.Ordinal),
        v => v.Kopie());

    public static readonly ValueConverter<Dictionary<string, string>, string> ParameterKonverter = new(
        v => JsonSerializer.Serialize(v, Optionen),
        v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Optionen) ?? new Dictionary<string, string>());

    public static readonly ValueComparer<Dictionary<string, string>> ParameterVergleich = new(
        (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
        v => v.Count,
        v => new Dictionary<string, string>(v));
}

/// <summary>The types stored in jsonb columns, for <see cref="JsonWerte.Optionen"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Kompetenzprofil))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class JsonWerteKontext : JsonSerializerContext;
