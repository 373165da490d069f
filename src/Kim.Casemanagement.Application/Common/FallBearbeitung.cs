using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Common;

/// <summary>
/// The shared steps of every use case on one Fall: load it, decide access on the server (404 when the caller may not
/// see it, 403 when the action is not theirs), note the access for the audit trail, check the version the caller saw
/// (409), build the step frame (actor, clock, rule table), and save.
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
        var vorgang = "Fall." + aktion;
        var detail = spur is null ? null : trigger is null ? spur.ToString() : $"{spur}/{trigger}";

        // Reading needs no change tracking (nothing is saved); every other action may change the Fall.
        var fall = aktion == FallAktion.Lesen ? await repository.LesenAsync(fallId, ct) : await repository.LadenAsync(fallId, ct);
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

        audit.Vormerken(vorgang, detail, fall.Id, fall.KlientId);
        if (erwarteteVersion is { } version && version != fall.Version)
        {
            throw new KonfliktException();
        }

        return (fall, sicht);
    }

    public Task SpeichernAsync(Fall fall, CancellationToken ct) => repository.SpeichernAsync(fall, ct);

    public SchrittRahmen Rahmen(DateOnly fachlichesDatum, string? notiz) => new(fachlichesDatum, benutzer.Id, notiz, regeln, kalender.Jetzt, kalender.Heute);

    public Schritt Probe() => Schritt.Probe(kalender.Heute, regeln, kalender.Jetzt);
}
