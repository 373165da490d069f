using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Benachrichtigungen;

/// <summary>
/// Who learns of a change (ISSUE: the people involved, nobody else): the lead case manager and active deputies of the
/// Fall; the contacts of a partner authority whose track changed or to whom a referral is addressed, only while a
/// consent names that authority and covers the track; the team lead on intake and reassignment. Never the person who
/// made the change. Messages name the file number, never the client.
/// </summary>
public sealed class BenachrichtigungsRegeln(IBenachrichtigungen benachrichtigungen, IBenutzerVerzeichnis verzeichnis, IAktuellerBenutzer benutzer, IKalender kalender)
{
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>After steps on a Fall: notices for its people, per changed track for the consented partner contacts.</summary>
    public async Task NachSchrittenAsync(Fall fall, IReadOnlyList<FallEreignis> ereignisse, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        ArgumentNullException.ThrowIfNull(ereignisse);
        if (ereignisse.Count == 0)
        {
            return;
        }

        var titel = $"Neuer Schritt im Fall {fall.Aktenzeichen}";
        foreach (var empfaenger in Beteiligte(fall))
        {
            Vormerken(empfaenger, fall, "Schritt", titel, Beschreiben(ereignisse));
        }

        var heute = kalender.Heute;
        var jetzt = kalender.Jetzt;
        foreach (var gruppe in ereignisse.GroupBy(e => ZustaendigeBehoerde(fall, e)).Where(g => g.Key is not null))
        {
            var behoerde = gruppe.Key!.Value;
            var spurKategorie = gruppe.Any(e => e.Spur == Spur.Ueberleitung) ? Datenkategorie.Keine : FallSicht.SpurKategorie(behoerde.AlsSpur());
            var eingewilligt = fall.Einwilligungen.Any(e => e.Empfaenger == behoerde.AlsEmpfaenger() && e.Umfasst(spurKategorie) && e.IstGueltigZu(jetzt, heute));
            if (!eingewilligt)
            {
                continue;
            }

            foreach (var partner in await verzeichnis.PartnerAsync(fall.Mandant, behoerde, ct))
            {
                if (partner != benutzer.Id)
                {
                    Vormerken(partner, fall, gruppe.Any(e => e.Spur == Spur.Ueberleitung) ? "Ueberleitung" : "Schritt", titel, Beschreiben(gruppe.ToList()));
                }
            }
        }
    }

    /// <summary>A new Fall: the team leads of its team learn of it (the intake queue), a lead assigned by someone else too.</summary>
    public async Task NachAufnahmeAsync(Fall fall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        if (fall.FallmanagerId is { } zugewiesen && zugewiesen != benutzer.Id)
        {
            Vormerken(zugewiesen, fall, "Zuweisung", $"Fall {fall.Aktenzeichen} zugewiesen", "Ihnen wurde dieser neu aufgenommene Fall als fallführende Person zugewiesen.");
        }

        if (fall.TeamId is not { } team)
        {
            return;
        }

        var text = fall.FallmanagerId is null ? "Neuer Fall in der Aufnahme-Warteschlange Ihres Teams." : "Neuer Fall in Ihrem Team aufgenommen.";
        foreach (var tl in await verzeichnis.TeamleitungenAsync(fall.Mandant, team, ct))
        {
            if (tl != benutzer.Id && tl != fall.FallmanagerId)
            {
                Vormerken(tl, fall, "Aufnahme", $"Aufnahme {fall.Aktenzeichen}", text);
            }
        }
    }

    /// <summary>A reassignment: the new lead, the previous lead and the team leads learn of it.</summary>
    public async Task NachZuweisungAsync(Fall fall, string? bisher, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fall);
        if (fall.FallmanagerId is { } neu && neu != benutzer.Id)
        {
            Vormerken(neu, fall, "Zuweisung", $"Fall {fall.Aktenzeichen} zugewiesen", "Ihnen wurde dieser Fall als fallführende Person zugewiesen.");
        }

        if (bisher is not null && bisher != fall.FallmanagerId && bisher != benutzer.Id)
        {
            Vormerken(bisher, fall, "Zuweisung", $"Fall {fall.Aktenzeichen} abgegeben", "Der Fall wurde einer anderen Person zugewiesen; Sie sind nicht mehr fallführend.");
        }

        if (fall.TeamId is { } team)
        {
            foreach (var tl in await verzeichnis.TeamleitungenAsync(fall.Mandant, team, ct))
            {
                if (tl != benutzer.Id && tl != fall.FallmanagerId && tl != bisher)
                {
                    Vormerken(tl, fall, "Zuweisung", $"Fall {fall.Aktenzeichen} neu zugewiesen", "Der Fall hat eine neue fallführende Person.");
                }
            }
        }
    }

    /// <summary>
    /// A deputy period: the deputy learns of it. The Fall opens for the deputy only when the period begins, so a notice of
    /// a period that starts later carries no link (it would lead to "not found" until then) and says so.
    /// </summary>
    public void NachVertretung(Fall fall, Vertretung vertretung)
    {
        ArgumentNullException.ThrowIfNull(fall);
        ArgumentNullException.ThrowIfNull(vertretung);
        if (vertretung.BenutzerId == benutzer.Id)
        {
            return;
        }

        var titel = $"Vertretung im Fall {fall.Aktenzeichen}";
        var zeitraum = string.Create(De, $"Sie vertreten vom {vertretung.Von:dd.MM.yyyy} bis {vertretung.Bis:dd.MM.yyyy}.");
        if (vertretung.IstAktivAm(kalender.Heute))
        {
            Vormerken(vertretung.BenutzerId, fall, "Vertretung", titel, zeitraum);
        }
        else
        {
            benachrichtigungen.Vormerken(new NeueBenachrichtigung(
                vertretung.BenutzerId, fall.Id, "Vertretung", titel, zeitraum + " Der Fall ist für Sie ab dem ersten Tag der Vertretung sichtbar.", null));
        }
    }

    /// <summary>A scheduled notice (deadline, follow-up) for the Fall's people, sent once per key.</summary>
    public void Termin(Fall fall, string art, string titel, string text, string schluessel)
    {
        ArgumentNullException.ThrowIfNull(fall);
        foreach (var empfaenger in Beteiligte(fall))
        {
            benachrichtigungen.Vormerken(new NeueBenachrichtigung(empfaenger, fall.Id, art, titel, text, Link(fall), $"{schluessel}|{empfaenger}"));
        }
    }

    /// <summary>The lead and the deputies active today, except the actor.</summary>
    public IEnumerable<string> Beteiligte(Fall fall)
    {
        ArgumentNullException.ThrowIfNull(fall);
        var heute = kalender.Heute;
        return new[] { fall.FallmanagerId }
            .Concat(fall.Vertretungen.Where(v => v.IstAktivAm(heute)).Select(v => v.BenutzerId))
            .OfType<string>()
            .Where(id => id != benutzer.Id)
            .Distinct();
    }

    private static Behoerde? ZustaendigeBehoerde(Fall fall, FallEreignis e) =>
        e.Spur == Spur.Ueberleitung ? fall.Ueberleitungen.FirstOrDefault(u => u.Id == e.UeberleitungId)?.Empfaenger : e.Spur.ZustaendigeBehoerde();

    private static string Beschreiben(IReadOnlyList<FallEreignis> ereignisse) =>
        string.Join("; ", ereignisse.Select(e => string.Create(De, $"{e.Spur.Bezeichnung()}: {Fall.ZustandBezeichnung(e.Spur, e.NachZustand)} ({e.FachlichesDatum:dd.MM.yyyy})")));

    private static string Link(Fall fall) => $"/Faelle/{fall.Id}";

    private void Vormerken(string empfaenger, Fall fall, string art, string titel, string text) =>
        benachrichtigungen.Vormerken(new NeueBenachrichtigung(empfaenger, fall.Id, art, titel, text, Link(fall)));
}
