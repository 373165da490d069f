using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Themen;

/// <summary>
/// Generative Themen, always through their Fall: its case manager flags one and records how it stands (the rights of
/// writing a note on the Fall: <see cref="FallAktion.NotizSchreiben"/>, so 404 for a Fall the caller may not see and 403
/// for one they may see but not work on); those who may read the Fall's notes see its Themen. The Lenkungsgruppe never
/// reaches a single Thema, its description or its Fall: it sees counts by category and state
/// (<see cref="AnalysenHandler.ThemenAsync"/>).
/// </summary>
public sealed class ThemenHandler(FallBearbeitung bearbeitung, IThemenRepository themen, IAktuellerBenutzer benutzer, IKalender kalender, IAuditProtokoll audit)
{
    public async Task<ThemaDetail> MeldenAsync(Guid fallId, ThemaKategorie kategorie, string? beschreibung, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, null, FallAktion.NotizSchreiben, ct);
        var thema = Thema.Melden(Guid.NewGuid(), fall.Mandant, fall.Id, kategorie, beschreibung, [fall.Klient.Vorname, fall.Klient.Nachname], benutzer.Id, kalender.Jetzt);
        audit.Vormerken("Thema.Melden", kategorie.ToString(), fall.Id, fall.KlientId);
        await themen.HinzufuegenAsync(thema, ct);
        return ThemaDetail.Aus(thema);
    }

    public async Task<IReadOnlyList<ThemaDetail>> DesFallsAsync(Guid fallId, CancellationToken ct)
    {
        await bearbeitung.LadenAsync(fallId, null, FallAktion.NotizenLesen, ct);
        return (await themen.DesFallsAsync(fallId, ct)).Select(ThemaDetail.Aus).ToList();
    }

    /// <summary>Records how a Thema of this Fall stands (escalated to the Lenkungsgruppe, settled, reopened).</summary>
    /// <exception cref="NichtGefundenException">The Fall is not visible to the caller, or the Thema is not one of this Fall.</exception>
    /// <exception cref="KonfliktException">An expected version was given and the Thema has another one.</exception>
    public async Task<ThemaDetail> StatusAendernAsync(Guid fallId, Guid id, ThemaStatus status, int? erwarteteVersion, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, null, FallAktion.NotizSchreiben, ct);
        var thema = await themen.LadenAsync(id, fall.Mandant, ct);
        if (thema is null || thema.FallId != fall.Id)
        {
            audit.Vormerken("Thema.StatusAendern", "Thema nicht vorhanden", fall.Id, fall.KlientId);
            throw new NichtGefundenException("Das Thema wurde nicht gefunden.");
        }

        if (erwarteteVersion is { } version && version != thema.Version)
        {
            throw new KonfliktException("Das Thema wurde zwischenzeitlich geändert. Bitte laden Sie die Themen des Falls neu.");
        }

        audit.Vormerken("Thema.StatusAendern", $"{thema.Id}:{status}", fall.Id, fall.KlientId);
        if (thema.StatusAendern(status, benutzer.Id, kalender.Jetzt))
        {
            await themen.SpeichernAsync(thema, ct);
        }

        return ThemaDetail.Aus(thema);
    }
}
