using System.Text.Json;
using System.Text.Json.Serialization;
using Kim.Casemanagement.Domain.Faelle;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>Value converters and comparers for the jsonb columns (competence profile, event parameters).</summary>
internal static class JsonWerte
{
    public static readonly JsonSerializerOptions Optionen = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

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
