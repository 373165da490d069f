using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Protokoll;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>
/// The audit log viewer: rows by Fall (file number or id), person, action and period, newest first, paged; and the
/// verification of the hash chain on demand (ADR 0006: from the newest removed segment on). Same use case, validation
/// and audit entries as <c>GET /api/datenschutz/audit</c> and <c>GET /api/datenschutz/audit/pruefung</c>.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikDatenschutz)]
public sealed class ProtokollModel(ProtokollHandler handler, BenutzerVerwaltung benutzer, IAktuellerBenutzer ich) : KimSeite
{
    public const int Seitengroesse = 50;

    private static readonly Dictionary<string, string> Bindungsmeldungen = new()
    {
        [nameof(Von)] = "Bitte geben Sie den Anfang des Zeitraums als Datum an (TT.MM.JJJJ).",
        [nameof(Bis)] = "Bitte geben Sie das Ende des Zeitraums als Datum an (TT.MM.JJJJ).",
        [nameof(Seite)] = "Die Seite muss eine ganze Zahl zwischen 1 und 100000 sein.",
    };

    /// <summary>Where the use case's field names go on this page (one field for the Fall's file number or id).</summary>
    private static readonly Dictionary<string, string> Felder = new()
    {
        [nameof(ProtokollFilter.Aktenzeichen)] = nameof(Fall),
        [nameof(ProtokollFilter.FallId)] = nameof(Fall),
        [nameof(ProtokollFilter.BenutzerId)] = nameof(Person),
    };

    /// <summary>The Fall: its file number (KIM-2026-000123) or its id (also the id of an erased Fall).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Fall { get; set; }

    /// <summary>The account whose accesses are shown (its id).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Aktion { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Von { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Bis { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Seite { get; set; }

    public ProtokollSeite? Ergebnis { get; private set; }

    /// <summary>The result of a verification run with this request (the button), if any.</summary>
    public KettenPruefung? Pruefung { get; private set; }

    public LetztePruefung? Letzte { get; private set; }

    public IReadOnlyList<BenutzerZeile> Konten { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LadenAsync(ct);

    /// <summary>Verifies the chain now and shows the result beside the rows of the filter the page had.</summary>
    public async Task<IActionResult> OnPostPruefenAsync(CancellationToken ct)
    {
        Pruefung = await handler.PruefenAsync(ct);
        return await LadenAsync(ct);
    }

    public string Name(string? id) =>
        string.IsNullOrEmpty(id) ? "nicht angemeldet"
        : Konten.FirstOrDefault(k => k.Id == id) is { } k ? (k.Anzeigename == k.Benutzername ? k.Benutzername : $"{k.Anzeigename} ({k.Benutzername})")
        : id;

    /// <summary>The viewer's address with the filters kept and one of them changed (another page, one Fall, one person).</summary>
    public string Adresse(int? seite = null, string? fall = null, string? person = null)
    {
        var q = new Dictionary<string, string?>
        {
            [nameof(Fall)] = fall ?? Eingaben.Text(Fall),
            [nameof(Person)] = person ?? Eingaben.Text(Person),
            [nameof(Aktion)] = Eingaben.Text(Aktion),
            [nameof(Von)] = Von?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [nameof(Bis)] = Bis?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [nameof(Seite)] = seite is > 1 ? seite.Value.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Datenschutz/Protokoll", q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private ProtokollFilter Filter()
    {
        var fall = Eingaben.Text(Fall);
        var id = Guid.TryParse(fall, out var g) ? g : (Guid?)null;
        return new ProtokollFilter
        {
            FallId = id,
            Aktenzeichen = id is null ? fall : null,
            BenutzerId = Eingaben.Text(Person),
            Aktion = Eingaben.Text(Aktion),
            Von = Von is { } von ? ProtokollFilter.Tagesbeginn(von) : null,
            Bis = Bis is { } bis ? ProtokollFilter.Tagesbeginn(bis.AddDays(1)) : null,
            Seite = Seite ?? 1,
            Groesse = Seitengroesse,
        };
    }

    private void FelderZuordnen()
    {
        foreach (var (von, nach) in Felder)
        {
            if (ModelState.TryGetValue(von, out var eintrag) && eintrag.Errors.Count > 0)
            {
                foreach (var fehler in eintrag.Errors.ToArray())
                {
                    ModelState.AddModelError(nach, fehler.ErrorMessage);
                }

                ModelState.Remove(von);
            }
        }
    }

    private async Task<IActionResult> LadenAsync(CancellationToken ct)
    {
        Konten = (await benutzer.ListeAsync(ich.Mandant, ct)).OrderBy(k => k.Anzeigename, StringComparer.CurrentCulture).ToArray();
        if (Eingaben.BindungsfehlerEindeutschen(ModelState, Bindungsmeldungen)
            || !await VersuchenAsync(async () => Ergebnis = await handler.SuchenAsync(Filter(), ct)))
        {
            FelderZuordnen();
            Eingaben.OhneFeld(ModelState, Formularfehler, nameof(Seite), nameof(ProtokollFilter.Groesse));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Letzte = await handler.LetztePruefungAsync(ct);
        return Page();
    }
}
