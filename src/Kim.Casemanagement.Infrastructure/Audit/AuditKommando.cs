using System.Globalization;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// The <c>verify-audit</c> command (verifies the audit chain) and the <c>audit-aufbewahrung</c> command (removes audit
/// segments past their retention period, ADR 0006); both print a German summary.
/// </summary>
public static class AuditKommando
{
    /// <summary>Exit code: the chain is intact.</summary>
    public const int Intakt = 0;

    /// <summary>Exit code: the chain is broken, or rows escaped sealing.</summary>
    public const int Gebrochen = 1;

    /// <summary>Exit code: the database could not be read (connection, permission).</summary>
    public const int NichtPruefbar = 2;

    /// <summary>
    /// Verifies the chain in the database of <paramref name="connectionString"/> (owner or app role) and writes the
    /// result to <paramref name="output"/>: 0 intact, 1 broken (first broken link with Nr, audit id and reason),
    /// 2 the database could not be read.
    /// </summary>
    public static async Task<int> VerifyAsync(string connectionString, TextWriter output, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(output);
        AuditPruefergebnis ergebnis;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(Persistence.Datenbank.MitSitzungsOptionen(connectionString));
            ergebnis = await new AuditPruefung(dataSource).PruefenAsync(ct).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            var grund = ex is PostgresException p ? "SQLSTATE " + p.SqlState : ex.GetType().Name;
            await output.WriteLineAsync($"Audit-Prüfung nicht möglich: die Datenbank ist nicht lesbar ({grund}).").ConfigureAwait(false);
            return NichtPruefbar;
        }

        foreach (var zeile in Bericht(ergebnis))
        {
            await output.WriteLineAsync(zeile).ConfigureAwait(false);
        }

        return ergebnis.Ok ? Intakt : Gebrochen;
    }

    /// <summary>
    /// Runs the retention step (<see cref="AuditAufbewahrung"/>) on the database of <paramref name="connectionString"/>
    /// (the app role suffices) with the periods of <paramref name="regeln"/>; <paramref name="trocken"/> only reports
    /// what would be removed. Exit code 0 done (or another instance is running it), 1 the chain is broken and nothing
    /// was removed, 2 the database could not be read or refused the removal.
    /// </summary>
    public static async Task<int> AufbewahrenAsync(string connectionString, Rechtsregeltabelle regeln, bool trocken, TextWriter output, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(regeln);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        AuditAufbewahrungsergebnis ergebnis;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(Persistence.Datenbank.MitSitzungsOptionen(connectionString));
            var aufbewahrung = new AuditAufbewahrung(dataSource, regeln, TimeProvider.System, loggerFactory.CreateLogger<AuditAufbewahrung>());
            ergebnis = await aufbewahrung.LaufAsync(trocken, geplant: false, ct).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            var grund = ex is PostgresException p ? "SQLSTATE " + p.SqlState : ex.GetType().Name;
            await output.WriteLineAsync($"Audit-Aufbewahrung nicht möglich ({grund}).").ConfigureAwait(false);
            return NichtPruefbar;
        }

        var c = CultureInfo.InvariantCulture;
        var de = CultureInfo.GetCultureInfo("de-DE");
        switch (ergebnis.Status)
        {
            case AuditAufbewahrungsstatus.AndereInstanz:
                await output.WriteLineAsync("Audit-Aufbewahrung läuft gerade in einer anderen Instanz; nichts getan.").ConfigureAwait(false);
                return Intakt;
            case AuditAufbewahrungsstatus.KetteGebrochen:
                await output.WriteLineAsync(string.Create(c, $"{ergebnis.FaelligeAbschnitte} Abschnitte mit {ergebnis.FaelligeZeilen} Zeilen wären fällig, aber die Audit-Kette ist gebrochen: nichts entfernt.")).ConfigureAwait(false);
                if (ergebnis.Pruefung is { } gebrochen)
                {
                    foreach (var zeile in Bericht(gebrochen))
                    {
                        await output.WriteLineAsync(zeile).ConfigureAwait(false);
                    }
                }

                return Gebrochen;
        }

        await output.WriteLineAsync(string.Create(de, $"Aufbewahrungsfrist {ergebnis.Frist}: fällig sind Abschnitte, deren Zeilen alle vor dem {ergebnis.Stichtag.UtcDateTime:dd.MM.yyyy HH:mm} UTC liegen.")).ConfigureAwait(false);
        if (ergebnis.NeuerAbschnitt is { } neu)
        {
            await output.WriteLineAsync(string.Create(c, $"Prüfpunkt gesetzt: Abschnitt {neu}.")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(trocken
            ? string.Create(c, $"Probelauf: {ergebnis.FaelligeAbschnitte} Abschnitte mit {ergebnis.FaelligeZeilen} Zeilen würden entfernt.")
            : string.Create(c, $"Entfernt: {ergebnis.EntfernteAbschnitte} Abschnitte mit {ergebnis.EntfernteZeilen} Zeilen.")).ConfigureAwait(false);
        return Intakt;
    }

    /// <summary>The German summary of <paramref name="ergebnis"/>, one line per item.</summary>
    public static IReadOnlyList<string> Bericht(AuditPruefergebnis ergebnis)
    {
        ArgumentNullException.ThrowIfNull(ergebnis);
        var c = CultureInfo.InvariantCulture;
        var zeilen = new List<string>();
        if (ergebnis.Ok)
        {
            zeilen.Add(string.Create(c, $"Audit-Kette intakt: {ergebnis.GepruefteSiegel} Siegel geprüft."));
        }
        else
        {
            zeilen.Add("Audit-Kette GEBROCHEN.");
            if (ergebnis.ErsterBruch is { } bruch)
            {
                var audit = bruch.AuditId is { } id ? string.Create(c, $"Audit-Id {id}") : "Audit-Id unbekannt";
                zeilen.Add(string.Create(c, $"Erster Bruch: Siegel Nr {bruch.Nr} ({audit}): {bruch.Grund}."));
                zeilen.Add(string.Create(c, $"Davor intakt: {ergebnis.GepruefteSiegel} Siegel."));
            }

            if (ergebnis.UnversiegelteAlteZeilen > 0)
            {
                zeilen.Add(string.Create(c, $"Unversiegelte alte Zeilen (hätten versiegelt sein müssen): {ergebnis.UnversiegelteAlteZeilen}."));
            }
        }

        if (ergebnis.EntfernteAbschnitte > 0)
        {
            zeilen.Add(string.Create(c, $"Nach Ablauf der Aufbewahrungsfrist entfernt: {ergebnis.EntfernteAbschnitte} Abschnitte mit {ergebnis.EntfernteZeilen} Zeilen (bis Nr {ergebnis.AnkerNr})."));
            zeilen.Add(string.Create(c, $"Geprüft ab Prüfpunkt Nr {ergebnis.AnkerNr}, Hash {ergebnis.AnkerHash}"));
        }

        zeilen.Add(ergebnis.KopfNr == 0
            ? "Kopf: noch nichts versiegelt."
            : string.Create(c, $"Kopf: Nr {ergebnis.KopfNr}, Hash {ergebnis.KopfHash}"));
        return zeilen;
    }
}
