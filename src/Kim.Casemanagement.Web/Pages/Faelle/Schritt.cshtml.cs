using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Application.Faelle.SchrittAusfuehren;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Web.Oberflaeche;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Faelle;

/// <summary>
/// Firing one step: asks for the fachliches Datum, a note and the step's parameters, then runs the same use case as
/// POST /api/faelle/{id}/schritte. A blocked step shows its German reasons instead of a form.
/// </summary>
public sealed class SchrittModel(FallAnzeigenHandler fall, SchrittHandler schritt, IKalender kalender) : KimSeite
{
    public FallDetail Fall { get; private set; } = null!;

    public SpurDetail? SpurAnzeige { get; private set; }

    public SchrittDetail? Erlaubt { get; private set; }

    public SchrittDetail? Blockiert { get; private set; }

    [BindProperty(SupportsGet = true, Name = "spur")]
    public Spur Spur { get; set; }

    [BindProperty(SupportsGet = true, Name = "trigger")]
    public string Trigger { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "ueberleitung")]
    public Guid? Ueberleitung { get; set; }

    [BindProperty]
    public DateOnly? FachlichesDatum { get; set; }

    [BindProperty]
    public string? Notiz { get; set; }

    /// <summary>The step's parameters as entered (form fields <c>Parameter[Name]</c>; read by hand so that nothing else of the form lands here).</summary>
    public Dictionary<string, string?> Parameter { get; } = [];

    [BindProperty]
    public int Version { get; set; }

    public async Task OnGetAsync(Guid fallId, CancellationToken ct)
    {
        await LadenAsync(fallId, ct);
        FachlichesDatum ??= kalender.Heute;
    }

    public async Task<IActionResult> OnPostAsync(Guid fallId, CancellationToken ct)
    {
        foreach (var (schluessel, wert) in Request.Form)
        {
            if (schluessel.StartsWith("Parameter[", StringComparison.Ordinal) && schluessel.EndsWith(']'))
            {
                Parameter[schluessel["Parameter[".Length..^1]] = wert.ToString();
            }
        }

        var parameter = Parameter.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value);
        SchrittErgebnis? ergebnis = null;
        if (FachlichesDatum is null)
        {
            ModelState.AddModelError(nameof(FachlichesDatum), "Bitte geben Sie das fachliche Datum an (wann es geschehen ist).");
        }
        else if (await VersuchenAsync(async () => ergebnis = await schritt.HandleAsync(
                     new SchrittBefehl(fallId, Spur, Trigger, FachlichesDatum.Value, parameter.Count == 0 ? null : parameter, string.IsNullOrWhiteSpace(Notiz) ? null : Notiz, Ueberleitung, Version), ct)))
        {
            await LadenAsync(fallId, ct, nurFall: true);
            var folgen = ergebnis!.Ereignisse.Count > 1 ? $" Dazu {ergebnis.Ereignisse.Count - 1} Folgeschritt(e) auf anderen Spuren." : string.Empty;
            Erfolgsmeldung = $"Schritt „{Bezeichnung}“ ist ausgeführt.{folgen}";
            return Redirect($"/Faelle/{fallId}#spuren");
        }

        await LadenAsync(fallId, ct);
        Response.StatusCode = Fehlerstatus;
        return Page();
    }

    public string Bezeichnung => Erlaubt?.Bezeichnung ?? Blockiert?.Bezeichnung ?? Trigger;

    private async Task LadenAsync(Guid fallId, CancellationToken ct, bool nurFall = false)
    {
        Fall = await fall.HandleAsync(fallId, ct);
        if (nurFall)
        {
            return;
        }

        ViewData["FallId"] = Fall.Id;
        SpurAnzeige = Fall.Spuren.FirstOrDefault(s => s.Spur == Spur.ToString() && s.UeberleitungId == Ueberleitung);
        Erlaubt = SpurAnzeige?.ErlaubteSchritte.FirstOrDefault(t => t.Trigger == Trigger);
        Blockiert = SpurAnzeige?.BlockierteSchritte.FirstOrDefault(t => t.Trigger == Trigger);
        ModelState.Remove(nameof(Version));
        Version = Fall.Version;
    }
}
