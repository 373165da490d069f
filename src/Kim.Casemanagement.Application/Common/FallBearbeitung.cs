using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Common;

/// <summary>
/// The shared steps of every use case on one Fall: load it, decide access on the server (404 when the caller may not
/// see it, 403 when the action is not theirs), refuse a change of a held Fall (409, Art. 18 DSGVO; see
/// docs/adr/0008-sperrung.md), note the access for the audit trail, check the version the caller saw (409), build the
/// step frame (actor, clock, rule table), and save.
/// </summary>
public sealed class FallBearbeitung(IFallRepository repository, IAktuellerBenutzer benutzer, IKalender kalender, Rechtsregeltabelle regeln, FallZugriff zugriff, IAuditProtokoll audit)
{
    public IAktuellerBenutzer Benutzer => benutzer;

    public IKalender Kalender => kalender;

    public Rechtsregeltabelle Regeln => regeln;

    public FallZugriff Zugriff => zugriff;

    public IAuditProtokoll Audit => audit;

    public async Task<Fall> LadenAsync(Guid fallId, int? erwarteteVersion, FallAktion aktion, CancellationToken ct, Spur? spur = null, Guid? ueberleitungId = null, string? trigger = null) =>
        (await LadenMitSichtAsync(fallId, erwarteteVersion, aktion, ct, spur, ueberleitungId, trigger)).Fall;

    public async Task<(Fall Fall, FallSicht Sicht)> LadenMitSichtAsync(Guid fallId, int? erwarteteVersion, FallAktion aktion, CancellationToken ct, Spur? spur = null, Guid? ueberleitungId = null, string? trigger = null)
    {
        var fall = await repository.LadenAsync(fallId, ct);
        var sicht = Pruefen(fall, fallId, aktion, spur, ueberleitungId, trigger, fall is null ? null : repository.AktiveSperre(fall));
        if (erwarteteVersion is { } version && version != fall!.Version)
        {
            throw new KonfliktException();
        }

        return (fall!, sicht);
    }

    /// <summary>
    /// The Fall for display (<see cref="FallAktion.Lesen"/>), with the same access decision and audit entry; its
    /// <see cref="GelesenerFall.Fall"/> may be shared with concurrent reads (read its data only; see <see cref="GelesenerFall"/>).
    /// </summary>
    public async Task<(GelesenerFall Gelesen, FallSicht Sicht)> LesenMitSichtAsync(Guid fallId, CancellationToken ct)
    {
        var gelesen = await repository.LesenAsync(fallId, ct);
        return (gelesen!, Pruefen(gelesen?.Fall, fallId, FallAktion.Lesen, null, null, null, gelesen?.Sperre));
    }

    /// <summary>
    /// 404 for a missing or invisible Fall, 403 for an action not the caller's, 409 for a change of a held Fall (after
    /// the access decision, so that the hold of a Fall the caller may not see is not revealed); the access noted for
    /// the audit trail either way.
    /// </summary>
    private FallSicht Pruefen(Fall? fall, Guid fallId, FallAktion aktion, Spur? spur, Guid? ueberleitungId, string? trigger, FallSperrvermerk? sperre)
    {
        var vorgang = "Fall." + aktion;
        var detail = spur is null ? null : trigger is null ? spur.ToString() : $"{spur}/{trigger}";
        if (fall is null)
        {
            audit.Vormerken(vorgang, "Fall nicht vorhanden", fallId, null);
            throw new NichtGefundenException("Der Fall wurde nicht gefunden.");
        }

        FallSicht sicht;
        try
        {
            sicht = zugriff.Pruefen(fall, aktion, spur, ueberleitungId, trigger);
        }
        catch (NichtGefundenException)
        {
            audit.Vormerken(vorgang, "verweigert: Fall nicht sichtbar", fall.Id, fall.KlientId);
            throw;
        }
        catch (ZugriffVerweigertException)
        {
            audit.Vormerken(vorgang, "verweigert: Aktion nicht erlaubt", fall.Id, fall.KlientId);
            throw;
        }

        if (sperre is not null && FallAktionen.Aendert(aktion))
        {
            audit.Vormerken(vorgang, "verweigert: Fall gesperrt", fall.Id, fall.KlientId);
            throw new FallGesperrtException(sperre);
        }

        audit.Vormerken(vorgang, detail, fall.Id, fall.KlientId);
        return sicht;
    }

    public Task SpeichernAsync(Fall fall, CancellationToken ct) => repository.SpeichernAsync(fall, ct);

    public SchrittRahmen Rahmen(DateOnly fachlichesDatum, string? notiz) => new(fachlichesDatum, benutzer.Id, notiz, regeln, kalender.Jetzt, kalender.Heute);

    public Schritt Probe() => Schritt.Probe(kalender.Heute, regeln, kalender.Jetzt);
}
