using FluentValidation;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>
/// The audit log viewer (page <c>/Datenschutz/Protokoll</c>, <c>GET /api/datenschutz/audit</c>) and the verification of
/// the chain (<c>GET /api/datenschutz/audit/pruefung</c>, the page's button). Viewing is itself audited
/// (<c>Datenschutz.Auditprotokoll</c> with the filter as detail), a verification too (<c>Datenschutz.AuditPruefung</c>
/// with its one-line result, which the workplace's start page shows as the latest verification).
/// </summary>
public sealed class ProtokollHandler(IProtokollAbfrage abfrage, IAuditKettenPruefung pruefung, IValidator<ProtokollFilter> validator, IAktuellerBenutzer ich, IAuditProtokoll audit)
{
    public const string AuditAktion = "Datenschutz.Auditprotokoll";

    public const string PruefungAktion = "Datenschutz.AuditPruefung";

    public async Task<ProtokollSeite> SuchenAsync(ProtokollFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        DatenschutzRolle.Pruefen(ich);
        await validator.ValidateAndThrowAsync(filter, ct);
        var fallId = filter.FallId;
        if (filter.Aktenzeichen is { } aktenzeichen)
        {
            fallId = await abfrage.FallIdAsync(ich.Mandant, aktenzeichen, ct)
                ?? throw new DomainException("Kein Fall mit diesem Aktenzeichen.", new Dictionary<string, string[]>
                {
                    ["aktenzeichen"] = [$"Es gibt keinen Fall mit dem Aktenzeichen {aktenzeichen}. Die Protokollzeilen eines gelöschten Falls finden Sie über seine Fall-Kennung."],
                });
        }

        var seite = await abfrage.SuchenAsync(ich.Mandant, filter with { FallId = fallId, Aktenzeichen = null }, ct);
        audit.Vormerken(AuditAktion, filter.Beschreibung(), fallId, null);
        return seite;
    }

    public async Task<KettenPruefung> PruefenAsync(CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(ich);
        var ergebnis = await pruefung.PruefenAsync(ct);
        audit.Vormerken(PruefungAktion, ergebnis.Kurzfassung(), null, null);
        return ergebnis;
    }

    public Task<LetztePruefung?> LetztePruefungAsync(CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(ich);
        return abfrage.LetztePruefungAsync(ich.Mandant, ct);
    }

    /// <summary>Audit rows written in the last <paramref name="tage"/> days (a figure, no audit entry).</summary>
    public Task<long> AnzahlLetzteTageAsync(int tage, DateTimeOffset jetzt, CancellationToken ct)
    {
        DatenschutzRolle.Pruefen(ich);
        return abfrage.AnzahlSeitAsync(ich.Mandant, jetzt.AddDays(-tage), ct);
    }
}
