using System.Security.Claims;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>The browser's login cookie for a successful sign-in (local form or the Kommune's identity provider alike).</summary>
internal static class CookieAnmeldung
{
    public static async Task AnmeldenAsync(HttpContext http, AnmeldeErgebnis ergebnis)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(ergebnis);
        var identity = new ClaimsIdentity(ergebnis.Principal!.Claims, IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role);
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = ergebnis.Sitzung!.AblaufAbsolut,
            AllowRefresh = false,
        });

        // The audit entry of this request names the person who just signed in.
        http.User = principal;
    }
}
