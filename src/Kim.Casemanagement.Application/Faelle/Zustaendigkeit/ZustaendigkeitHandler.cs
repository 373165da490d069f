using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Benachrichtigungen;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Faelle.Zustaendigkeit;

/// <summary>Who works on a Fall: the team lead reassigns it; the team lead or the lead case manager sets deputies (Vertretung) for a period.</summary>
public sealed class ZustaendigkeitHandler(FallBearbeitung bearbeitung, IBenutzerVerzeichnis verzeichnis, BenachrichtigungsRegeln benachrichtigungen)
{
    public async Task<int> ZuweisenAsync(Guid fallId, string fallmanagerId, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.Zuweisen, ct);
        var ziel = await FallmanagementImTeamAsync(fallmanagerId, fall.TeamId, "fallmanagerId", ct);
        var bisher = fall.FallmanagerId;
        fall.Zuweisen(ziel.Id, fall.TeamId ?? ziel.TeamId, bearbeitung.Kalender.Jetzt);
        await benachrichtigungen.NachZuweisungAsync(fall, bisher, ct);
        await bearbeitung.SpeichernAsync(fall, ct);
        return fall.Version;
    }

    public async Task<VertretungDetail> VertretungEinrichtenAsync(Guid fallId, string benutzerId, DateOnly von, DateOnly bis, int? version, CancellationToken ct)
    {
        var heute = bearbeitung.Kalender.Heute;
        if (bis < heute || von > heute.AddYears(1) || bis > von.AddYears(1))
        {
            throw new DomainException("Der Zeitraum der Vertretung ist unplausibel.", new Dictionary<string, string[]> { ["bis"] = ["Die Vertretung darf nicht in der Vergangenheit enden und höchstens ein Jahr dauern."] });
        }

        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.VertretungVerwalten, ct);
        var vertretung = await FallmanagementImTeamAsync(benutzerId, fall.TeamId, "benutzerId", ct);
        var v = fall.VertretungEinrichten(Guid.CreateVersion7(bearbeitung.Kalender.Jetzt), vertretung.Id, von, bis, bearbeitung.Kalender.Jetzt);
        benachrichtigungen.NachVertretung(fall, v);
        await bearbeitung.SpeichernAsync(fall, ct);
        return new VertretungDetail(v.Id, v.BenutzerId, v.Von, v.Bis);
    }

    public async Task<int> VertretungBeendenAsync(Guid fallId, Guid vertretungId, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.VertretungVerwalten, ct);
        fall.VertretungBeenden(vertretungId, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return fall.Version;
    }

    private async Task<BenutzerInfo> FallmanagementImTeamAsync(string benutzerId, Guid? teamId, string feld, CancellationToken ct)
    {
        var ziel = string.IsNullOrWhiteSpace(benutzerId) || benutzerId.Length > 100 ? null : await verzeichnis.FindenAsync(benutzerId, ct);
        if (ziel is not { Aktiv: true } || !ziel.Rollen.Contains(Rolle.Fallmanagement) || ziel.Mandant != bearbeitung.Benutzer.Mandant
            || (teamId is not null && ziel.TeamId != teamId))
        {
            throw new DomainException("Die gewählte Person kann diesen Fall nicht übernehmen.", new Dictionary<string, string[]> { [feld] = ["Bitte eine aktive Person mit der Rolle Fallmanagement aus dem Team des Falls wählen."] });
        }

        return ziel;
    }
}
