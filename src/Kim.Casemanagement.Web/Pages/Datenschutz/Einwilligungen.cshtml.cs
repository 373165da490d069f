using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>
/// The consent register: every consent of the Kommune with filters (state, recipient, data category, period, file
/// number), paging and a CSV download; the same use case, validation and audit entry as <c>GET /api/datenschutz/einwilligungen</c>.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikDatenschutz)]
public sealed class EinwilligungenModel(EinwilligungsRegisterHandler handler, ICsvExport csv, BenutzerVerwaltung benutzer, IAktuellerBenutzer ich, IKalender kalender) : KimSeite
{
    public const int Seitengroesse = 50;

    public static IReadOnlyList<(string Wert, string Bezeichnung)> Zustaende { get; } =
    [
        (RegisterStatus.Gueltig, "gültig"),
        (RegisterStatus.Ablaufend, "läuft bald ab"),
        (RegisterStatus.Abgelaufen, "abgelaufen"),
        (RegisterStatus.Widerrufen, "widerrufen"),
        (RegisterStatus.Kuenftig, "künftig gültig"),
    ];

    private static readonly Dictionary<string, string> Bindungsmeldungen = new()
    {
        [nameof(Tage)] = "Bitte geben Sie die Tage bis zum Ablauf als ganze Zahl zwischen 1 und 366 an.",
        [nameof(Von)] = "Bitte geben Sie den Anfang des Zeitraums als Datum an (TT.MM.JJJJ).",
        [nameof(Bis)] = "Bitte geben Sie das Ende des Zeitraums als Datum an (TT.MM.JJJJ).",
        [nameof(Seite)] = "Die Seite muss eine ganze Zahl zwischen 1 und 100000 sein.",
    };

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Empfaenger { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kategorie { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Von { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Bis { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Aktenzeichen { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Seite { get; set; }

    public RegisterSeite? Ergebnis { get; private set; }

    public DateOnly Heute => kalender.Heute;

    public IReadOnlyDictionary<string, string> Namen { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Eingaben.BindungsfehlerEindeutschen(ModelState, Bindungsmeldungen))
        {
            return Ungueltig();
        }

        if (!await VersuchenAsync(async () => Ergebnis = await handler.SuchenAsync(Filter(), ct)))
        {
            return Ungueltig();
        }

        Namen = (await benutzer.ListeAsync(ich.Mandant, ct)).ToDictionary(b => b.Id, b => b.Anzeigename);
        return Page();
    }

    /// <summary>The consents of the filter as CSV (semicolon, UTF-8 with BOM), at most <see cref="RegisterFilter.MaxExport"/> rows.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (Eingaben.BindungsfehlerEindeutschen(ModelState, Bindungsmeldungen))
        {
            return Ungueltig();
        }

        RegisterSeite? alle = null;
        if (!await VersuchenAsync(async () => alle = await handler.ExportierenAsync(Filter(), ct)))
        {
            return Ungueltig();
        }

        var namen = (await benutzer.ListeAsync(ich.Mandant, ct)).ToDictionary(b => b.Id, b => b.Anzeigename);
        string Name(string? id) => id is null ? string.Empty : namen.TryGetValue(id, out var n) ? n : id;
        string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        var tabelle = new AnalyseTabelle(
            "Einwilligungsregister",
            ["Aktenzeichen", "Empfänger", "Datenkategorien", "Zweck", "Gültig ab", "Gültig bis", "Formular", "Erfasst am", "Erfasst von", "Widerrufen am", "Widerrufen von", "Heute gültig"],
            alle!.Eintraege.Select(e => (IReadOnlyList<object?>)
            [
                e.Aktenzeichen, Bezeichnungen.Stelle(e.Empfaenger), string.Join(", ", e.Datenkategorien), e.Zweck, Iso(e.GueltigAb), Iso(e.GueltigBis),
                e.FormularReferenz, Bezeichnungen.Zeit(e.ErfasstAm), Name(e.ErfasstVon), e.WiderrufenAm is { } w ? Bezeichnungen.Zeit(w) : string.Empty,
                Name(e.WiderrufenVon), e.Gueltig ? "ja" : "nein",
            ]).ToArray());
        return File(csv.Erzeugen(tabelle), "text/csv; charset=utf-8", $"einwilligungsregister-{kalender.Heute:yyyy-MM-dd}.csv");
    }

    public string Name(string? id) => id is null ? "–" : Namen.TryGetValue(id, out var n) ? n : id;

    /// <summary>The register's address with the filters kept and, optionally, another page or the CSV handler.</summary>
    public string Adresse(int? seite = null, bool csvDatei = false)
    {
        var q = new Dictionary<string, string?>
        {
            ["handler"] = csvDatei ? "Csv" : null,
            [nameof(Status)] = Status,
            [nameof(Tage)] = Status == RegisterStatus.Ablaufend ? Tage?.ToString(CultureInfo.InvariantCulture) : null,
            [nameof(Empfaenger)] = Empfaenger,
            [nameof(Kategorie)] = Kategorie,
            [nameof(Von)] = Von?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [nameof(Bis)] = Bis?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [nameof(Aktenzeichen)] = Eingaben.Text(Aktenzeichen),
            [nameof(Seite)] = seite is > 1 ? seite.Value.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Datenschutz/Einwilligungen", q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The state of a consent today, in words (never by colour alone).</summary>
    public string Zustand(EinwilligungsEintrag e) =>
        e.WiderrufenAm is { } w ? $"widerrufen am {Bezeichnungen.Zeit(w)}"
        : e.GueltigAb > Heute ? $"künftig gültig ab {Bezeichnungen.Datum(e.GueltigAb)}"
        : e.GueltigBis is { } bis && bis < Heute ? $"abgelaufen am {Bezeichnungen.Datum(bis)}"
        : e.GueltigBis is { } ende && ende <= Heute.AddDays(RegisterFilter.StandardTage) ? $"gültig, läuft am {Bezeichnungen.Datum(ende)} ab"
        : "gültig";

    private RegisterFilter Filter() => new()
    {
        Status = Status,
        Tage = Status == RegisterStatus.Ablaufend ? Tage : null,
        Empfaenger = Empfaenger,
        Kategorie = Kategorie,
        Von = Von,
        Bis = Bis,
        Aktenzeichen = Eingaben.Text(Aktenzeichen),
        Seite = Seite ?? 1,
        Groesse = Seitengroesse,
    };

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Ungueltig()
    {
        Eingaben.OhneFeld(ModelState, Formularfehler, nameof(Seite), nameof(RegisterFilter.Groesse));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
