using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// Checks credentials for every sign-in path (browser cookie and API token alike): password with lockout on failure,
/// second factor (TOTP or a recovery code, each failure counted towards lockout too), and opens a server-side session.
/// Accounts that are deactivated or belong to a disabled Mandant are refused.
/// </summary>
public sealed class AnmeldeDienst(UserManager<Benutzer> benutzer, SignInManager<Benutzer> anmeldung, SitzungsDienst sitzungen, Mandanten.MandantenVerwaltung mandanten)
{
    // Answering "no such user" must take as long as a wrong password: verify against a dummy hash.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Benutzer>().HashPassword(new Benutzer(), Guid.NewGuid().ToString()));

    public async Task<AnmeldeErgebnis> AnmeldenAsync(string benutzername, string passwort, string? code, string? wiederherstellungscode, string art, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(benutzername) ? null : await benutzer.FindByNameAsync(benutzername.Trim());
        // A user of a disabled Mandant (ADR 0014) is refused like an unknown one: no hint that the account exists.
        if (user is null || user.Deaktiviert || !await mandanten.IstAktivAsync(user.Mandant, ct))
        {
            benutzer.PasswordHasher.VerifyHashedPassword(new Benutzer(), DummyHash.Value, passwort ?? string.Empty);
            return AnmeldeErgebnis.Fehlgeschlagen;
        }

        var pruefung = await anmeldung.CheckPasswordSignInAsync(user, passwort ?? string.Empty, lockoutOnFailure: true);
        if (pruefung.IsLockedOut)
        {
            return AnmeldeErgebnis.Gesperrt;
        }

        if (!pruefung.Succeeded)
        {
            return AnmeldeErgebnis.Fehlgeschlagen;
        }

        var zweiterFaktor = false;
        if (await benutzer.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(wiederherstellungscode))
            {
                return AnmeldeErgebnis.ZweiterFaktorErforderlich;
            }

            var ok = !string.IsNullOrWhiteSpace(code)
                ? await benutzer.VerifyTwoFactorTokenAsync(user, EinmalAuthenticatorTokenProvider.Name, code)
                : (await benutzer.RedeemTwoFactorRecoveryCodeAsync(user, wiederherstellungscode!.Trim())).Succeeded;
            if (!ok)
            {
                await benutzer.AccessFailedAsync(user);
                return await benutzer.IsLockedOutAsync(user) ? AnmeldeErgebnis.Gesperrt : AnmeldeErgebnis.Fehlgeschlagen;
            }

            await benutzer.ResetAccessFailedCountAsync(user);
            zweiterFaktor = true;
        }

        var rollen = await benutzer.GetRolesAsync(user);
        var sitzung = await sitzungen.AnlegenAsync(user.Id, art, zweiterFaktor, ct);
        var einrichten = !zweiterFaktor && ZweiFaktorPflicht.Gilt(rollen);
        return new AnmeldeErgebnis(AnmeldeStatus.Erfolgreich, Principal(user, rollen, sitzung, art), sitzung, einrichten);
    }

    /// <summary>The principal a cookie or token carries: identity, tenant, team, authority, roles and the session id.</summary>
    public static ClaimsPrincipal Principal(Benutzer user, IEnumerable<string> rollen, Sitzung sitzung, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(sitzung);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            // The token service's subject (OpenID Connect "sub"), the same stable id.
            new("sub", user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Id),
            new(Anspruch.Anzeigename, user.Anzeigename),
            new(Anspruch.Mandant, user.Mandant),
            new(Anspruch.Sitzung, sitzung.Id.ToString("D")),
        };
        if (user.TeamId is { } team)
        {
            claims.Add(new Claim(Anspruch.Team, team.ToString("D")));
        }

        if (user.Behoerde is { } behoerde)
        {
            claims.Add(new Claim(Anspruch.Behoerde, behoerde.ToString()));
        }

        claims.AddRange(rollen.Select(r => new Claim(ClaimTypes.Role, r)));
        if (sitzung.ZweiterFaktor)
        {
            claims.Add(new Claim(Anspruch.Methode, "mfa"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
