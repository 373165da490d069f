using Kim.Casemanagement.Infrastructure.Database;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Web.Hosting;

/// <summary>
/// Command-line commands of the host (<c>dotnet run --project src/Kim.Casemanagement.Web -- &lt;command&gt;</c>).
/// Without a command the web app runs.
/// </summary>
internal static class Kommandos
{
    public const string Migrate = "migrate";

    public static bool IstKommando(string[] args) => args.Length > 0 && args[0] == Migrate;

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
            default:
                await Console.Error.WriteLineAsync($"Unbekanntes Kommando: {args[0]}");
                return 2;
        }
    }
}
