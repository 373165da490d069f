using Kim.Casemanagement.Application.Datenschutz.Protokoll;
using Kim.Casemanagement.Infrastructure.Audit;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>The verification of <see cref="AuditPruefung"/> (the one <c>verify-audit</c> runs) as the use cases see it.</summary>
public sealed class AuditKettenPruefung(AuditPruefung pruefung) : IAuditKettenPruefung
{
    public async Task<KettenPruefung> PruefenAsync(CancellationToken ct)
    {
        var e = await pruefung.PruefenAsync(ct).ConfigureAwait(false);
        return new KettenPruefung(
            e.GepruefteSiegel,
            e.ErsterBruch is { } b ? new KettenBruch(b.Nr, b.AuditId, b.Grund) : null,
            e.UnversiegelteAlteZeilen,
            e.KopfNr,
            e.KopfHash,
            e.EntfernteAbschnitte,
            e.EntfernteZeilen,
            e.AnkerNr,
            e.AnkerHash);
    }
}
