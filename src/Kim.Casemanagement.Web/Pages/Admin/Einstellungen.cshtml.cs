using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Einstellungen;
using Kim.Casemanagement.Web.Api;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Admin;

/// <summary>
/// The settings of the own Kommune (issue 18 item 3): each with the value that applies and the installation's default;
/// an empty field means "Standard der Installation". Same rules, service and audit entry as PUT /api/admin/einstellungen.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikAdministration)]
public sealed class EinstellungenModel(MandantEinstellungen einstellungen, IAktuellerBenutzer ich, IAuditProtokoll audit) : KimSeite
{
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

    public EinstellungenAntwort Stand { get; private set; } = null!;

    [BindProperty]
    public Eingabe Werte { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LadenAsync(ct);
        Werte = Eingabe.Aus(Stand);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form's own conversion errors (a letter in a number field) are shown as such; nothing is stored then.
        ModelState.Clear();
        var anfrage = Anfrage();
        if (anfrage is not null && await VersuchenAsync(() => EinstellungenApi.AendernAsync(anfrage, einstellungen, ich, audit, ct), "Werte."))
        {
            Erfolgsmeldung = "Die Einstellungen sind gespeichert. Auswertungen und Fristen dieser Kommune verwenden sie ab sofort.";
            return Redirect("/Admin/Einstellungen");
        }

        Response.StatusCode = Fehlerstatus;
        await LadenAsync(ct);
        if (Fehlerstatus == StatusCodes.Status409Conflict)
        {
            // Someone saved in between: the table above now shows what applies, the form keeps this person's input, and a
            // second save (over the version just shown) replaces it knowingly.
            Werte.Version = Stand.Version;
        }

        // A track's message belongs to its paths field.
        for (var i = 0; i < Werte.Idealverlauf.Count; i++)
        {
            if (ModelState.TryGetValue($"Werte.Idealverlauf.{Werte.Idealverlauf[i].Spur}", out var eintrag) && eintrag.Errors.Count > 0)
            {
                foreach (var f in eintrag.Errors.ToList())
                {
                    ModelState.AddModelError($"Werte.Idealverlauf[{i}].Pfade", f.ErrorMessage);
                }

                ModelState.Remove($"Werte.Idealverlauf.{Werte.Idealverlauf[i].Spur}");
            }
        }

        return Page();
    }

    private EinstellungenAnfrage? Anfrage()
    {
        int? Zahl(string feld, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.Integer, De, out var z))
            {
                return z;
            }

            ModelState.AddModelError("Werte." + feld, "Bitte eine ganze Zahl eingeben oder das Feld leer lassen (Standard der Installation).");
            return null;
        }

        decimal? vollzeit = null;
        if (!string.IsNullOrWhiteSpace(Werte.Vollzeitstellen))
        {
            if (decimal.TryParse(Werte.Vollzeitstellen.Trim(), NumberStyles.Number, De, out var vz))
            {
                vollzeit = vz;
            }
            else
            {
                ModelState.AddModelError("Werte.Vollzeitstellen", "Bitte eine Zahl eingeben (z. B. 4,5) oder das Feld leer lassen (Standard der Installation).");
            }
        }

        var anfrage = new EinstellungenAnfrage(
            Zahl(nameof(Eingabe.Mindestgroesse), Werte.Mindestgroesse),
            vollzeit,
            Werte.Idealverlauf
                .Where(i => !string.IsNullOrWhiteSpace(i.Pfade))
                .ToDictionary(
                    i => i.Spur,
                    i => (IdealverlaufAnfrage?)new IdealverlaufAnfrage(
                        Zeilen(i.Pfade, '\n'),
                        Zeilen(i.Wartezustaende, ',')),
                    StringComparer.Ordinal),
            Zahl(nameof(Eingabe.TitelVorlaufWochen), Werte.TitelVorlaufWochen),
            Zahl(nameof(Eingabe.EinwilligungVorlaufTage), Werte.EinwilligungVorlaufTage),
            Zahl(nameof(Eingabe.KooperationsplanVorlaufTage), Werte.KooperationsplanVorlaufTage),
            Zahl(nameof(Eingabe.ChancenaufenthaltsrechtVorlaufWochen), Werte.ChancenaufenthaltsrechtVorlaufWochen),
            string.IsNullOrWhiteSpace(Werte.Version) ? null : Werte.Version);
        return ModelState.ErrorCount > 0 ? null : anfrage;

        static List<string> Zeilen(string? text, char trenner) =>
            (text ?? string.Empty).Split(trenner, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private async Task LadenAsync(CancellationToken ct)
    {
        Stand = EinstellungenApi.Antwort(await einstellungen.AktuellAsync(ich.Mandant, ct), einstellungen);
        // One entry per track, in the track order, whatever the form sent back.
        Werte.Idealverlauf = Stand.Idealverlauf
            .Select(i => Werte.Idealverlauf.FirstOrDefault(e => e.Spur == i.Spur.ToString()) ?? new IdealEingabe { Spur = i.Spur.ToString() })
            .ToList();
    }

    /// <summary>A number in German notation.</summary>
    public static string Zahl(decimal? wert) => wert is { } w ? w.ToString("0.##", De) : "nicht festgelegt";

    /// <summary>The form: text fields (empty = the installation's default).</summary>
    public sealed class Eingabe
    {
        public string? Mindestgroesse { get; set; }

        public string? Vollzeitstellen { get; set; }

        public List<IdealEingabe> Idealverlauf { get; set; } = [];

        public string? TitelVorlaufWochen { get; set; }

        public string? EinwilligungVorlaufTage { get; set; }

        public string? KooperationsplanVorlaufTage { get; set; }

        public string? ChancenaufenthaltsrechtVorlaufWochen { get; set; }

        /// <summary>The version of the settings the form was filled from (hidden): a save over a newer one is refused.</summary>
        public string? Version { get; set; }

        public static Eingabe Aus(EinstellungenAntwort a)
        {
            ArgumentNullException.ThrowIfNull(a);
            static string? Wert<T>(EinstellungsWert<T> w) => w.Ueberschrieben ? Convert.ToString(w.Wirksam, De) : null;
            return new Eingabe
            {
                Mindestgroesse = Wert(a.Mindestgroesse),
                Vollzeitstellen = a.Vollzeitstellen.Ueberschrieben ? Zahl(a.Vollzeitstellen.Wirksam) : null,
                Idealverlauf = a.Idealverlauf.Select(i => new IdealEingabe
                {
                    Spur = i.Spur.ToString(),
                    Pfade = i.Ueberschrieben ? string.Join("\n", i.Wirksam.Pfade) : null,
                    Wartezustaende = i.Ueberschrieben ? string.Join(", ", i.Wirksam.Wartezustaende) : null,
                }).ToList(),
                TitelVorlaufWochen = Wert(a.TitelVorlaufWochen),
                EinwilligungVorlaufTage = Wert(a.EinwilligungVorlaufTage),
                KooperationsplanVorlaufTage = Wert(a.KooperationsplanVorlaufTage),
                ChancenaufenthaltsrechtVorlaufWochen = Wert(a.ChancenaufenthaltsrechtVorlaufWochen),
                Version = a.Version,
            };
        }
    }

    /// <summary>One track's ideal flow in the form: one path per line, waiting states separated by commas.</summary>
    public sealed class IdealEingabe
    {
        public string Spur { get; set; } = string.Empty;

        public string? Pfade { get; set; }

        public string? Wartezustaende { get; set; }
    }
}
