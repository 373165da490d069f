namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>Verifies the audit hash chain from its anchor (the newest removed segment) to its head.</summary>
public interface IAuditKettenPruefung
{
    Task<KettenPruefung> PruefenAsync(CancellationToken ct);
}
