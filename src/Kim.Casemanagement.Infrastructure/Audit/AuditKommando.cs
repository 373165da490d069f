using System.Globalization;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>The <c>verify-audit</c> command: verifies the audit chain and prints a German summary.</summary>
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
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
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

        zeilen.Add(ergebnis.KopfNr == 0
            ? "Kopf: noch nichts versiegelt."
            : string.Create(c, $"Kopf: Nr {ergebnis.KopfNr}, Hash {ergebnis.KopfHash}"));
        return zeilen;
    }
}
