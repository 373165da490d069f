namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>Looks up staff accounts (for assignments and deputies); no client data.</summary>
public interface IBenutzerVerzeichnis
{
    Task<BenutzerInfo?> FindenAsync(string benutzerId, CancellationToken ct);

    /// <summary>Active contact persons of a partner authority in the tenant.</summary>
    Task<IReadOnlyList<string>> PartnerAsync(string mandant, Domain.Common.Behoerde behoerde, CancellationToken ct);

    /// <summary>Active team leads of a team.</summary>
    Task<IReadOnlyList<string>> TeamleitungenAsync(string mandant, Guid teamId, CancellationToken ct);
}
