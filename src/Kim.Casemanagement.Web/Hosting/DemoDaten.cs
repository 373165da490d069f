using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Web.Hosting;

/// <summary>
/// Development only: demo accounts for every role (one password, deterministic TOTP keys so the login page can show
/// the current code), two teams; and, while the database has no Fall, a small generated demo set (<c>Demodaten:KlientenBeimStart</c>,
/// default 300, 0 switches it off) whose Fälle are led by the demo case managers, with consents that let the demo partners in.
/// Never runs outside Development; production has no default accounts.
/// </summary>
public sealed class DemoDaten(IServiceScopeFactory scopes, IWebHostEnvironment umgebung, TimeProvider zeit, IConfiguration konfiguration, ILogger<DemoDaten> logger) : IHostedService
{
    public const string Passwort = "Kim-Demo-Zugang-2026";

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Clients generated at start when the database has no Fall (Development only).</summary>
    public const int StandardKlientenBeimStart = 300;

    public static readonly IReadOnlyList<(string Benutzername, string Anzeigename, Rolle Rolle, string? Team, Behoerde? Behoerde, string Beschreibung)> Konten =
    [
        ("fm.mueller", "Miriam Müller", Rolle.Fallmanagement, "Team Nord", null, "Fallmanagement, Team Nord"),
        ("fm.yilmaz", "Deniz Yılmaz", Rolle.Fallmanagement, "Team Nord", null, "Fallmanagement, Team Nord"),
        ("fm.schneider", "Jonas Schneider", Rolle.Fallmanagement, "Team Süd", null, "Fallmanagement, Team Süd"),
        ("tl.nord", "Katrin Becker", Rolle.Teamleitung, "Team Nord", null, "Teamleitung, Team Nord"),
        ("tl.sued", "Ahmet Kaya", Rolle.Teamleitung, "Team Süd", null, "Teamleitung, Team Süd"),
        ("abh.weber", "Sabine Weber", Rolle.Partner, null, Behoerde.Auslaenderbehoerde, "Partner: Ausländerbehörde"),
        ("jc.hoffmann", "Lukas Hoffmann", Rolle.Partner, null, Behoerde.Jobcenter, "Partner: Jobcenter"),
        ("bb.wagner", "Eva Wagner", Rolle.Partner, null, Behoerde.Bildungsberatung, "Partner: Bildungsberatung"),
        ("lg.fischer", "Dr. Thomas Fischer", Rolle.Lenkungsgruppe, null, null, "Lenkungsgruppe"),
        ("ds.schulz", "Petra Schulz", Rolle.Datenschutz, null, null, "Datenschutz"),
        ("admin", "Administration", Rolle.Administration, null, null, "Administration"),
    ];

    /// <summary>The demo TOTP key of an account (Base32), derived from its name.</summary>
    public static string TotpSchluessel(string benutzername)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("kim-demo-totp:" + benutzername))[..20];
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder();
        int puffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            puffer = (puffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(puffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return sb.ToString();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!umgebung.IsDevelopment())
        {
            return;
        }

        await KontenAnlegenAsync(cancellationToken);
        await FaelleAnlegenAsync(cancellationToken);
    }

    private async Task FaelleAnlegenAsync(CancellationToken cancellationToken)
    {
        var anzahl = konfiguration.GetValue("Demodaten:KlientenBeimStart", StandardKlientenBeimStart);
        await using var scope = scopes.CreateAsyncScope();
        var owner = scope.ServiceProvider.GetRequiredService<Datenbank>().OwnerConnectionString;
        if (anzahl <= 0 || await DemodatenLader.HatFaelleAsync(owner, cancellationToken))
        {
            return;
        }

        var (konten, namen) = await DemodatenLader.VorhandeneKontenLesenAsync(owner, "standard", cancellationToken);
        var optionen = new DemodatenOptionen
        {
            Klienten = anzahl,
            Jahre = 6,
            Seed = 2026,
            Heute = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(zeit.GetUtcNow(), Berlin).DateTime).AddDays(-1),
            VorhandeneKonten = konten,
            VergebeneBenutzernamen = namen,
            NurVorhandenesPersonal = true,
        };
        LadeErgebnis ergebnis;
        try
        {
            ergebnis = await DemodatenLader.LadenAsync(owner, new DemodatenGenerator(optionen), null, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Another instance started at the same time and loaded the demo set first (the loader locks and checks again).
            if (!await DemodatenLader.HatFaelleAsync(owner, cancellationToken))
            {
                throw;
            }

            logger.LogInformation("Entwicklungsmodus: Demodaten wurden bereits von einer anderen Instanz geladen.");
            return;
        }

        logger.LogWarning(
            "Entwicklungsmodus: Demodaten geladen: {Faelle} Fälle, {Ereignisse} Ereignisse in {Sekunden:N1} s.",
            ergebnis.Faelle,
            ergebnis.Ereignisse,
            ergebnis.Gesamt.TotalSeconds);
    }

    private async Task KontenAnlegenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var rollen = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var rolle in Enum.GetNames<Rolle>())
        {
            if (!await rollen.RoleExistsAsync(rolle))
            {
                await rollen.CreateAsync(new IdentityRole(rolle));
            }
        }

        var verwaltung = scope.ServiceProvider.GetRequiredService<BenutzerVerwaltung>();
        var benutzer = scope.ServiceProvider.GetRequiredService<UserManager<Benutzer>>();
        var teams = new Dictionary<string, Guid>();
        foreach (var name in Konten.Select(k => k.Team).OfType<string>().Distinct())
        {
            teams[name] = (await verwaltung.TeamAnlegenAsync(name, "standard", cancellationToken)).Id;
        }

        foreach (var k in Konten)
        {
            var zeile = await verwaltung.AnlegenAsync(new NeuerBenutzer(k.Benutzername, k.Anzeigename, null, [k.Rolle], k.Team is null ? null : teams[k.Team], k.Behoerde, Passwort), "standard", cancellationToken);
            var user = (await benutzer.FindByIdAsync(zeile.Id))!;
            await benutzer.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", TotpSchluessel(k.Benutzername));
            await benutzer.SetTwoFactorEnabledAsync(user, true);
        }

        logger.LogWarning("Entwicklungsmodus: {Anzahl} Demo-Konten angelegt (Passwort und Codes auf der Anmeldeseite).", Konten.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Demo accounts with the next code each would accept now (one step after the last used one, if needed).</summary>
    public async Task<IReadOnlyList<DemoZugang>> ZugaengeMitCodesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var benutzer = scope.ServiceProvider.GetRequiredService<UserManager<Benutzer>>();
        var jetzt = Totp.Zeitschritt(zeit.GetUtcNow());
        var liste = new List<DemoZugang>();
        foreach (var k in Konten)
        {
            var user = await benutzer.FindenAsync(MandantenVerwaltung.Standard, k.Benutzername, CancellationToken.None);
            if (user is null)
            {
                continue;
            }

            var letzter = long.TryParse(await benutzer.GetAuthenticationTokenAsync(user, "[Kim]", "TotpLetzterSchritt"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
            var schritt = Math.Max(jetzt, letzter + 1);
            var code = schritt > jetzt + 1 ? "bitte kurz warten" : Totp.Code(Totp.Base32Dekodieren(TotpSchluessel(k.Benutzername)), schritt);
            liste.Add(new DemoZugang(k.Benutzername, k.Beschreibung, code));
        }

        return liste;
    }
}
