using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

namespace Kim.Casemanagement.Application.Sicherheit;

/// <summary>
/// Record-level authorisation for one Fall, decided on the server for every request (the role × action matrix of
/// SECURITY.md lives here and nowhere else). A Fall the caller may not see is "not found" (404, no existence leak);
/// an action on a visible Fall the caller may not take is forbidden (403).
/// </summary>
public sealed class FallZugriff(IAktuellerBenutzer benutzer, IKalender kalender)
{
    /// <summary>What the caller may see of the Fall, judged now (consent withdrawal and expiry count at once).</summary>
    public FallSicht Sicht(Fall fall)
    {
        ArgumentNullException.ThrowIfNull(fall);
        if (!benutzer.IstAngemeldet || fall.Mandant != benutzer.Mandant)
        {
            return FallSicht.Keine;
        }

        var heute = kalender.Heute;
        if (benutzer.HatRolle(Rolle.Fallmanagement) && fall.IstZustaendig(benutzer.Id, heute))
        {
            return FallSicht.Voll;
        }

        if (benutzer.HatRolle(Rolle.Teamleitung) && benutzer.TeamId is { } team && fall.TeamId == team)
        {
            return FallSicht.Voll;
        }

        if (benutzer.HatRolle(Rolle.Partner) && benutzer.Behoerde is { } behoerde)
        {
            var jetzt = kalender.Jetzt;
            var kategorien = fall.Einwilligungen
                .Where(e => e.Empfaenger == behoerde.AlsEmpfaenger() && e.IstGueltigZu(jetzt, heute))
                .Aggregate(Datenkategorie.Keine, (a, e) => a | e.Datenkategorien);
            if (kategorien != Datenkategorie.Keine)
            {
                return new FallSicht(FallSichtArt.Partner, behoerde, kategorien);
            }
        }

        return FallSicht.Keine;
    }

    /// <summary>Throws 404 when the caller may not see the Fall, 403 when the action is not theirs; returns the view otherwise.</summary>
    public FallSicht Pruefen(Fall fall, FallAktion aktion, Spur? spur = null, Guid? ueberleitungId = null, string? trigger = null)
    {
        var sicht = Sicht(fall);
        if (sicht.Art == FallSichtArt.Keine)
        {
            throw new NichtGefundenException("Der Fall wurde nicht gefunden.");
        }

        if (!Erlaubt(fall, sicht, aktion, spur, ueberleitungId, trigger))
        {
            throw new ZugriffVerweigertException();
        }

        return sicht;
    }

    /// <summary>May the caller take in cases at all (intake)?</summary>
    public void PruefeAufnahme()
    {
        if (!benutzer.HatRolle(Rolle.Fallmanagement) && !benutzer.HatRolle(Rolle.Teamleitung))
        {
            throw new ZugriffVerweigertException("Nur Fallmanagement und Teamleitung nehmen Fälle auf.");
        }
    }

    /// <summary>May the caller list Fälle at all? Returns the filter that keeps the list to what they may see.</summary>
    public FallListenSicht PruefeListe()
    {
        var fallmanagement = benutzer.HatRolle(Rolle.Fallmanagement);
        var teamleitung = benutzer.HatRolle(Rolle.Teamleitung) && benutzer.TeamId is not null;
        var partner = benutzer.HatRolle(Rolle.Partner) && benutzer.Behoerde is not null;
        if (!benutzer.IstAngemeldet || (!fallmanagement && !teamleitung && !partner))
        {
            throw new ZugriffVerweigertException("Ihre Rolle sieht keine einzelnen Fälle.");
        }

        return new FallListenSicht(benutzer.Mandant, fallmanagement ? benutzer.Id : null, teamleitung ? benutzer.TeamId : null, partner ? benutzer.Behoerde : null);
    }

    private bool Erlaubt(Fall fall, FallSicht sicht, FallAktion aktion, Spur? spur, Guid? ueberleitungId, string? trigger)
    {
        var fallfuehrend = benutzer.HatRolle(Rolle.Fallmanagement) && fall.IstZustaendig(benutzer.Id, kalender.Heute);
        var teamleitung = benutzer.HatRolle(Rolle.Teamleitung) && benutzer.TeamId is { } team && fall.TeamId == team;
        if (sicht.Art == FallSichtArt.Voll)
        {
            return aktion switch
            {
                FallAktion.Lesen or FallAktion.EreignisseLesen or FallAktion.NotizenLesen => true,
                FallAktion.Zuweisen => teamleitung,
                FallAktion.VertretungVerwalten => teamleitung || (fallfuehrend && fall.FallmanagerId == benutzer.Id),
                _ => fallfuehrend,
            };
        }

        // Partner: their consented part; steps on their own track, and answers to referrals addressed to them.
        return aktion switch
        {
            FallAktion.Lesen or FallAktion.EreignisseLesen => true,
            FallAktion.SchrittAusfuehren when spur == Spur.Ueberleitung =>
                fall.Ueberleitungen.FirstOrDefault(u => u.Id == ueberleitungId) is { } u && u.Empfaenger == sicht.Behoerde
                && trigger is nameof(UeberleitungTrigger.Annehmen) or nameof(UeberleitungTrigger.Ablehnen) or nameof(UeberleitungTrigger.Erledigen),
            FallAktion.SchrittAusfuehren => spur is not null && spur == sicht.PartnerSpur,
            _ => false,
        };
    }
}
