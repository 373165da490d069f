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

    /// <summary>
    /// Password sign-in of an account of <paramref name="mandant"/> (user names are unique per Mandant, migration 0021).
    /// Without a Mandant (a single-Kommune installation's form, an API client that names none) the name must be
    /// unambiguous among the active Mandanten; a name two Kommunen use then signs in nobody. A wrong Kommune, an unknown
    /// name, a wrong password, a deactivated account or one of a disabled Mandant all answer the same way, after the
    /// same password hashing work.
    /// </summary>
    public async Task<AnmeldeErgebnis> AnmeldenAsync(string? mandant, string benutzername, string passwort, string? code, string? wiederherstellungscode, string art, CancellationToken ct)
    {
        var aktive = (await mandanten.AktiveAsync(ct)).Select(m => m.Schluessel).ToHashSet(StringComparer.Ordinal);
        Benutzer? user = null;
        if (!string.IsNullOrWhiteSpace(benutzername))
        {
            user = string.IsNullOrWhiteSpace(mandant)
                ? await benutzer.EindeutigFindenAsync(aktive, benutzername, ct)
                : aktive.Contains(mandant.Trim()) ? await benutzer.FindenAsync(mandant.Trim(), benutzername, ct) : null;
        }

        // An account without a password (created by the Kommune's identity provider) answers as an unknown one: wrong
        // passwords must not count towards its lockout, or anyone knowing its name could lock its owner out of SSO.
        // A user of a disabled Mandant (ADR 0014) is refused like an unknown one too: no hint that the account exists.
        if (user is null || user.Deaktiviert || user.PasswordHash is null || !aktive.Contains(user.Mandant))
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
            if (await ZweitenFaktorPruefenAsync(user, code, wiederherstellungscode) is { } fehler)
            {
                return fehler;
            }

            zweiterFaktor = true;
        }

        return await SitzungOeffnenAsync(user, zweiterFaktor, art, ct);
    }

    /// <summary>
    /// Completes a sign-in whose first factor the Kommune's identity provider checked (the caller found the account by
    /// the provider's subject): a deactivated or locked account is refused; the second factor is the provider's when
    /// it vouched for one, otherwise the account's TOTP or recovery code (each failure counted towards lockout); an
    /// account without TOTP signs in as a local one without it does (enrolment follows where the role requires it).
    /// </summary>
    public async Task<AnmeldeErgebnis> NachExternerAnmeldungAsync(Benutzer user, bool zweiterFaktorVomIdp, string? code, string? wiederherstellungscode, string art, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Deaktiviert || !await mandanten.IstAktivAsync(user.Mandant, ct))
        {
            return AnmeldeErgebnis.Fehlgeschlagen;
        }

        if (await benutzer.IsLockedOutAsync(user))
        {
            return AnmeldeErgebnis.Gesperrt;
        }

        var zweiterFaktor = zweiterFaktorVomIdp;
        if (!zweiterFaktor && await benutzer.GetTwoFactorEnabledAsync(user))
        {
            if (await ZweitenFaktorPruefenAsync(user, code, wiederherstellungscode) is { } fehler)
            {
                return fehler;
            }

            zweiterFaktor = true;
        }

        return await SitzungOeffnenAsync(user, zweiterFaktor, art, ct);
    }

    /// <summary>Null when the code or recovery code is right; otherwise the refusal (missing, wrong, locked).</summary>
    private async Task<AnmeldeErgebnis?> ZweitenFaktorPruefenAsync(Benutzer user, string? code, string? wiederherstellungscode)
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
        return null;
    }

    private async Task<AnmeldeErgebnis> SitzungOeffnenAsync(Benutzer user, bool zweiterFaktor, string art, CancellationToken ct)
    {
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
