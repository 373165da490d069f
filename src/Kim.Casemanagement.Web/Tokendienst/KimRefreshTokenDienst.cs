using Duende.IdentityServer;
using Duende.IdentityServer.Models;
using Duende.IdentityServer.Services;
using Duende.IdentityServer.Stores;
using Duende.IdentityServer.Stores.Serialization;
using Kim.Casemanagement.Infrastructure.Identitaet;

namespace Kim.Casemanagement.Web.Tokendienst;

/// <summary>
/// Refresh tokens are used once (rotation; the used one stays as consumed). Presenting a consumed one again means it
/// was copied: the whole family (every refresh token of that person, client and session) is revoked and the session
/// ends, so the access tokens of that session stop at once too (OAuth 2.0 Security BCP, refresh token reuse detection).
/// </summary>
internal sealed class KimRefreshTokenDienst(
    IRefreshTokenStore refreshTokens,
    IProfileService profile,
    TimeProvider zeit,
    PersistentGrantOptions optionen,
    IPersistedGrantStore grants,
    SitzungsDienst sitzungen,
    ILogger<DefaultRefreshTokenService> logger)
    : DefaultRefreshTokenService(refreshTokens, profile, zeit, optionen, logger)
{
    protected override async Task<bool> AcceptConsumedTokenAsync(RefreshToken refreshToken)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        Logger.LogWarning("Ein bereits verwendetes Erneuerungstoken wurde erneut vorgelegt (Client {ClientId}): die Token-Familie wird widerrufen.", refreshToken.ClientId);
        await grants.RemoveAllAsync(new PersistedGrantFilter
        {
            SubjectId = refreshToken.SubjectId,
            ClientId = refreshToken.ClientId,
            SessionId = refreshToken.SessionId,
            Type = IdentityServerConstants.PersistedGrantTypes.RefreshToken,
        }, CancellationToken.None);
        if (Guid.TryParse(refreshToken.Subject.FindFirst(Anspruch.Sitzung)?.Value, out var sid))
        {
            await sitzungen.BeendenAsync(sid, "Erneuerungstoken wiederverwendet", CancellationToken.None);
        }

        return false;
    }
}
