using System.Globalization;
using System.Reflection;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Microsoft.Extensions.Configuration;

namespace Kim.Casemanagement.Infrastructure.Rechtsregeln;

/// <summary>
/// The rule table of a deployment: <see cref="Rechtsregeltabelle.Standard"/> with the rows of the configuration section
/// <c>Rechtsregeln</c> replacing every row of the keys they name (<see cref="Rechtsregeltabelle.MitErsetzten"/>). This is
/// how a Kommune changes a period (e.g. the audit retention) from a date on: data in its configuration, not code.
/// <code>
/// "Rechtsregeln": [
///   { "Schluessel": "Aufbewahrung.Auditprotokoll", "GueltigAb": "2020-01-01", "GueltigBis": "2026-12-31", "Wert": "P2Y", "Quelle": "Produktstandard" },
///   { "Schluessel": "Aufbewahrung.Auditprotokoll", "GueltigAb": "2027-01-01", "Wert": "P1Y", "Quelle": "Beschluss vom …, mit der DSB abgestimmt" }
/// ]
/// </code>
/// Every row is checked at start: known key, ISO dates, a value the key can read, a source; overlapping rows are refused.
/// </summary>
public static class RechtsregelKonfiguration
{
    public const string Abschnitt = "Rechtsregeln";

    /// <summary>The table for <paramref name="configuration"/>; the standard table when the section is empty.</summary>
    /// <exception cref="InvalidOperationException">A row is incomplete, names an unknown key or has a value its key cannot read (German message).</exception>
    public static Rechtsregeltabelle Laden(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var zeilen = configuration.GetSection(Abschnitt).GetChildren().Select(Zeile).ToList();
        if (zeilen.Count == 0)
        {
            return Rechtsregeltabelle.Standard;
        }

        try
        {
            return Rechtsregeltabelle.Standard.MitErsetzten(zeilen);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Konfiguration {Abschnitt}: {e.Message}", e);
        }
    }

    private static Rechtsregel Zeile(IConfigurationSection z)
    {
        var ort = $"{Abschnitt}:{z.Key}";
        string Pflicht(string name) => z[name] is { Length: > 0 } wert
            ? wert
            : throw new InvalidOperationException($"Konfiguration {ort}: „{name}“ fehlt.");
        DateOnly Datum(string name, string wert) => DateOnly.TryParseExact(wert, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidOperationException($"Konfiguration {ort}: „{name}“ ist kein Datum im Format JJJJ-MM-TT.");

        var schluessel = Pflicht("Schluessel");
        if (!Leser.Value.TryGetValue(schluessel, out var lesen))
        {
            throw new InvalidOperationException($"Konfiguration {ort}: unbekannter Regelschlüssel „{schluessel}“.");
        }

        var wert = Pflicht("Wert");
        try
        {
            lesen(wert);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or TargetInvocationException)
        {
            throw new InvalidOperationException($"Konfiguration {ort}: der Wert „{wert}“ passt nicht zu „{schluessel}“.", e);
        }

        return new Rechtsregel(
            schluessel,
            Datum("GueltigAb", Pflicht("GueltigAb")),
            z["GueltigBis"] is { Length: > 0 } bis ? Datum("GueltigBis", bis) : null,
            wert,
            Pflicht("Quelle"));
    }

    /// <summary>Every key of <see cref="Regeln"/> with its parser.</summary>
    private static readonly Lazy<Dictionary<string, Action<string>>> Leser = new(() =>
        typeof(Regeln).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(RegelSchluessel<>))
            .Select(f =>
            {
                var schluessel = f.GetValue(null)!;
                var name = (string)f.FieldType.GetProperty(nameof(RegelSchluessel<int>.Name))!.GetValue(schluessel)!;
                var parse = f.FieldType.GetMethod(nameof(RegelSchluessel<int>.Parse))!;
                return (name, lesen: (Action<string>)(w => parse.Invoke(schluessel, [w])));
            })
            .ToDictionary(x => x.name, x => x.lesen, StringComparer.Ordinal));
}
