using FluentValidation;
using Kim.Casemanagement.Application.Abstractions;

namespace Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;

/// <summary>
/// The consent register (page <c>/Datenschutz/Einwilligungen</c>, <c>GET /api/datenschutz/einwilligungen</c>): validates
/// the filter (400 with German messages per field), reads the tenant's consents and notes the access in the audit trail
/// (<c>Datenschutz.Einwilligungsregister</c>, the filter as detail; a CSV download with the detail beginning "CSV").
/// </summary>
public sealed class EinwilligungsRegisterHandler(IEinwilligungsRegister register, IValidator<RegisterFilter> validator, IAktuellerBenutzer ich, IKalender kalender, IAuditProtokoll audit)
{
    public const string AuditAktion = "Datenschutz.Einwilligungsregister";

    public async Task<RegisterSeite> SuchenAsync(RegisterFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        DatenschutzRolle.Pruefen(ich);
        await validator.ValidateAndThrowAsync(filter, ct);
        var seite = await register.SuchenAsync(ich.Mandant, filter, kalender.Heute, kalender.Jetzt, ct);
        audit.Vormerken(AuditAktion, filter.Beschreibung(), filter.FallId, null);
        return seite;
    }

    /// <summary>Every matching consent (at most <see cref="RegisterFilter.MaxExport"/>) for a CSV download; page and size of the filter are ignored.</summary>
    public async Task<RegisterSeite> ExportierenAsync(RegisterFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        DatenschutzRolle.Pruefen(ich);
        await validator.ValidateAndThrowAsync(filter, ct);
        var alle = filter with { Seite = 1, Groesse = RegisterFilter.MaxExport };
        var seite = await register.SuchenAsync(ich.Mandant, alle, kalender.Heute, kalender.Jetzt, ct);
        audit.Vormerken(AuditAktion, "CSV; " + alle.Beschreibung(), filter.FallId, null);
        return seite;
    }

    /// <summary>Counts for the workplace's start page (no audit entry: figures only).</summary>
    public Task<EinwilligungsKennzahlen> KennzahlenAsync(int ablaufTage, CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(ich);
        return register.KennzahlenAsync(ich.Mandant, kalender.Heute, ablaufTage, ct);
    }
}
