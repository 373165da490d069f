using Kim.Casemanagement.Application.Faelle.Berichtigung;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Web.Oberflaeche;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Faelle;

/// <summary>
/// Correcting the client's master data (Art. 16 DSGVO): the form shows the data as stored and posts to the same use case
/// as PUT /api/faelle/{id}/klient (same rules as intake, same authorisation: the case manager who leads the Fall). The
/// old values go to the audit trail only; the case file gets a note naming the corrected fields.
/// </summary>
public sealed class StammdatenModel(FallAnzeigenHandler fall, KlientBerichtigungHandler berichtigung) : KimSeite
{
    public FallDetail Fall { get; private set; } = null!;

    [BindProperty]
    public KlientEingabe Eingabe { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task OnGetAsync(Guid fallId, CancellationToken ct)
    {
        await LadenAsync(fallId, ct);
        var k = Fall.Klient!;
        Eingabe = new KlientEingabe
        {
            Vorname = k.Vorname,
            Nachname = k.Nachname,
            Geburtsdatum = k.Geburtsdatum,
            Geschlecht = Enum.Parse<Geschlecht>(k.Geschlecht),
            Herkunftsland = k.Herkunftsland,
            Einreisedatum = k.Einreisedatum,
            MinderjaehrigeKinder = k.MinderjaehrigeKinder,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid fallId, CancellationToken ct)
    {
        KlientBerichtigungErgebnis? ergebnis = null;
        if (await VersuchenAsync(async () => ergebnis = await berichtigung.BerichtigenAsync(fallId, Eingabe.AlsStammdaten(), Version, ct), "Eingabe."))
        {
            Erfolgsmeldung = ergebnis!.GeaenderteFelder.Count == 0
                ? "Die Stammdaten waren bereits so gespeichert; es wurde nichts geändert."
                : $"Die Stammdaten sind berichtigt: {string.Join(", ", ergebnis.GeaenderteFelder.Select(KlientStammdaten.Felder.Bezeichnung))}.";
            return Redirect($"/Faelle/{fallId}#klient");
        }

        await LadenAsync(fallId, ct);
        Response.StatusCode = Fehlerstatus;
        return Page();
    }

    private async Task LadenAsync(Guid fallId, CancellationToken ct)
    {
        Fall = await fall.HandleAsync(fallId, ct);
        if (Fall.Sicht != "Voll" || Fall.Klient is null || !User.IsInRole(nameof(Rolle.Fallmanagement)))
        {
            // The same answer the use case gives: only the case manager who leads the Fall corrects its client's data.
            throw new ZugriffVerweigertException("Nur die fallführende Person kann die Stammdaten berichtigen.");
        }

        ViewData["FallId"] = Fall.Id;
        ModelState.Remove(nameof(Version));
        Version = Fall.Version;
    }
}
