using Kim.Casemanagement.Application.Benachrichtigungen;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Faelle.Ueberleitungen;

/// <summary>Refers the client to a partner authority; without valid consent for it, nothing is created (409).</summary>
public sealed class UeberleitungHandler(FallBearbeitung bearbeitung, BenachrichtigungsRegeln benachrichtigungen)
{
    public async Task<(Guid Id, int Version)> AnfragenAsync(Guid fallId, Behoerde empfaenger, string anliegen, DateOnly fachlichesDatum, string? notiz, int? version, CancellationToken ct)
    {
        if (!Enum.IsDefined(empfaenger))
        {
            throw new DomainException("Unbekannte Partnerbehörde.", new Dictionary<string, string[]> { ["empfaenger"] = ["Unbekannte Partnerbehörde."] });
        }

        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.UeberleitungAnfragen, ct);
        var u = fall.UeberleitungAnfragen(Guid.CreateVersion7(bearbeitung.Kalender.Jetzt), empfaenger, anliegen, bearbeitung.Rahmen(fachlichesDatum, notiz));
        await benachrichtigungen.NachSchrittenAsync(fall, fall.NeueEreignisse, ct);
        await bearbeitung.SpeichernAsync(fall, ct);
        return (u.Id, fall.Version);
    }
}
