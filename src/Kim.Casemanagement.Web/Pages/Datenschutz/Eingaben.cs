using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>
/// Filter values that did not even bind (a date or number the browser would not send, typed into the address) get a
/// German message at their field instead of the framework's English one; the filter then does not run.
/// </summary>
internal static class Eingaben
{
    /// <summary>Replaces the binding errors of the named fields with their German message; true when any field had one.</summary>
    public static bool BindungsfehlerEindeutschen(ModelStateDictionary zustand, IReadOnlyDictionary<string, string> meldungen)
    {
        var fehler = false;
        foreach (var (feld, meldung) in meldungen)
        {
            if (zustand.TryGetValue(feld, out var eintrag) && eintrag.Errors.Count > 0)
            {
                eintrag.Errors.Clear();
                eintrag.Errors.Add(meldung);
                fehler = true;
            }
        }

        return fehler || zustand.ErrorCount > 0;
    }

    /// <summary>
    /// Messages of values the page has no field for (the page number of a link): moved to the messages of the whole form,
    /// so that the summary does not link to a field that is not there.
    /// </summary>
    public static void OhneFeld(ModelStateDictionary zustand, List<string> formularfehler, params string[] felder)
    {
        foreach (var feld in felder)
        {
            if (zustand.TryGetValue(feld, out var eintrag) && eintrag.Errors.Count > 0)
            {
                formularfehler.AddRange(eintrag.Errors.Select(e => e.ErrorMessage));
                zustand.Remove(feld);
            }
        }
    }

    /// <summary>Null for an empty or blank text, else the trimmed text.</summary>
    public static string? Text(string? wert) => string.IsNullOrWhiteSpace(wert) ? null : wert.Trim();
}
