namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>Reads the audit trail for the data-protection officer.</summary>
public interface IProtokollAbfrage
{
    /// <summary>One page of the tenant's audit rows matching <paramref name="filter"/> (validated; the Fall given by id), newest first; file numbers of the tenant's Fälle filled in.</summary>
    Task<ProtokollSeite> SuchenAsync(string mandant, ProtokollFilter filter, CancellationToken ct);

    /// <summary>The id of the tenant's Fall with this file number (exactly, case-insensitive), if it still exists.</summary>
    Task<Guid?> FallIdAsync(string mandant, string aktenzeichen, CancellationToken ct);

    /// <summary>How many audit rows of the tenant were written since <paramref name="seit"/>.</summary>
    Task<long> AnzahlSeitAsync(string mandant, DateTimeOffset seit, CancellationToken ct);

    /// <summary>The latest verification of the chain by a Datenschutz account of the tenant, if any.</summary>
    Task<LetztePruefung?> LetztePruefungAsync(string mandant, CancellationToken ct);
}
