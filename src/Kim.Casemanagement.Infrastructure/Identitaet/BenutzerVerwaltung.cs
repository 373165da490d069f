using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// Administration of accounts and teams: no case content. Deactivation ends every session and token of the user at once.
/// Every account is created here (the Administration's API and page, the CLI, just-in-time accounts of an external
/// login), so that the rule "an account belongs to an existing, active Mandant" applies in one place (ADR 0014).
/// </summary>
public sealed class BenutzerVerwaltung(UserManager<Benutzer> benutzer, KimDbContext db, SitzungsDienst sitzungen, Mandanten.MandantenVerwaltung mandanten, TimeProvider zeit)
{
    /// <summary>
    /// Creates an account of the Mandant. The role <see cref="Rolle.Anbieteradministration"/> is granted only with
    /// <paramref name="anbieter"/> (the CLI): a Kommune's Administration can never raise an account above itself.
    /// </summary>
    public Task<BenutzerZeile> AnlegenAsync(NeuerBenutzer neu, string mandant, CancellationToken ct, bool anbieter = false) =>
        AnlegenAsync(neu, mandant, null, anbieter, ct);

    /// <summary>
    /// Creates the local account of a person signing in through the Kommune's identity provider for the first time
    /// (just in time): the same checks as any account, no password (local password sign-in stays impossible), and the
    /// link to the provider's issuer and subject in the same transaction.
    /// </summary>
    public Task<BenutzerZeile> ExternAnlegenAsync(NeuerBenutzer neu, UserLoginInfo verknuepfung, string mandant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(verknuepfung);
        return AnlegenAsync(neu, mandant, verknuepfung, anbieter: false, ct);
    }

    /// <summary>Sets roles, team and partner authority as the Kommune's identity provider's groups say (at every sign-in through it).</summary>
    public async Task<bool> ExternAbgleichenAsync(Benutzer user, IReadOnlyList<Rolle> rollen, Guid? teamId, Behoerde? behoerde, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(rollen);
        var bisher = (await benutzer.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var geaendert = false;
        if (!bisher.SetEquals(rollen.Select(r => r.ToString())))
        {
            await RollenSetzenAsync(user.Id, rollen, user.Mandant, ct);
            geaendert = true;
        }

        if (user.TeamId != teamId || user.Behoerde != behoerde)
        {
            user.TeamId = teamId;
            user.Behoerde = behoerde;
            Pruefen(await benutzer.UpdateAsync(user), "id");
            await sitzungen.AlleBeendenAsync(user.Id, "Rollenwechsel", ct);
            geaendert = true;
        }

        return geaendert;
    }

    private async Task<BenutzerZeile> AnlegenAsync(NeuerBenutzer neu, string mandant, UserLoginInfo? verknuepfung, bool anbieter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(neu);
        var errors = new Dictionary<string, string[]>();
        if (!await mandanten.IstAktivAsync(mandant, ct))
        {
            errors["mandant"] = ["Diesen Mandanten gibt es nicht, oder er ist deaktiviert."];
        }

        var anzeigename = Texte.Normalisieren(neu.Anzeigename) ?? string.Empty;
        if (anzeigename.Length == 0 || !Texte.IstGueltigerKurztext(anzeigename, 100))
        {
            errors["anzeigename"] = ["Bitte einen Anzeigenamen angeben (höchstens 100 Zeichen, keine Steuerzeichen)."];
        }

        if (neu.Rollen is null || neu.Rollen.Count == 0 || neu.Rollen.Any(r => !Enum.IsDefined(r)))
        {
            errors["rollen"] = ["Bitte mindestens eine bekannte Rolle wählen."];
        }
        else if (!anbieter && neu.Rollen.Contains(Rolle.Anbieteradministration))
        {
            errors["rollen"] = [AnbieterRolleVerboten];
        }

        var rollen = neu.Rollen ?? [];
        if (rollen.Contains(Rolle.Partner) != (neu.Behoerde is not null))
        {
            errors["behoerde"] = ["Ansprechpersonen einer Partnerbehörde brauchen genau eine Behörde; andere Rollen keine."];
        }
        else if (neu.Behoerde is { } b && !Enum.IsDefined(b))
        {
            errors["behoerde"] = ["Unbekannte Behörde."];
        }

        if ((rollen.Contains(Rolle.Fallmanagement) || rollen.Contains(Rolle.Teamleitung))
            && (neu.TeamId is not { } team || !await db.Teams.AnyAsync(t => t.Id == team && t.Mandant == mandant, ct)))
        {
            errors["teamId"] = ["Fallmanagement und Teamleitung gehören zu einem bestehenden Team."];
        }

        if (neu.Email is { } email && (email.Length > 256 || !email.Contains('@', StringComparison.Ordinal) || Texte.EnthaeltSteuerzeichen(email, false)))
        {
            errors["email"] = ["Die E-Mail-Adresse ist ungültig."];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Das Konto kann so nicht angelegt werden.", errors);
        }

        var user = new Benutzer
        {
            UserName = neu.Benutzername?.Trim(),
            Email = neu.Email,
            Anzeigename = anzeigename,
            Mandant = mandant,
            TeamId = neu.TeamId,
            Behoerde = neu.Behoerde,
            ErstelltAm = zeit.GetUtcNow(),
            LockoutEnabled = true,
        };
        if (verknuepfung is null)
        {
            Pruefen(await KontoEinfuegenAsync(user, () => benutzer.CreateAsync(user, neu.Passwort ?? string.Empty)), "passwort");
            Pruefen(await benutzer.AddToRolesAsync(user, rollen.Select(r => r.ToString())), "rollen");
            return await ZeileAsync(user);
        }

        // Account, roles and link together or not at all (a second first sign-in at the same moment fails on the link's key).
        await using var transaktion = await db.Database.BeginTransactionAsync(ct);
        Pruefen(await KontoEinfuegenAsync(user, () => benutzer.CreateAsync(user)), "benutzername");
        Pruefen(await benutzer.AddToRolesAsync(user, rollen.Select(r => r.ToString())), "rollen");
        Pruefen(await benutzer.AddLoginAsync(user, verknuepfung), "verknuepfung");
        await transaktion.CommitAsync(ct);
        return await ZeileAsync(user);
    }

    private const string AnbieterRolleVerboten = "Die Anbieteradministration wird nur vom IT-Dienstleister über die Kommandozeile vergeben.";

    public async Task<IReadOnlyList<BenutzerZeile>> ListeAsync(string mandant, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.Mandant == mandant).OrderBy(u => u.UserName).ToListAsync(ct);
        var rollen = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        return users.Select(u => Zeile(u, rollen.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToArray())).ToArray();
    }

    /// <summary>Deactivates an account: no more sign-in, every session and token ends now.</summary>
    public async Task<BenutzerZeile> DeaktivierenAsync(string id, string mandant, CancellationToken ct)
    {
        var user = await LadenAsync(id, mandant);
        user.Deaktiviert = true;
        Pruefen(await benutzer.UpdateAsync(user), "id");
        await benutzer.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await benutzer.UpdateSecurityStampAsync(user);
        await sitzungen.AlleBeendenAsync(user.Id, "Deaktiviert", ct);
        return await ZeileAsync(user);
    }

    public async Task<BenutzerZeile> AktivierenAsync(string id, string mandant)
    {
        var user = await LadenAsync(id, mandant);
        user.Deaktiviert = false;
        Pruefen(await benutzer.UpdateAsync(user), "id");
        await benutzer.SetLockoutEndDateAsync(user, null);
        await benutzer.ResetAccessFailedCountAsync(user);
        return await ZeileAsync(user);
    }

    /// <summary>Replaces the roles; the user's sessions end so that the next sign-in carries the new roles.</summary>
    public async Task<BenutzerZeile> RollenSetzenAsync(string id, IReadOnlyList<Rolle> rollen, string mandant, CancellationToken ct)
    {
        if (rollen is null || rollen.Count == 0 || rollen.Any(r => !Enum.IsDefined(r)))
        {
            throw new DomainException("Bitte mindestens eine bekannte Rolle wählen.", new Dictionary<string, string[]> { ["rollen"] = ["Bitte mindestens eine bekannte Rolle wählen."] });
        }

        if (rollen.Contains(Rolle.Anbieteradministration))
        {
            throw new DomainException(AnbieterRolleVerboten, new Dictionary<string, string[]> { ["rollen"] = [AnbieterRolleVerboten] });
        }

        var user = await LadenAsync(id, mandant);
        Pruefen(await benutzer.RemoveFromRolesAsync(user, await benutzer.GetRolesAsync(user)), "rollen");
        Pruefen(await benutzer.AddToRolesAsync(user, rollen.Select(r => r.ToString())), "rollen");
        await sitzungen.AlleBeendenAsync(user.Id, "Rollenwechsel", ct);
        return await ZeileAsync(user);
    }

    public async Task<IReadOnlyList<Team>> TeamsAsync(string mandant, CancellationToken ct) =>
        await db.Teams.AsNoTracking().Where(t => t.Mandant == mandant).OrderBy(t => t.Name).ToListAsync(ct);

    public async Task<Team> TeamAnlegenAsync(string name, string mandant, CancellationToken ct)
    {
        name = Texte.Normalisieren(name) ?? string.Empty;
        if (name.Length == 0 || !Texte.IstGueltigerKurztext(name, 100))
        {
            throw new DomainException("Der Teamname ist ungültig.", new Dictionary<string, string[]> { ["name"] = ["1 bis 100 Zeichen, keine Steuerzeichen."] });
        }

        if (await db.Teams.AnyAsync(t => t.Mandant == mandant && t.Name == name, ct))
        {
            throw new DomainException("Ein Team dieses Namens gibt es bereits.", new Dictionary<string, string[]> { ["name"] = ["Ein Team dieses Namens gibt es bereits."] });
        }

        var team = new Team { Id = Guid.CreateVersion7(zeit.GetUtcNow()), Name = name, Mandant = mandant };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return team;
    }

    private async Task<Benutzer> LadenAsync(string id, string mandant) =>
        await benutzer.FindByIdAsync(id) is { } user && user.Mandant == mandant
            ? user
            : throw new NichtGefundenException("Das Konto wurde nicht gefunden.");

    private async Task<BenutzerZeile> ZeileAsync(Benutzer user) => Zeile(user, (await benutzer.GetRolesAsync(user)).Order().ToArray());

    private static BenutzerZeile Zeile(Benutzer u, IReadOnlyList<string> rollen) =>
        new(u.Id, u.UserName ?? string.Empty, u.Anzeigename, rollen, u.TeamId, u.Behoerde?.ToString(), !u.Deaktiviert, u.TwoFactorEnabled, u.LockoutEnd);

    /// <summary>
    /// Creates the account; a name taken in the same Kommune between the validator's check and the insert (two creations
    /// at the same moment) fails on the unique index (migration 0021) and is answered like the validator's refusal.
    /// </summary>
    private async Task<IdentityResult> KontoEinfuegenAsync(Benutzer user, Func<Task<IdentityResult>> anlegen)
    {
        try
        {
            return await anlegen();
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: IdentitaetsTabellen.BenutzernameIndex })
        {
            db.Entry(user).State = EntityState.Detached;
            return IdentityResult.Failed(benutzer.ErrorDescriber.DuplicateUserName(user.UserName ?? string.Empty));
        }
    }

    private static void Pruefen(IdentityResult ergebnis, string feld)
    {
        if (!ergebnis.Succeeded)
        {
            var nachFeld = ergebnis.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) || e.Code.StartsWith("Passwort", StringComparison.Ordinal) ? "passwort"
                    : e.Code.Contains("UserName", StringComparison.Ordinal) ? "benutzername" : feld)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
            throw new DomainException("Das Konto kann so nicht gespeichert werden.", nachFeld);
        }
    }
}
