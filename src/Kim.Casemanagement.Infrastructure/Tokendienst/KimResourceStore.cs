using Duende.IdentityServer.Models;
using Duende.IdentityServer.Stores;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tokendienst;

/// <summary>
/// Scopes from <c>tokendienst_scopes</c>, all of the one API resource <see cref="TokendienstOptionen.Api"/> (the audience
/// every access token carries), and the identity resource <c>openid</c>. Read once per instance: the scopes change
/// only with a migration, because the endpoints that check them are code.
/// </summary>
public sealed class KimResourceStore(NpgsqlDataSource dataSource) : IResourceStore
{
    private static readonly IdentityResource[] Identitaet = [new("openid", "Ihre Kennung", ["sub"]) { Required = true }];
    private Resources? _alle;

    public async Task<IReadOnlyCollection<IdentityResource>> FindIdentityResourcesByScopeNameAsync(IEnumerable<string> scopeNames, CancellationToken ct)
    {
        var namen = scopeNames.ToHashSet(StringComparer.Ordinal);
        return (await AlleAsync(ct).ConfigureAwait(false)).IdentityResources.Where(r => namen.Contains(r.Name)).ToList();
    }

    public async Task<IReadOnlyCollection<ApiScope>> FindApiScopesByNameAsync(IEnumerable<string> scopeNames, CancellationToken ct)
    {
        var namen = scopeNames.ToHashSet(StringComparer.Ordinal);
        return (await AlleAsync(ct).ConfigureAwait(false)).ApiScopes.Where(s => namen.Contains(s.Name)).ToList();
    }

    public async Task<IReadOnlyCollection<ApiResource>> FindApiResourcesByScopeNameAsync(IEnumerable<string> scopeNames, CancellationToken ct)
    {
        var namen = scopeNames.ToHashSet(StringComparer.Ordinal);
        return (await AlleAsync(ct).ConfigureAwait(false)).ApiResources.Where(r => r.Scopes.Any(namen.Contains)).ToList();
    }

    public async Task<IReadOnlyCollection<ApiResource>> FindApiResourcesByNameAsync(IEnumerable<string> apiResourceNames, CancellationToken ct)
    {
        var namen = apiResourceNames.ToHashSet(StringComparer.Ordinal);
        return (await AlleAsync(ct).ConfigureAwait(false)).ApiResources.Where(r => namen.Contains(r.Name)).ToList();
    }

    public Task<Resources> GetAllResourcesAsync(CancellationToken ct) => AlleAsync(ct);

    /// <summary>Names of the scopes a machine client may hold (not marked <c>nur_personen</c>).</summary>
    public async Task<IReadOnlySet<string>> MaschinenScopesAsync(CancellationToken ct) =>
        (await AlleAsync(ct).ConfigureAwait(false)).ApiScopes.Where(s => s.Properties.TryGetValue("nur_personen", out var p) && p == "false").Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    private async Task<Resources> AlleAsync(CancellationToken ct)
    {
        if (_alle is { } fertig)
        {
            return fertig;
        }

        // Two first requests at once both read the table (same rows): harmless, no lock needed.
        {
            var scopes = new List<ApiScope>();
            await using (var cmd = dataSource.CreateCommand("SELECT name, anzeigename, nur_personen FROM tokendienst_scopes ORDER BY name"))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    var scope = new ApiScope(r.GetString(0), r.GetString(1));
                    scope.Properties["nur_personen"] = r.GetBoolean(2) ? "true" : "false";
                    scopes.Add(scope);
                }
            }

            var api = new ApiResource(TokendienstOptionen.Api, "Kim.Casemanagement API")
            {
                Scopes = scopes.Select(s => s.Name).ToList(),
                AllowedAccessTokenSigningAlgorithms = ["RS256", "ES256"],
            };
            _alle = new Resources(Identitaet, [api], scopes);
            return _alle;
        }
    }
}
