using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Datenschutz.Loeschung;

/// <summary>
/// Erasure of one Fall on request (Art. 17 DSGVO, § 84 SGB X), by the Datenschutz role only: the Fall's process track
/// must be closed (a Fall in work is closed by its case manager first), a held Fall is refused (409 with the reason),
/// an unknown, another tenant's or already erased Fall is 404. The reason is required (it stays with the request's
/// paperwork; the audit row names the legal basis only, no text that could hold personal data). Anonymised exactly as a
/// run of the erasure job does (ADR 0007).
/// </summary>
public sealed class EinzelloeschungHandler(IEinzelloeschung loeschung, IAktuellerBenutzer benutzer, IAuditProtokoll audit)
{
    public const string AuditAktion = "Datenschutz.LoeschungAufAntrag";
    public const int GrundMaxLaenge = 2000;

    public async Task LoeschenAsync(Guid fallId, string? grund, CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(benutzer);
        var text = grund?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > GrundMaxLaenge)
        {
            throw new DomainException("Die Löschung ist unvollständig.", new Dictionary<string, string[]>
            {
                ["grund"] = [string.IsNullOrEmpty(text) ? "Bitte geben Sie den Grund der Löschung an (z. B. Antrag nach Art. 17 DSGVO vom …)." : $"Der Grund darf höchstens {GrundMaxLaenge} Zeichen lang sein."],
            });
        }

        var ergebnis = await loeschung.AnonymisierenAsync(fallId, benutzer.Mandant, ct);
        audit.Vormerken(AuditAktion, $"Art. 17 DSGVO: {ergebnis}", fallId, null);
        switch (ergebnis)
        {
            case EinzelloeschungErgebnis.NichtGefunden:
                throw new NichtGefundenException("Der Fall wurde nicht gefunden.");
            case EinzelloeschungErgebnis.Gesperrt:
                throw new KonfliktException("Der Fall ist gesperrt (Art. 18 DSGVO, § 84 Abs. 3 SGB X) und wird nicht gelöscht. Heben Sie die Sperre auf, wenn die Löschung Vorrang hat.");
            case EinzelloeschungErgebnis.NichtBeendet:
                throw new KonfliktException("Der Fall ist noch nicht beendet. Die Fallführung schließt ihn zuerst ab (Abschluss, Abbruch oder Verweisung); danach kann er gelöscht werden.");
        }
    }
}
