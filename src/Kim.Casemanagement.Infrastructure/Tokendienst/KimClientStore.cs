using Duende.IdentityServer.Models;
using Duende.IdentityServer.Stores;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Tokendienst;

/// <summary>
/// The token service's clients from <c>tokendienst_clients</c>. Applications: authorization code with PKCE (S256 only,
/// plain refused), public clients, refresh tokens used once (rotation) with an absolute lifetime of a session.
/// Partner systems: client credentials with their secret (and the previous one during the overlap), their Kommune and
/// Behörde as client claims, no refresh tokens.
/// </summary>
public sealed class KimClientStore(ClientVerzeichnis verzeichnis, IOptions<TokendienstOptionen> optionen, IOptions<Identitaet.SitzungsOptionen> sitzungen) : IClientStore
{
    public const string ClaimMandant = "mandant";
    public const string ClaimBehoerde = "behoerde";
    public const string ClaimArt = "art";

    public async Task<Client?> FindClientByIdAsync(string clientId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 64)
        {
            return null;
        }

        var eintrag = await verzeichnis.FindenAsync(clientId, ct).ConfigureAwait(false);
        return eintrag is null ? null : Abbilden(eintrag, optionen.Value, sitzungen.Value);
    }

    public async IAsyncEnumerable<Client> GetAllClientsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    internal static Client Abbilden(TokendienstClientMitGeheimnis eintrag, TokendienstOptionen o, Identitaet.SitzungsOptionen s)
    {
        var c = eintrag.Client;
        var client = new Client
        {
            ClientId = c.ClientId,
            ClientName = c.Anzeigename,
            Enabled = c.Aktiv,
            RequireConsent = false,
            AllowedCorsOrigins = [],
            AccessTokenType = AccessTokenType.Jwt,
            Claims = [new ClientClaim(ClaimMandant, c.Mandant), new ClientClaim(ClaimArt, c.Art)],
        };
        if (c.Art == ClientArt.Partnersystem)
        {
            client.AllowedGrantTypes = ["client_credentials"];
            client.RequireClientSecret = true;
            client.AllowOfflineAccess = false;
            client.AccessTokenLifetime = (int)o.MaschinenTokenDauer.TotalSeconds;
            client.AllowedScopes = [.. c.Scopes];
            if (c.Behoerde is { } behoerde)
            {
                client.Claims.Add(new ClientClaim(ClaimBehoerde, behoerde.ToString()));
            }

            if (eintrag.GeheimnisSha256 is { } aktuell)
            {
                client.ClientSecrets.Add(new Secret(aktuell));
            }

            if (eintrag.VorherigesSha256 is { } vorher && c.VorherigesGeheimnisBis is { } bis)
            {
                client.ClientSecrets.Add(new Secret(vorher, bis.UtcDateTime));
            }
        }
        else
        {
            client.AllowedGrantTypes = ["authorization_code"];
            client.RequirePkce = true;
            client.AllowPlainTextPkce = false;
            client.RequireClientSecret = false;
            client.RedirectUris = [.. c.RedirectUris];
            client.PostLogoutRedirectUris = [.. c.AbmeldeUris];
            client.AllowOfflineAccess = true;
            client.RefreshTokenUsage = TokenUsage.OneTimeOnly;
            client.RefreshTokenExpiration = TokenExpiration.Absolute;
            client.AbsoluteRefreshTokenLifetime = (int)s.Hoechstdauer.TotalSeconds;
            client.UpdateAccessTokenClaimsOnRefresh = true;
            client.AccessTokenLifetime = (int)o.ZugriffstokenDauer.TotalSeconds;
            client.AllowedScopes = ["openid", .. c.Scopes];
            client.AlwaysSendClientClaims = false;
        }

        return client;
    }
}
