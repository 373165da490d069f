namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>Looks up staff accounts (for assignments and deputies); no client data.</summary>
public interface IBenutzerVerzeichnis
{
    Task<BenutzerInfo?> FindenAsync(string benutzerId, CancellationToken ct);
}
