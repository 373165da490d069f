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
