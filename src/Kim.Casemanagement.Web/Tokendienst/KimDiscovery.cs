using Duende.IdentityModel;
using Duende.IdentityServer.Configuration;
using Duende.IdentityServer.ResponseHandling;
using Duende.IdentityServer.Services;
using Duende.IdentityServer.Stores;
using Duende.IdentityServer.Validation;

namespace Kim.Casemanagement.Web.Tokendienst;

/// <summary>
/// The discovery document says what the product allows, not everything the library could: grants
/// authorization_code, refresh_token, client_credentials; response type code; PKCE with S256 only.
/// </summary>
internal sealed class KimDiscovery(
    IdentityServerOptions options,
    IResourceStore resourceStore,
    IKeyMaterialService keys,
    ExtensionGrantValidator extensionGrants,
    ISecretsListParser secretParsers,
    IResourceOwnerPasswordValidator resourceOwnerValidator,
    ILogger<DiscoveryResponseGenerator> logger)
    : DiscoveryResponseGenerator(options, resourceStore, keys, extensionGrants, secretParsers, resourceOwnerValidator, logger)
{
    public static readonly string[] Grants = [OidcConstants.GrantTypes.AuthorizationCode, OidcConstants.GrantTypes.RefreshToken, OidcConstants.GrantTypes.ClientCredentials];

    public override async Task<Dictionary<string, object>> CreateDiscoveryDocumentAsync(string baseUrl, string issuerUri, CancellationToken ct)
    {
        var eintraege = await base.CreateDiscoveryDocumentAsync(baseUrl, issuerUri, ct);
        eintraege[OidcConstants.Discovery.GrantTypesSupported] = Grants;
        eintraege[OidcConstants.Discovery.CodeChallengeMethodsSupported] = new[] { OidcConstants.CodeChallengeMethods.Sha256 };
        eintraege[OidcConstants.Discovery.ResponseTypesSupported] = new[] { OidcConstants.ResponseTypes.Code };
        eintraege[OidcConstants.Discovery.ResponseModesSupported] = new[] { OidcConstants.ResponseModes.Query };
        return eintraege;
    }
}
