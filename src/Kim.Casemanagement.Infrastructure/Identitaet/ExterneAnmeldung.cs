using System.Security.Cryptography;
using System.Text;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// Sign-in through the Kommune's identity provider (ADR 0013), after the OpenID Connect handler validated the ID
/// token: finds the local account by the link (issuer + subject, never by e-mail or name), creates it just in time on
/// the first sign-in, sets roles, team and partner authority from the mapped groups at every sign-in, refuses a person
/// in no mapped group and a deactivated account, and accepts the provider's second factor only when its <c>amr</c> or
/// <c>acr</c> is one of the configured values; otherwise the account's TOTP step follows.
/// </summary>
public sealed partial class ExterneAnmeldung(
    UserManager<Benutzer> benutzer,
    BenutzerVerwaltung verwaltung,
    AnmeldeDienst anmeldung,
    KimDbContext db,
    IOptions<KommuneIdpOptionen> optionen,
    ILogger<ExterneAnmeldung> log)
{
    private KommuneIdpOptionen O => optionen.Value;

    public async Task<ExternesAnmeldeErgebnis> AnmeldenAsync(ExterneIdentitaet person, string art, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var zuordnungen = O.Gruppen.Where(g => person.Gruppen.Contains(g.Gruppe, StringComparer.Ordinal)).ToArray();
        if (zuordnungen.Length == 0)
        {
            // Log the count only: group names can say something about a person.
            LogKeineZuordnung(log, person.Gruppen.Count);
            return new ExternesAnmeldeErgebnis(ExterneAnmeldeStatus.KeineZuordnung, null, null, false);
        }

        var rollen = zuordnungen.SelectMany(z => z.Rollen).Distinct().Order().ToArray();
        Guid? teamId = zuordnungen.FirstOrDefault(z => !string.IsNullOrWhiteSpace(z.Team)) is { } mitTeam
            ? await TeamAsync(mitTeam.Team!, ct)
            : null;
        var behoerde = rollen.Contains(Rolle.Partner) ? zuordnungen.First(z => z.Behoerde is not null).Behoerde : null;

        var neu = false;
        var user = await benutzer.FindByLoginAsync(person.Aussteller, person.Subjekt);
        if (user is null)
        {
            var zeile = await verwaltung.ExternAnlegenAsync(
                new NeuerBenutzer(Benutzername(person), Anzeigename(person), GueltigeEmail(person.Email), rollen, teamId, behoerde, string.Empty),
                new UserLoginInfo(person.Aussteller, person.Subjekt, O.Anzeigename),
                O.Mandant,
                ct);
            user = await benutzer.FindByIdAsync(zeile.Id) ?? throw new InvalidOperationException("Das eben angelegte Konto fehlt.");
            neu = true;
            LogAngelegt(log, user.Id);
        }
        else if (user.Deaktiviert)
        {
            return new ExternesAnmeldeErgebnis(ExterneAnmeldeStatus.Deaktiviert, null, user.Id, false);
        }
        else if (user.Mandant != O.Mandant)
        {
            // A link of another Kommune's account (cannot happen through this path; refuse rather than cross tenants).
            return new ExternesAnmeldeErgebnis(ExterneAnmeldeStatus.KeineZuordnung, null, user.Id, false);
        }
        else if (await verwaltung.ExternAbgleichenAsync(user, rollen, teamId, behoerde, ct))
        {
            LogAbgeglichen(log, user.Id);
        }

        var zweiterFaktor = ZweiterFaktorVomIdp(person, O);
        var ergebnis = await anmeldung.NachExternerAnmeldungAsync(user, zweiterFaktor, null, null, art, ct);
        return ergebnis.Status switch
        {
            AnmeldeStatus.Erfolgreich => new ExternesAnmeldeErgebnis(ExterneAnmeldeStatus.Erfolgreich, ergebnis, user.Id, neu),
            AnmeldeStatus.ZweiterFaktorErforderlich => new ExternesAnmeldeErgebnis(ExterneAnmeldeStatus.ZweiterFaktorErforderlich, null, user.Id, neu),
            AnmeldeStatus.Gesperrt => new ExternesAnmeldeErgebnis(ExterneAnmeldeStatus.Gesperrt, null, user.Id, neu),
            _ => new ExternesAnmeldeErgebnis(ExterneAnmeldeStatus.Deaktiviert, null, user.Id, neu),
        };
    }

    /// <summary>The local TOTP step after the provider's sign-in (the account id comes from the short-lived step cookie).</summary>
    public async Task<AnmeldeErgebnis> CodeAsync(string benutzerId, string? code, string? wiederherstellungscode, string art, CancellationToken ct)
    {
        var user = await benutzer.FindByIdAsync(benutzerId);
        if (user is null)
        {
            return AnmeldeErgebnis.Fehlgeschlagen;
        }

        return await anmeldung.NachExternerAnmeldungAsync(user, false, code, wiederherstellungscode, art, ct);
    }

    /// <summary>True when the provider's <c>amr</c> or <c>acr</c> is one the configuration accepts as a second factor.</summary>
    public static bool ZweiterFaktorVomIdp(ExterneIdentitaet person, KommuneIdpOptionen optionen)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(optionen);
        return person.Amr.Any(a => optionen.ZweiterFaktorAmr.Contains(a, StringComparer.Ordinal))
            || (person.Acr is { Length: > 0 } acr && optionen.ZweiterFaktorAcr.Contains(acr, StringComparer.Ordinal));
    }

    private async Task<Guid> TeamAsync(string name, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Mandant == O.Mandant && t.Name == name, ct);
        return team?.Id ?? (await verwaltung.TeamAnlegenAsync(name, O.Mandant, ct)).Id;
    }

    /// <summary>
    /// A sign-in name nobody chose: derived from issuer and subject (so it is stable and cannot collide with a local
    /// name by accident); local password sign-in is impossible for such an account anyway (it has no password).
    /// </summary>
    private static string Benutzername(ExterneIdentitaet person)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(person.Aussteller + "\n" + person.Subjekt));
        return "kommune." + Convert.ToHexStringLower(hash)[..20];
    }

    private static string Anzeigename(ExterneIdentitaet person)
    {
        var name = Texte.Normalisieren(person.Name);
        return name is { Length: > 0 and <= 100 } && Texte.IstGueltigerKurztext(name, 100) ? name : "Konto der Kommune";
    }

    private static string? GueltigeEmail(string? email) =>
        email is { Length: > 2 and <= 256 } && email.Contains('@', StringComparison.Ordinal) && !Texte.EnthaeltSteuerzeichen(email, false) ? email : null;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Anmeldung über den Identity Provider der Kommune abgelehnt: keine der {Anzahl} Gruppen ist einer Rolle zugeordnet.")]
    private static partial void LogKeineZuordnung(ILogger logger, int anzahl);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Konto {BenutzerId} bei der ersten Anmeldung über den Identity Provider der Kommune angelegt.")]
    private static partial void LogAngelegt(ILogger logger, string benutzerId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Rollen oder Team von Konto {BenutzerId} nach den Gruppen des Identity Providers der Kommune neu gesetzt; seine Sitzungen sind beendet.")]
    private static partial void LogAbgeglichen(ILogger logger, string benutzerId);
}
