using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Staff accounts from the Identity tables.</summary>
internal sealed class BenutzerVerzeichnis(KimDbContext db) : IBenutzerVerzeichnis
{
    public async Task<BenutzerInfo?> FindenAsync(string benutzerId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == benutzerId, ct);
        if (user is null)
        {
            return null;
        }

        var rollen = await db.UserRoles.Where(ur => ur.UserId == benutzerId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return new BenutzerInfo(
            user.Id, user.Anzeigename, user.Mandant, user.TeamId, user.Behoerde,
            rollen.Select(r => Enum.TryParse<Rolle>(r, out var x) ? (Rolle?)x : null).OfType<Rolle>().ToHashSet(),
            !user.Deaktiviert);
    }
}
