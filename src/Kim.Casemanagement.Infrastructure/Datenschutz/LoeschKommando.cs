using System.Globalization;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>The <c>loeschlauf [--probe]</c> command: one run of <see cref="FallLoeschung"/> as the owner role, counts printed in German.</summary>
public static class LoeschKommando
{
    public const int Erfolg = 0;
    public const int AndereInstanz = 3;
    public const int NichtMoeglich = 4;

    public static async Task<int> AusfuehrenAsync(
        string connectionString, Rechtsregeltabelle regeln, bool probelauf, TextWriter output, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(regeln);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        IReadOnlyList<Loeschlaufergebnis>? laeufe;
        try
        {
            await using var loeschung = new FallLoeschung(connectionString, regeln, new Kalender(TimeProvider.System), loggerFactory.CreateLogger<FallLoeschung>());
            laeufe = await loeschung.LaufAsync(probelauf, ct).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            var grund = ex is PostgresException p ? "SQLSTATE " + p.SqlState : ex.GetType().Name;
            await output.WriteLineAsync($"Löschlauf nicht möglich ({grund}).").ConfigureAwait(false);
            return NichtMoeglich;
        }

        if (laeufe is null)
        {
            await output.WriteLineAsync("Der Löschlauf läuft gerade in einer anderen Instanz; nichts getan.").ConfigureAwait(false);
            return AndereInstanz;
        }

        if (laeufe.Count == 0)
        {
            await output.WriteLineAsync("Kein Fall ist zur Löschung fällig.").ConfigureAwait(false);
            return Erfolg;
        }

        var de = CultureInfo.GetCultureInfo("de-DE");
        foreach (var lauf in laeufe)
        {
            await output.WriteLineAsync(string.Create(de, $"Mandant {lauf.Mandant}, Stichtag {lauf.Stichtag:dd.MM.yyyy}, Frist {lauf.Frist} nach Abschluss, Abbruch oder Verweisung:")).ConfigureAwait(false);
            await output.WriteLineAsync(probelauf
                ? string.Create(de, $"  Probelauf: {lauf.Faellig - lauf.Gesperrt} Fälle würden anonymisiert, {lauf.KlientenGeloescht} Klient*innen gelöscht; {lauf.Gesperrt} fällige Fälle sind gesperrt.")
                : string.Create(de, $"  {lauf.Anonymisiert} von {lauf.Faellig} fälligen Fällen anonymisiert, {lauf.KlientenGeloescht} Klient*innen gelöscht; {lauf.Gesperrt} gesperrt.")).ConfigureAwait(false);
            foreach (var (tabelle, anzahl) in lauf.ZeilenGeloescht.Where(z => z.Value > 0).OrderBy(z => z.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync(string.Create(de, $"  {tabelle}: {anzahl} Zeilen {(probelauf ? "würden gelöscht" : "gelöscht")}")).ConfigureAwait(false);
            }

            foreach (var fall in lauf.Faelle)
            {
                await output.WriteLineAsync(string.Create(de, $"  {fall.Aktenzeichen}: {fall.Zustand} seit {fall.BeendetSeit:dd.MM.yyyy}, löschbar ab {fall.LoeschbarAb:dd.MM.yyyy}")).ConfigureAwait(false);
            }
        }

        return Erfolg;
    }
}
