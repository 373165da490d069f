using System.Security.Claims;
using Duende.IdentityServer.AspNetIdentity;
using Duende.IdentityServer.Extensions;
using Duende.IdentityServer.Models;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Web.Tokendienst;

/// <summary>
/// The claims of a person's access token, from ASP.NET Core Identity (the user store): roles, Kommune, team, authority,
/// and the server-side session the token belongs to (<see cref="TokendienstKonfiguration.ClaimSitzung"/>). A deactivated
/// account or an ended session is not active: no code is redeemed and no refresh token is accepted.
/// </summary>
internal sealed class KimProfilDienst(UserManager<Benutzer> benutzer, IUserClaimsPrincipalFactory<Benutzer> fabrik, SitzungsDienst sitzungen, ILogger<ProfileService<Benutzer>> logger)
    : ProfileService<Benutzer>(benutzer, fabrik, logger)
{
    protected override async Task GetProfileDataAsync(ProfileDataRequestContext context, Benutzer user)
    {
        var rollen = await UserManager.GetRolesAsync(user);
        var claims = new List<Claim>
        {
            new("name", user.UserName ?? user.Id),
            new(Anspruch.Anzeigename, user.Anzeigename),
            new(Anspruch.Mandant, user.Mandant),
        };
        claims.AddRange(rollen.Select(r => new Claim("role", r)));
        if (user.TeamId is { } team)
        {
            claims.Add(new Claim(Anspruch.Team, team.ToString("D")));
        }

        if (user.Behoerde is { } behoerde)
        {
            claims.Add(new Claim(Anspruch.Behoerde, behoerde.ToString()));
        }

        if (context.Subject.FindFirst(Anspruch.Sitzung)?.Value is { } sitzung)
        {
            claims.Add(new Claim(TokendienstKonfiguration.ClaimSitzung, sitzung));
        }

        // Access tokens carry these for the API; the id token only the subject (no personal data for the client).
        if (context.Caller == Duende.IdentityServer.IdentityServerConstants.ProfileDataCallers.ClaimsProviderAccessToken)
        {
            context.IssuedClaims.AddRange(claims);
        }
    }

    protected override async Task IsActiveAsync(IsActiveContext context, Benutzer user)
    {
        if (user.Deaktiviert)
        {
            context.IsActive = false;
            return;
        }

        var sitzung = Guid.TryParse(context.Subject.FindFirst(Anspruch.Sitzung)?.Value, out var sid)
            ? await sitzungen.PruefenAsync(sid, aktivitaet: false, CancellationToken.None)
            : null;
        context.IsActive = sitzung is not null && sitzung.BenutzerId == user.Id && sitzung.BenutzerId == context.Subject.GetSubjectId();
    }
}
