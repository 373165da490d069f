using Kim.Casemanagement.Application;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Database;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Web.Sicherheit;

namespace Kim.Casemanagement.Web.Hosting;

/// <summary>
/// The provider's commands for Mandanten (ADR 0014), the same service the API and the page use:
/// <list type="bullet">
/// <item><c>mandanten</c>: list every Mandant with its status.</item>
/// <item><c>mandant-anlegen --schluessel KEY --name TEXT</c>: create a Mandant (then <c>create-admin --mandant KEY</c> for its first Administration).</item>
/// <item><c>mandant-deaktivieren --schluessel KEY</c>: disable it; its users' sessions end at once (on every instance).</item>
/// <item><c>mandant-aktivieren --schluessel KEY</c>: enable it again.</item>
/// </list>
/// Exit code 0 on success, 1 when refused (the reason on standard error, in German), 2 on a usage error. Every change
/// and every refused change is audited like the API's (<see cref="KommandozeilenAudit"/>, actor <c>CLI:</c> + OS user).
/// </summary>
internal static class MandantenKommando
{
    public const string Liste = "mandanten";
    public const string Anlegen = "mandant-anlegen";
    public const string Deaktivieren = "mandant-deaktivieren";
    public const string Aktivieren = "mandant-aktivieren";

    public static bool IstKommando(string name) => name is Liste or Anlegen or Deaktivieren or Aktivieren;

    public static async Task<int> AusfuehrenAsync(string[] args, WebApplicationBuilder builder, TextWriter aus, TextWriter fehler)
    {
        var schluessel = Kommandos.Wert(args, "--schluessel");
        if (args[0] != Liste && string.IsNullOrWhiteSpace(schluessel))
        {
            await fehler.WriteLineAsync($"Aufruf: {args[0]} --schluessel KEY{(args[0] == Anlegen ? " --name TEXT" : string.Empty)}");
            return 2;
        }

        builder.Services.AddKimApplication();
        builder.Services.AddKimInfrastructure(builder.Configuration);
        builder.Services.AddKimAudit();
        builder.Services.AddKimSicherheit(builder.Configuration);
        await using var app = builder.Build();
        await new SqlMigrator().MigrateAsync(app.Services.GetRequiredService<Datenbank>().OwnerConnectionString);
        var verwaltung = app.Services.GetRequiredService<MandantenVerwaltung>();
        var aktion = args[0] switch
        {
            Anlegen => "Anbieter.MandantAngelegt",
            Deaktivieren => "Anbieter.MandantDeaktiviert",
            Aktivieren => "Anbieter.MandantAktiviert",
            _ => null,
        };
        try
        {
            switch (args[0])
            {
                case Anlegen:
                    var neu = await verwaltung.AnlegenAsync(schluessel, Kommandos.Wert(args, "--name"), CancellationToken.None);
                    await KommandozeilenAudit.SchreibenAsync(app.Services, aktion!, neu.Schluessel, 200, null);
                    await aus.WriteLineAsync($"Mandant „{neu.Schluessel}“ ({neu.Name}) angelegt. Erstes Administrationskonto: create-admin --mandant {neu.Schluessel} --benutzername NAME");
                    return 0;
                case Deaktivieren:
                    var (aus1, beendet) = await verwaltung.DeaktivierenAsync(schluessel!, eigenerMandant: string.Empty, CancellationToken.None);
                    await KommandozeilenAudit.SchreibenAsync(app.Services, aktion!, $"{aus1.Schluessel}: {beendet} Sitzungen beendet", 200, null);
                    await aus.WriteLineAsync($"Mandant „{aus1.Schluessel}“ deaktiviert; {beendet} Sitzungen beendet.");
                    return 0;
                case Aktivieren:
                    var an = await verwaltung.AktivierenAsync(schluessel!, CancellationToken.None);
                    await KommandozeilenAudit.SchreibenAsync(app.Services, aktion!, an.Schluessel, 200, null);
                    await aus.WriteLineAsync($"Mandant „{an.Schluessel}“ ist wieder aktiv.");
                    return 0;
                default:
                    foreach (var m in await verwaltung.ListeAsync(CancellationToken.None))
                    {
                        await aus.WriteLineAsync($"{m.Schluessel}\t{(m.Aktiv ? "aktiv" : "deaktiviert")}\t{m.Name}");
                    }

                    return 0;
            }
        }
        catch (DomainException e)
        {
            await AbgelehntAuditierenAsync(app.Services, aktion, schluessel, e);
            await fehler.WriteLineAsync(e.Message);
            foreach (var (feld, texte) in e.Errors)
            {
                await fehler.WriteLineAsync($"  {feld}: {string.Join(" ", texte)}");
            }

            return 1;
        }
        catch (Exception e) when (e is NichtGefundenException or Application.Common.KonfliktException)
        {
            await AbgelehntAuditierenAsync(app.Services, aktion, schluessel, e);
            await fehler.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>A refused command is audited too (the key as given, at most 64 characters: a key, no personal data).</summary>
    private static Task AbgelehntAuditierenAsync(IServiceProvider dienste, string? aktion, string? schluessel, Exception e) =>
        aktion is null
            ? Task.CompletedTask
            : KommandozeilenAudit.SchreibenAsync(dienste, aktion, schluessel is { Length: > 64 } ? schluessel[..64] : schluessel, KommandozeilenAudit.Ergebnis(e), null);
}
