using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Themen;

/// <summary>
/// Generative Themen: the Fall's case manager flags one (the rights of writing a note on the Fall: <see cref="FallAktion.NotizSchreiben"/>,
/// so 404 for a Fall the caller may not see and 403 for one they may see but not work on); those who may read the Fall's
/// notes see its Themen; the Lenkungsgruppe lists the Themen of its tenant (never the Fall) and moves them through their states.
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

    public async Task<IReadOnlyList<ThemaEintrag>> ListeAsync(ThemaStatus? status, ThemaKategorie? kategorie, CancellationToken ct)
    {
        NurLenkungsgruppe();
        audit.Vormerken("Themen.Liste", status?.ToString(), null, null);
        return (await themen.ListeAsync(benutzer.Mandant, status, kategorie, ct)).Select(ThemaEintrag.Aus).ToList();
    }

    public async Task<ThemaEintrag> StatusAendernAsync(Guid id, ThemaStatus status, int? erwarteteVersion, CancellationToken ct)
    {
        NurLenkungsgruppe();
        var thema = await themen.LadenAsync(id, benutzer.Mandant, ct);
        if (thema is null)
        {
            audit.Vormerken("Thema.StatusAendern", "Thema nicht vorhanden", null, null);
            throw new NichtGefundenException("Das Thema wurde nicht gefunden.");
        }

        if (erwarteteVersion is { } version && version != thema.Version)
        {
            throw new KonfliktException("Das Thema wurde zwischenzeitlich geändert. Bitte laden Sie die Liste neu.");
        }

        audit.Vormerken("Thema.StatusAendern", $"{thema.Id}:{status}", null, null);
        if (thema.StatusAendern(status, benutzer.Id, kalender.Jetzt))
        {
            await themen.SpeichernAsync(thema, ct);
        }

        return ThemaEintrag.Aus(thema);
    }

    private void NurLenkungsgruppe()
    {
        if (!benutzer.IstAngemeldet || !benutzer.HatRolle(Rolle.Lenkungsgruppe))
        {
            throw new ZugriffVerweigertException("Generative Themen bearbeitet die Lenkungsgruppe.");
        }
    }
}
