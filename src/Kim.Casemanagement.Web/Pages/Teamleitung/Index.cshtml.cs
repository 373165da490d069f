using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Faelle.Auslastung;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Application.Faelle.Zustaendigkeit;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Oberflaeche;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Teamleitung;

/// <summary>Team lead: weighted workload per case manager, intake queue with assignment, absence deputies for a period.</summary>
[Authorize(Policy = Sicherheit.SicherheitsKonfiguration.PolitikTeamleitung)]
public sealed class IndexModel(AuslastungHandler auslastung, ZustaendigkeitHandler zustaendigkeit, FaelleSuchenHandler suchen, BenutzerVerwaltung benutzer, IAktuellerBenutzer ich, IKalender kalender) : KimSeite
{
    public TeamAuslastung Daten { get; private set; } = null!;

    public IReadOnlyList<BenutzerZeile> Team { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "ohneKontakt")]
    public int? OhneKontakt { get; set; }

    [BindProperty]
    public AbwesenheitEingabe Abwesenheit { get; set; } = new();

    public DateOnly Heute => kalender.Heute;

    public async Task OnGetAsync(CancellationToken ct) => await LadenAsync(ct);

    public async Task<IActionResult> OnPostZuweisenAsync(Guid fallId, string? fallmanagerId, CancellationToken ct)
    {
        if (await VersuchenAsync(() => zustaendigkeit.ZuweisenAsync(fallId, fallmanagerId ?? string.Empty, null, ct)))
        {
            Erfolgsmeldung = "Der Fall ist zugewiesen.";
            return Redirect("/Teamleitung#warteschlange");
        }

        await LadenAsync(ct);
        Response.StatusCode = Fehlerstatus;
        return Page();
    }

    /// <summary>Absence: the deputy takes every open Fall of the absent case manager for the period (one Vertretung per Fall).</summary>
    public async Task<IActionResult> OnPostAbwesenheitAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Abwesenheit.AbwesendId))
        {
            ModelState.AddModelError("Abwesenheit.AbwesendId", "Bitte wählen Sie die abwesende Person.");
        }

        if (string.IsNullOrEmpty(Abwesenheit.VertretungId))
        {
            ModelState.AddModelError("Abwesenheit.VertretungId", "Bitte wählen Sie die Vertretung.");
        }

        if (Abwesenheit.Bis is null)
        {
            ModelState.AddModelError("Abwesenheit.Bis", "Bitte geben Sie an, bis wann die Vertretung gilt.");
        }

        var anzahl = 0;
        if (ModelState.ErrorCount == 0 && await VersuchenAsync(async () =>
            {
                var faelle = await suchen.HandleAsync(new FallSuche(Phase: "Offen", FallmanagerId: Abwesenheit.AbwesendId, Groesse: 200), ct);
                foreach (var f in faelle.Eintraege.Where(f => f.FallmanagerId == Abwesenheit.AbwesendId))
                {
                    await zustaendigkeit.VertretungEinrichtenAsync(f.Id, Abwesenheit.VertretungId!, Abwesenheit.Von ?? Heute, Abwesenheit.Bis!.Value, null, ct);
                    anzahl++;
                }
            }, "Abwesenheit."))
        {
            Erfolgsmeldung = $"Vertretung für {anzahl} Fälle eingerichtet.";
            return Redirect("/Teamleitung#vertretung");
        }

        await LadenAsync(ct);
        Response.StatusCode = Fehlerstatus;
        return Page();
    }

    public string Name(string id) => Team.FirstOrDefault(b => b.Id == id)?.Anzeigename ?? id;

    private async Task LadenAsync(CancellationToken ct)
    {
        Daten = await auslastung.HandleAsync(OhneKontakt, ct);
        Team = (await benutzer.ListeAsync(ich.Mandant, ct)).Where(b => b.Aktiv && b.TeamId == ich.TeamId && b.Rollen.Contains("Fallmanagement")).OrderBy(b => b.Anzeigename, StringComparer.CurrentCulture).ToArray();
    }

    /// <summary>Absence deputy form.</summary>
    public sealed class AbwesenheitEingabe
    {
        public string? AbwesendId { get; set; }

        public string? VertretungId { get; set; }

        public DateOnly? Von { get; set; }

        public DateOnly? Bis { get; set; }
    }
}
