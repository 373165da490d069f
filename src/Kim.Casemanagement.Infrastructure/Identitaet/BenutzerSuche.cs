using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// Lookups of an account by user name, always within a Mandant (migration 0021: names are unique per Mandant only).
/// Use these instead of <see cref="UserManager{TUser}.FindByNameAsync"/>, which knows no Mandant and returns an arbitrary
/// one of several accounts of the same name.
/// </summary>
public static class BenutzerSuche
{
    /// <summary>The account named <paramref name="benutzername"/> in <paramref name="mandant"/>, or null. Tracked (sign-in updates it).</summary>
    public static Task<Benutzer?> FindenAsync(this UserManager<Benutzer> benutzer, string mandant, string benutzername, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(benutzer);
        var normalisiert = benutzer.NormalizeName(benutzername.Trim());
        return benutzer.Users.FirstOrDefaultAsync(u => u.Mandant == mandant && u.NormalizedUserName == normalisiert, ct);
    }

    /// <summary>
    /// The one account of that name among <paramref name="mandanten"/>, or null when there is none or more than one
    /// (sign-in without a Kommune: only an unambiguous name signs in).
    /// </summary>
    public static async Task<Benutzer?> EindeutigFindenAsync(this UserManager<Benutzer> benutzer, IReadOnlyCollection<string> mandanten, string benutzername, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(benutzer);
        ArgumentNullException.ThrowIfNull(mandanten);
        var normalisiert = benutzer.NormalizeName(benutzername.Trim());
        var liste = mandanten.ToArray();
        var treffer = await benutzer.Users.Where(u => liste.Contains(u.Mandant) && u.NormalizedUserName == normalisiert).OrderBy(u => u.Id).Take(2).ToListAsync(ct).ConfigureAwait(false);
        return treffer.Count == 1 ? treffer[0] : null;
    }
}
