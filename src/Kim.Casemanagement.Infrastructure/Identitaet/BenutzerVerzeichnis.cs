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

    public async Task<IReadOnlyList<string>> PartnerAsync(string mandant, Domain.Common.Behoerde behoerde, CancellationToken ct) =>
        await MitRolle(nameof(Rolle.Partner)).Where(u => u.Mandant == mandant && u.Behoerde == behoerde).Select(u => u.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> TeamleitungenAsync(string mandant, Guid teamId, CancellationToken ct) =>
        await MitRolle(nameof(Rolle.Teamleitung)).Where(u => u.Mandant == mandant && u.TeamId == teamId).Select(u => u.Id).ToListAsync(ct);

    private IQueryable<Benutzer> MitRolle(string rolle) =>
        from u in db.Users.AsNoTracking()
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == rolle && !u.Deaktiviert
        select u;
}
