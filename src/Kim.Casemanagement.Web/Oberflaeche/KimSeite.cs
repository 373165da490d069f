using FluentValidation;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Oberflaeche;

/// <summary>
/// Base of the UI's page models: runs a use case and shows its refusals (validation, a blocked step with its German
/// reasons, a stale version) as messages next to the fields or above the form, as the API shows them in ProblemDetails.
/// A Fall that is not visible and an action not allowed are not caught here (<see cref="SeitenFehlerFilter"/>).
/// </summary>
public abstract class KimSeite : PageModel
{
    /// <summary>Messages for the whole form (shown in the error summary).</summary>
    public List<string> Formularfehler { get; } = [];

    /// <summary>
    /// The status of a page shown again after a refusal: 400 (the input), 409 when the Fall is held (Art. 18 DSGVO),
    /// as the API answers.
    /// </summary>
    public int Fehlerstatus { get; private set; } = StatusCodes.Status400BadRequest;

    /// <summary>A confirmation after a redirect (post/redirect/get).</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Erfolgsmeldung { get; set; }

    /// <summary>Runs <paramref name="aktion"/>; on a refusal records the messages (field names prefixed with <paramref name="praefix"/>) and returns false.</summary>
    protected async Task<bool> VersuchenAsync(Func<Task> aktion, string praefix = "")
    {
        ArgumentNullException.ThrowIfNull(aktion);
        try
        {
            await aktion();
            return true;
        }
        catch (ValidationException v)
        {
            foreach (var f in v.Errors)
            {
                FeldfehlerMelden(praefix, f.PropertyName, f.ErrorMessage);
            }
        }
        catch (DomainException d)
        {
            if (d.Errors.Count == 0)
            {
                Formularfehler.Add(d.Message);
            }

            foreach (var (feld, texte) in d.Errors)
            {
                foreach (var t in texte)
                {
                    FeldfehlerMelden(praefix, feld, t);
                }
            }
        }
        catch (SchrittNichtMoeglichException s)
        {
            Formularfehler.Add(s.Message);
            Formularfehler.AddRange(s.Gruende);
        }
        catch (FallGesperrtException g)
        {
            Formularfehler.Add(g.Message);
            Fehlerstatus = StatusCodes.Status409Conflict;
        }
        catch (KonfliktException k)
        {
            Formularfehler.Add(k.Message);
            Fehlerstatus = StatusCodes.Status409Conflict;
        }

        return false;
    }

    /// <summary>The message for a field, if any (for aria-describedby and the text next to the field).</summary>
    public string? Feldfehler(string feld) =>
        ModelState.TryGetValue(feld, out var eintrag) && eintrag.Errors.Count > 0 ? string.Join(" ", eintrag.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>Every message (fields and form), for the summary at the top.</summary>
    public IEnumerable<(string? Feld, string Text)> AlleFehler() =>
        Formularfehler.Select(f => ((string?)null, f))
            .Concat(ModelState.Where(e => e.Value is { Errors.Count: > 0 }).SelectMany(e => e.Value!.Errors.Select(x => ((string?)e.Key, x.ErrorMessage))));

    private void FeldfehlerMelden(string praefix, string feld, string text)
    {
        var name = string.IsNullOrEmpty(feld) ? string.Empty : praefix + string.Join('.', feld.Split('.').Select(t => t.Length == 0 ? t : char.ToUpperInvariant(t[0]) + t[1..]));
        if (name.Length == 0)
        {
            Formularfehler.Add(text);
        }
        else
        {
            ModelState.AddModelError(name, text);
        }
    }
}
