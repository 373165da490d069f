using Kim.Casemanagement.Application;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Database;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Web.Sicherheit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Hosting;

/// <summary>
/// Command-line commands of the host (<c>dotnet run --project src/Kim.Casemanagement.Web -- &lt;command&gt;</c>).
/// Without a command the web app runs.
/// <list type="bullet">
/// <item><c>migrate</c>: apply pending db/migrations scripts, then exit.</item>
/// <item><c>create-admin --benutzername NAME [--anzeigename TEXT] [--mandant KEY | --anbieter]</c>: create the first
/// administrator of a Mandant (default: the installation's default Mandant), or with <c>--anbieter</c> an account of the
/// provider's administration (role Anbieteradministration, in the Mandant <c>anbieter</c>, created if missing). The password
/// is read from the environment variable <c>KIM_ADMIN_PASSWORT</c> or from standard input. No default accounts exist outside Development.</item>
/// <item><c>mandanten</c>, <c>mandant-anlegen</c>, <c>mandant-deaktivieren</c>, <c>mandant-aktivieren</c>: the provider's
/// Mandanten (see <see cref="MandantenKommando"/>).</item>
/// <item><c>verify-audit</c>: verify the audit trail's hash chain; exit code 0 when intact, 1 at the first broken link.</item>
/// <item><c>audit-aufbewahrung [--probe]</c>: remove audit segments past their retention period (rule table), after
/// verifying the chain; <c>--probe</c> only reports what would be removed. The scheduler runs the same step.</item>
/// <item><c>seed --clients N --years Y --seed S</c>: load generated demo data into a database without Fälle and validate it
/// (see <see cref="SeedKommando"/>).</item>
/// </list>
/// </summary>
internal static class Kommandos
{
    public const string Migrate = "migrate";
    public const string CreateAdmin = "create-admin";
    public const string VerifyAudit = "verify-audit";
    public const string AuditAufbewahrung = "audit-aufbewahrung";

    /// <summary>One run of the erasure job (ADR 0007); <c>--probe</c>: only show what it would erase.</summary>
    public const string Loeschlauf = "loeschlauf";

    public static bool IstKommando(string[] args) => args.Length > 0 && args[0] is Migrate or CreateAdmin or VerifyAudit or AuditAufbewahrung or Loeschlauf or SeedKommando.Name || (args.Length > 0 && MandantenKommando.IstKommando(args[0]));

    public static async Task<int> AusfuehrenAsync(string[] args, WebApplicationBuilder builder)
    {
        using var loggerFactory = LoggerFactory.Create(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var optionen = Options.Create(builder.Configuration.GetSection(DatenbankOptionen.Abschnitt).Get<DatenbankOptionen>() ?? new DatenbankOptionen());
        switch (args[0])
        {
            case Migrate:
                await using (var datenbank = new Datenbank(builder.Configuration, optionen, loggerFactory))
                {
                    var ergebnis = await new SqlMigrator(loggerFactory.CreateLogger<SqlMigrator>()).MigrateAsync(datenbank.OwnerConnectionString);
                    Console.WriteLine(ergebnis.AppliedAny
                        ? $"Migriert: {string.Join(", ", ergebnis.Applied.Select(s => s.Name))}"
                        : "Das Schema ist aktuell; nichts zu tun.");
                }

                return 0;
            case VerifyAudit:
                await using (var datenbank = new Datenbank(builder.Configuration, optionen, loggerFactory))
                {
                    return await AuditKommando.VerifyAsync(datenbank.OwnerConnectionString, Console.Out, CancellationToken.None);
                }

            case AuditAufbewahrung:
                await using (var datenbank = new Datenbank(builder.Configuration, optionen, loggerFactory))
                {
                    return await AuditKommando.AufbewahrenAsync(
                        datenbank.AppConnectionString,
                        Infrastructure.Rechtsregeln.RechtsregelKonfiguration.Laden(builder.Configuration),
                        args.Contains("--probe"),
                        Console.Out,
                        loggerFactory,
                        CancellationToken.None);
                }

            case Loeschlauf:
                await using (var datenbank = new Datenbank(builder.Configuration, optionen, loggerFactory))
                {
                    return await LoeschKommando.AusfuehrenAsync(
                        datenbank.OwnerConnectionString,
                        Infrastructure.Rechtsregeln.RechtsregelKonfiguration.Laden(builder.Configuration),
                        args.Contains("--probe"),
                        Console.Out,
                        loggerFactory,
                        CancellationToken.None);
                }

            case CreateAdmin:
                return await AdministratorAnlegenAsync(args, builder, Console.Out, Console.Error);
            case SeedKommando.Name:
                return await SeedKommando.AusfuehrenAsync(args, builder, loggerFactory);
            case MandantenKommando.Liste or MandantenKommando.Anlegen or MandantenKommando.Deaktivieren or MandantenKommando.Aktivieren:
                return await MandantenKommando.AusfuehrenAsync(args, builder, Console.Out, Console.Error);
            default:
                await Console.Error.WriteLineAsync($"Unbekanntes Kommando: {args[0]}");
                return 2;
        }
    }

    /// <summary>
    /// <c>create-admin</c>: the first Administration account of a Mandant, or an account of the provider's administration.
    /// The user name needs to be unique only within the Mandant (migration 0021). Audited like the Administration's API
    /// (<c>Admin.BenutzerAngelegt</c>, actor <c>CLI:</c> + OS user; the Mandant the provider's one creates as
    /// <c>Anbieter.MandantAngelegt</c>). <paramref name="passwort"/>: for tests; otherwise <c>KIM_ADMIN_PASSWORT</c> or standard input.
    /// </summary>
    internal static async Task<int> AdministratorAnlegenAsync(string[] args, WebApplicationBuilder builder, TextWriter aus, TextWriter fehler, string? passwort = null)
    {
        var name = Wert(args, "--benutzername");
        if (string.IsNullOrWhiteSpace(name))
        {
            await fehler.WriteLineAsync("Aufruf: create-admin --benutzername NAME [--anzeigename TEXT] [--mandant KEY | --anbieter]  (Passwort aus KIM_ADMIN_PASSWORT oder von der Standardeingabe)");
            return 2;
        }

        passwort ??= Environment.GetEnvironmentVariable("KIM_ADMIN_PASSWORT");
        if (string.IsNullOrEmpty(passwort))
        {
            await aus.WriteAsync("Passwort (mindestens 12 Zeichen): ");
            passwort = Console.ReadLine();
        }

        builder.Services.AddKimApplication();
        builder.Services.AddKimInfrastructure(builder.Configuration);
        builder.Services.AddKimAudit();
        builder.Services.AddKimSicherheit(builder.Configuration);
        await using var app = builder.Build();
        await using (var migrationScope = app.Services.CreateAsyncScope())
        {
            var datenbank = migrationScope.ServiceProvider.GetRequiredService<Datenbank>();
            await new SqlMigrator().MigrateAsync(datenbank.OwnerConnectionString);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var rollen = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var rolle in Enum.GetNames<Rolle>())
        {
            if (!await rollen.RoleExistsAsync(rolle))
            {
                await rollen.CreateAsync(new IdentityRole(rolle));
            }
        }

        var anbieter = args.Contains("--anbieter");
        var mandant = anbieter ? AnbieterMandant : Wert(args, "--mandant") ?? MandantenVerwaltung.Standard;
        try
        {
            var mandanten = scope.ServiceProvider.GetRequiredService<MandantenVerwaltung>();
            if (anbieter && await mandanten.FindenAsync(mandant, CancellationToken.None) is null)
            {
                await mandanten.AnlegenAsync(mandant, "IT-Dienstleister (Anbieteradministration)", CancellationToken.None);
                await KommandozeilenAudit.SchreibenAsync(app.Services, "Anbieter.MandantAngelegt", mandant, 200, null);
            }

            var rolleNeu = anbieter ? Rolle.Anbieteradministration : Rolle.Administration;
            var zeile = await scope.ServiceProvider.GetRequiredService<BenutzerVerwaltung>().AnlegenAsync(
                new NeuerBenutzer(name, Wert(args, "--anzeigename") ?? (anbieter ? "Anbieteradministration" : "Administration"), null, [rolleNeu], null, null, passwort ?? string.Empty),
                mandant,
                CancellationToken.None,
                anbieter);

            // The account's id and role, as the Administration's API notes it: no name, no password.
            await KommandozeilenAudit.SchreibenAsync(app.Services, "Admin.BenutzerAngelegt", $"{zeile.Id}: {rolleNeu}", 200, mandant);
            await aus.WriteLineAsync($"{(anbieter ? "Anbieteradministration" : "Administrator")} „{zeile.Benutzername}“ (Mandant {mandant}) angelegt. Bei der ersten Anmeldung wird die Zwei-Faktor-Anmeldung eingerichtet.");
            return 0;
        }
        catch (Domain.Common.DomainException e)
        {
            // Refused (e.g. the name exists in this Mandant, a weak password, an unknown Mandant): audited without the name.
            await KommandozeilenAudit.SchreibenAsync(app.Services, "Admin.BenutzerAngelegt", string.Join(",", e.Errors.Keys.Order(StringComparer.Ordinal)), 400, null);
            await fehler.WriteLineAsync(e.Message);
            foreach (var (feld, texte) in e.Errors)
            {
                await fehler.WriteLineAsync($"  {feld}: {string.Join(" ", texte)}");
            }

            return 1;
        }
    }

    /// <summary>The Mandant the provider's own accounts live in: apart from every Kommune, so no Kommune's Administration sees or changes them.</summary>
    public const string AnbieterMandant = "anbieter";

    internal static string? Wert(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
