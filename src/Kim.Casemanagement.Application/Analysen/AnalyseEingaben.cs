using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>Turns the query-string values of the analysis endpoints into a filter; unknown names are a 400 with German field errors.</summary>
public static class AnalyseEingaben
{
    public static AnalyseFilter Filter(DateOnly? von, DateOnly? bis, string? aufenthaltsstatus, string? altersgruppe, bool? zieldimensionI, Guid? teamId)
    {
        var errors = new Dictionary<string, string[]>();
        if (von is not null && bis is not null && bis < von)
        {
            errors["bis"] = ["„bis“ darf nicht vor „von“ liegen."];
        }

        var status = Enumwert<AufenthaltZustand>(aufenthaltsstatus, "aufenthaltsstatus", errors);
        var alter = Enumwert<Altersgruppe>(altersgruppe, "altersgruppe", errors);
        if (errors.Count > 0)
        {
            throw new DomainException("Ungültiger Filter.", errors);
        }

        return new AnalyseFilter(von, bis, status, alter, zieldimensionI, teamId);
    }

    /// <summary>
    /// The two selections compared side by side (<see cref="AnalysenHandler.AuswahlenVergleichenAsync"/>), each a filter
    /// without a team. A field error of either is a 400 listing all of them, named as the query names the fields
    /// (<c>a.bis</c>, <c>b.altersgruppe</c>).
    /// </summary>
    public static (AnalyseFilter A, AnalyseFilter B) Auswahlen(AuswahlEingabe a, AuswahlEingabe b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var fehler = new Dictionary<string, string[]>();
        AnalyseFilter? Lesen(string praefix, AuswahlEingabe e)
        {
            var formfehler = new Dictionary<string, string[]>();
            var von = Datum(e.Von, praefix + ".von", formfehler);
            var bis = Datum(e.Bis, praefix + ".bis", formfehler);
            bool? zd = string.IsNullOrEmpty(e.ZieldimensionI) ? null
                : bool.TryParse(e.ZieldimensionI, out var j) ? j
                : Fehler<bool?>(formfehler, praefix + ".zieldimensionI", "Unbekannter Wert. Erlaubt: true, false.");
            foreach (var f in formfehler)
            {
                fehler[f.Key] = f.Value;
            }

            try
            {
                var filter = Filter(von, bis, e.Aufenthaltsstatus, e.Altersgruppe, zd, null);
                return formfehler.Count == 0 ? filter : null;
            }
            catch (DomainException x)
            {
                foreach (var f in x.Errors)
                {
                    fehler[praefix + "." + f.Key] = f.Value;
                }

                return null;
            }
        }

        var filterA = Lesen("a", a);
        var filterB = Lesen("b", b);
        return filterA is not null && filterB is not null ? (filterA, filterB) : throw new DomainException("Ungültige Auswahl.", fehler);
    }

    private static DateOnly? Datum(string? text, string feld, Dictionary<string, string[]> fehler) =>
        string.IsNullOrEmpty(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
        : Fehler<DateOnly?>(fehler, feld, "Bitte ein Datum im Format JJJJ-MM-TT angeben.");

    private static T Fehler<T>(Dictionary<string, string[]> fehler, string feld, string text)
    {
        fehler[feld] = [text];
        return default!;
    }

    /// <summary>A track name; null stays null unless <paramref name="erforderlich"/>.</summary>
    public static Spur? Spur(string? spur, bool erforderlich)
    {
        var errors = new Dictionary<string, string[]>();
        var wert = Enumwert<Spur>(spur, "spur", errors);
        if (wert is null && erforderlich && errors.Count == 0)
        {
            errors["spur"] = [$"Bitte eine Spur angeben. Erlaubt: {string.Join(", ", Enum.GetNames<Spur>())}."];
        }

        return errors.Count > 0 ? throw new DomainException("Ungültige Spur.", errors) : wert;
    }

    /// <summary>An enum value given by its exact name; null stays null; anything else is a 400 naming the allowed values.</summary>
    public static T? Aufzaehlung<T>(string? text, string feld)
        where T : struct, Enum
    {
        var errors = new Dictionary<string, string[]>();
        var wert = Enumwert<T>(text, feld, errors);
        return errors.Count > 0 ? throw new DomainException("Ungültige Eingabe.", errors) : wert;
    }

    private static T? Enumwert<T>(string? text, string feld, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
        {
            return Enum.Parse<T>(text);
        }

        errors[feld] = [$"Unbekannter Wert. Erlaubt: {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }
}

/// <summary>
/// One selection of a side-by-side comparison as entered (query string of the page and the API), before it is checked:
/// dates as yyyy-MM-dd, Zieldimension I as true/false; empty means "not set".
/// </summary>
public sealed record AuswahlEingabe(string? Von, string? Bis, string? Aufenthaltsstatus, string? Altersgruppe, string? ZieldimensionI);
