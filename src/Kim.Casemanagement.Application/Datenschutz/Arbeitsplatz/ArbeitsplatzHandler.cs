using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;
using Kim.Casemanagement.Application.Datenschutz.Protokoll;

namespace Kim.Casemanagement.Application.Datenschutz.Arbeitsplatz;

/// <summary>The figures of the workplace's start page (<c>/Datenschutz</c>): counts and dates only, so no audit entry.</summary>
public sealed class ArbeitsplatzHandler(EinwilligungsRegisterHandler einwilligungen, ProtokollHandler protokoll, AufbewahrungHandler aufbewahrung, IKalender kalender)
{
    /// <summary>"Expiring" on the start page: ending within this many days.</summary>
    public const int AblaufTage = 30;

    /// <summary>Audit rows are counted over this many days.</summary>
    public const int AuditTage = 30;

    public async Task<ArbeitsplatzKennzahlen> KennzahlenAsync(CancellationToken ct) => new(
        await einwilligungen.KennzahlenAsync(AblaufTage, ct),
        await protokoll.AnzahlLetzteTageAsync(AuditTage, kalender.Jetzt, ct),
        AuditTage,
        await protokoll.LetztePruefungAsync(ct),
        await aufbewahrung.FaelleAsync(ct),
        await aufbewahrung.LetzterLaufAsync(ct));
}
