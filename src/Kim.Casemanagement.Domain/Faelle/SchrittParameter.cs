using System.Globalization;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>Validated, typed parameters of one step.</summary>
public sealed class SchrittParameter
{
    public static readonly SchrittParameter Leer = new(new Dictionary<string, object>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly IReadOnlyDictionary<string, object> _values;

    private SchrittParameter(IReadOnlyDictionary<string, object> values, IReadOnlyDictionary<string, string> roh)
    {
        _values = values;
        Roh = roh;
    }

    /// <summary>The values as invariant text, as stored with the event.</summary>
    public IReadOnlyDictionary<string, string> Roh { get; }

    public bool Hat(string name) => _values.ContainsKey(name);

    public string? Text(string name) => _values.TryGetValue(name, out var v) ? (string)v : null;

    public DateOnly? Datum(string name) => _values.TryGetValue(name, out var v) ? (DateOnly)v : null;

    public int? Zahl(string name) => _values.TryGetValue(name, out var v) ? (int)v : null;

    public bool? JaNein(string name) => _values.TryGetValue(name, out var v) ? (bool)v : null;

    public TEnum? Auswahl<TEnum>(string name)
        where TEnum : struct, Enum =>
        _values.TryGetValue(name, out var v) ? Enum.Parse<TEnum>((string)v) : null;

    /// <summary>
    /// Parses raw input against the step's definitions. Unknown names, missing required values and
    /// malformed values are collected as German field errors and thrown together.
    /// </summary>
    public static SchrittParameter Parse(SchrittDefinition definition, IReadOnlyDictionary<string, string?>? raw)
    {
        ArgumentNullException.ThrowIfNull(definition);
        raw ??= new Dictionary<string, string?>();
        var errors = new Dictionary<string, string[]>();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var roh = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = definition.Parameter.ToDictionary(p => p.Name, StringComparer.Ordinal);

        foreach (var name in raw.Keys.Where(k => !known.ContainsKey(k)))
        {
            errors[$"parameter.{name}"] = [$"Der Schritt „{definition.Bezeichnung}“ kennt keinen Parameter „{Kurz(name)}“."];
        }

        foreach (var p in definition.Parameter)
        {
            raw.TryGetValue(p.Name, out var text);
            text = Texte.Normalisieren(text);
            var key = $"parameter.{p.Name}";
            if (string.IsNullOrEmpty(text))
            {
                if (p.Pflicht)
                {
                    errors[key] = [$"„{p.Bezeichnung}“ ist für diesen Schritt erforderlich."];
                }

                continue;
            }

            switch (p.Typ)
            {
                case ParameterTyp.Text:
                    if (!Texte.IstGueltigerKurztext(text, p.Max ?? Texte.KurztextMaxLaenge))
                    {
                        errors[key] = [$"„{p.Bezeichnung}“ ist zu lang oder enthält Steuerzeichen."];
                    }
                    else
                    {
                        values[p.Name] = text;
                        roh[p.Name] = text;
                    }

                    break;
                case ParameterTyp.Datum:
                    if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        values[p.Name] = date;
                        roh[p.Name] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        errors[key] = [$"„{p.Bezeichnung}“ muss ein Datum im Format JJJJ-MM-TT sein."];
                    }

                    break;
                case ParameterTyp.Zahl:
                    if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                        && (p.Min is null || number >= p.Min) && (p.Max is null || number <= p.Max))
                    {
                        values[p.Name] = number;
                        roh[p.Name] = number.ToString(CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        errors[key] = [$"„{p.Bezeichnung}“ muss eine ganze Zahl{Bereich(p)} sein."];
                    }

                    break;
                case ParameterTyp.JaNein:
                    if (bool.TryParse(text, out var flag))
                    {
                        values[p.Name] = flag;
                        roh[p.Name] = flag ? "true" : "false";
                    }
                    else
                    {
                        errors[key] = [$"„{p.Bezeichnung}“ muss true oder false sein."];
                    }

                    break;
                case ParameterTyp.Auswahl:
                    var match = p.Werte?.FirstOrDefault(w => string.Equals(w.Wert, text, StringComparison.Ordinal));
                    if (match is null)
                    {
                        errors[key] = [$"„{p.Bezeichnung}“ muss einer dieser Werte sein: {string.Join(", ", p.Werte?.Select(w => w.Wert) ?? [])}."];
                    }
                    else
                    {
                        values[p.Name] = match.Wert;
                        roh[p.Name] = match.Wert;
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unknown parameter type {p.Typ}.");
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Die Angaben zum Schritt sind ungültig.", errors);
        }

        return new SchrittParameter(values, roh);
    }

    private static string Bereich(ParameterDefinition p) => (p.Min, p.Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $" von {min} bis {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $" ab {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $" bis {max}"),
        _ => string.Empty,
    };

    private static string Kurz(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
