using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// Replaces ASP.NET Core Identity's <see cref="UserValidator{TUser}"/>: the same rules for the user name (not empty,
/// only the allowed characters), but a name is a duplicate only within the account's own Mandant (migration 0021,
/// ADR 0014). Identity's own check asks <c>FindByNameAsync</c>, which knows no Mandant: it would refuse "m.mueller" in
/// a second Kommune, and with the same name in two Kommunen it would compare against an arbitrary one of them.
/// Runs on every create and update (<see cref="UserManager{TUser}.CreateAsync(TUser)"/>, <c>UpdateAsync</c>), so every
/// entry point (Administration's API and page, CLI <c>create-admin</c>, just-in-time accounts of the Kommune's identity
/// provider) gets the same rule. E-mail addresses are not required to be unique (<c>RequireUniqueEmail</c> is off); the
/// validator refuses to run if someone turns it on, rather than silently not checking it.
/// </summary>
public sealed class BenutzernameJeMandantValidator(IdentityErrorDescriber fehler) : IUserValidator<Benutzer>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<Benutzer> manager, Benutzer user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (manager.Options.User.RequireUniqueEmail)
        {
            throw new NotSupportedException("Eindeutige E-Mail-Adressen prüft der BenutzernameJeMandantValidator nicht.");
        }

        var name = await manager.GetUserNameAsync(user).ConfigureAwait(false);
        var erlaubt = manager.Options.User.AllowedUserNameCharacters;
        if (string.IsNullOrWhiteSpace(name) || (!string.IsNullOrEmpty(erlaubt) && name.Any(c => !erlaubt.Contains(c, StringComparison.Ordinal))))
        {
            return IdentityResult.Failed(fehler.InvalidUserName(name));
        }

        var normalisiert = manager.NormalizeName(name);
        var id = await manager.GetUserIdAsync(user).ConfigureAwait(false);
        var mandant = user.Mandant;
        var vergeben = await manager.Users.AnyAsync(u => u.Mandant == mandant && u.NormalizedUserName == normalisiert && u.Id != id).ConfigureAwait(false);
        return vergeben ? IdentityResult.Failed(fehler.DuplicateUserName(name)) : IdentityResult.Success;
    }
}
