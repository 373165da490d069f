using FluentValidation;
using Kim.Casemanagement.Application.Benachrichtigungen;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Faelle.SchrittAusfuehren;

/// <summary>The hot path: load the Fall, fire the trigger (guards read the whole Fall, follow-up rules run), write everything in one transaction.</summary>
public sealed class SchrittHandler(FallBearbeitung bearbeitung, IValidator<SchrittBefehl> validator, BenachrichtigungsRegeln benachrichtigungen)
{
    public async Task<SchrittErgebnis> HandleAsync(SchrittBefehl befehl, CancellationToken ct)
    {
        validator.ValidateAndThrow(befehl);
        using var aktivitaet = KimTelemetrie.Quelle.StartActivity("Schritt ausführen");
        aktivitaet?.SetTag("kim.spur", befehl.Spur.ToString());
        var fall = await bearbeitung.LadenAsync(befehl.FallId, befehl.Version, FallAktion.SchrittAusfuehren, ct, befehl.Spur, befehl.UeberleitungId, befehl.Trigger);
        fall.Feuern(befehl.Spur, befehl.Trigger, befehl.Parameter, bearbeitung.Rahmen(befehl.FachlichesDatum, befehl.Notiz), befehl.UeberleitungId);
        await benachrichtigungen.NachSchrittenAsync(fall, fall.NeueEreignisse, ct);
        var ereignisse = fall.NeueEreignisse.Select(e => new EreignisKurz(e.Nr, e.Spur.ToString(), e.UeberleitungId, e.Trigger, e.VonZustand, e.NachZustand, e.FachlichesDatum, e.AusgeloestDurch)).ToArray();
        await bearbeitung.SpeichernAsync(fall, ct);
        // After the commit, so that only transitions that happened count; the trigger is known (the Fall fired it).
        aktivitaet?.SetTag("kim.trigger", befehl.Trigger);
        aktivitaet?.SetTag("kim.ereignisse", ereignisse.Length);
        foreach (var e in ereignisse)
        {
            KimTelemetrie.Uebergang(e.Spur);
        }

        return new SchrittErgebnis(
            fall.Id,
            fall.Version,
            ereignisse,
            Spurregister.Alle.Where(d => !d.JeUeberleitung).ToDictionary(d => d.Spur.ToString(), d => d.ZustandVon(fall)!));
    }
}
