using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Sperrung;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Oberflaeche;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>
/// Holds (Sperrung, Art. 18 DSGVO, § 84 Abs. 3 SGB X) for the Datenschutz role: set one on a Fall named by its file
/// number, lift an active one, list them (active, lifted, expired). The same use case, checks and audit entries as
/// <c>/api/datenschutz/sperren</c> and <c>/api/datenschutz/faelle/{id}/sperre</c>.
/// </summary>
[Authorize(Policy = SicherheitsKonfiguration.PolitikDatenschutz)]
public sealed class SperrenModel(SperrungHandler sperrung, BenutzerVerwaltung benutzer, IAktuellerBenutzer ich, IKalender kalender) : KimSeite
{
    public const int Seitengroesse = 50;

    public Seite<SperreDetail> Sperren { get; private set; } = new([], 0, 1, Seitengroesse);

    /// <summary>Staff names by id (who set and lifted a hold).</summary>
    public Dictionary<string, string> Namen { get; } = [];

    /// <summary>Filter: <c>aktiv</c>, <c>inaktiv</c> (lifted or expired), empty for all.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int SeiteNr { get; set; } = 1;

    [BindProperty]
    public SperreEingabe Neu { get; set; } = new();

    [BindProperty]
    public AufhebungEingabe Aufhebung { get; set; } = new();

    /// <summary>The Fall whose lifting was refused (its form is shown open with the message).</summary>
    public Guid? AufhebungFallId { get; private set; }

    public DateOnly Heute => kalender.Heute;

    public async Task OnGetAsync(CancellationToken ct) => await LadenAsync(ct);

    public async Task<IActionResult> OnPostSetzenAsync(CancellationToken ct)
    {
        SperreDetail? gesetzt = null;
        if (await VersuchenAsync(async () => gesetzt = await sperrung.SetzenNachAktenzeichenAsync(Neu.Aktenzeichen, Neu.Grund, Neu.Bis, ct), "Neu."))
        {
            Erfolgsmeldung = $"Der Fall {gesetzt!.Aktenzeichen} ist gesperrt{(gesetzt.Bis is { } bis ? $" bis {Bezeichnungen.Datum(bis)}" : " bis auf Weiteres")}.";
            return Redirect("/Datenschutz/Sperren");
        }

        await LadenAsync(ct);
        Response.StatusCode = Fehlerstatus;
        return Page();
    }

    public async Task<IActionResult> OnPostAufhebenAsync(Guid fallId, CancellationToken ct)
    {
        SperreDetail? aufgehoben = null;
        if (await VersuchenAsync(async () => aufgehoben = await sperrung.AufhebenAsync(fallId, Aufhebung.Grund, ct), "Aufhebung."))
        {
            Erfolgsmeldung = $"Die Sperre des Falls {aufgehoben!.Aktenzeichen} ist aufgehoben.";
            return Redirect("/Datenschutz/Sperren");
        }

        AufhebungFallId = fallId;
        await LadenAsync(ct);
        Response.StatusCode = Fehlerstatus;
        return Page();
    }

    public string Name(string? id) => id is null ? "–" : Namen.TryGetValue(id, out var n) ? n : id;

    /// <summary>The address of a page of the list with the current filter.</summary>
    public string Adresse(int seite) => $"/Datenschutz/Sperren?status={Uri.EscapeDataString(Status ?? string.Empty)}&seite={seite}";

    private async Task LadenAsync(CancellationToken ct)
    {
        bool? aktiv = Status switch
        {
            "aktiv" => true,
            "inaktiv" => false,
            _ => null,
        };
        Status = aktiv switch { true => "aktiv", false => "inaktiv", null => null };
        SeiteNr = Math.Clamp(SeiteNr, 1, 100_000);
        Sperren = await sperrung.SuchenAsync(new SperrenFilter(aktiv, null, SeiteNr, Seitengroesse), ct);
        foreach (var b in await benutzer.ListeAsync(ich.Mandant, ct))
        {
            Namen[b.Id] = b.Anzeigename;
        }
    }

    /// <summary>The form of a new hold.</summary>
    public sealed class SperreEingabe
    {
        public string? Aktenzeichen { get; set; }

        public string? Grund { get; set; }

        public DateOnly? Bis { get; set; }
    }

    /// <summary>The form of lifting a hold.</summary>
    public sealed class AufhebungEingabe
    {
        public string? Grund { get; set; }
    }
}
