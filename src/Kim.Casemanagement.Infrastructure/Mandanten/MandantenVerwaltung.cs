using System.Text.RegularExpressions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Mandanten;

/// <summary>One Kommune on the installation (table <c>mandanten</c>, migration 0019).</summary>
public sealed record Mandant(string Schluessel, string Name, bool Aktiv, DateTimeOffset ErstelltAm, DateTimeOffset? GeaendertAm);

/// <summary>
/// The provider's administration of Mandanten (ADR 0014): create, list, disable, enable. Used by the CLI, the API
/// (<c>/api/anbieter/mandanten</c>) and the page alike, so validation and effects are the same everywhere. Disabling a
/// Mandant ends every open session of its users at once (and tells the other instances), and sign-in refuses its users
/// (<see cref="AnmeldeDienst"/>) until it is enabled again.
/// </summary>
public sealed partial class MandantenVerwaltung(NpgsqlDataSource dataSource, SitzungsDienst sitzungen, TimeProvider zeit)
{
    /// <summary>The Mandant an installation starts with (migration 0019), whose data existed before Mandanten did.</summary>
    public const string Standard = "standard";

    public async Task<IReadOnlyList<Mandant>> ListeAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT schluessel, name, status, erstellt_am, geaendert_am FROM mandanten ORDER BY schluessel");
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var liste = new List<Mandant>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            liste.Add(Lesen(r));
        }

        return liste;
    }

    public async Task<Mandant?> FindenAsync(string schluessel, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT schluessel, name, status, erstellt_am, geaendert_am FROM mandanten WHERE schluessel = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schluessel ?? string.Empty });
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? Lesen(r) : null;
    }

    /// <summary>The active Mandanten, by name (the sign-in form's "Kommune" field; sign-in without a Kommune).</summary>
    public async Task<IReadOnlyList<Mandant>> AktiveAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT schluessel, name, status, erstellt_am, geaendert_am FROM mandanten WHERE status = 'aktiv' ORDER BY name, schluessel");
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var liste = new List<Mandant>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            liste.Add(Lesen(r));
        }

        return liste;
    }

    /// <summary>Does the Mandant exist and is it active? (sign-in, account creation)</summary>
    public async Task<bool> IstAktivAsync(string schluessel, CancellationToken ct) =>
        await FindenAsync(schluessel, ct).ConfigureAwait(false) is { Aktiv: true };

    /// <summary>Creates a Mandant; German messages per field on bad input, 409 when the key is taken.</summary>
    public async Task<Mandant> AnlegenAsync(string? schluessel, string? name, CancellationToken ct)
    {
        var fehler = new Dictionary<string, string[]>();
        var s = schluessel?.Trim() ?? string.Empty;
        if (!SchluesselMuster().IsMatch(s))
        {
            fehler["schluessel"] = ["Der Schlüssel besteht aus 2 bis 64 Kleinbuchstaben, Ziffern oder Bindestrichen und beginnt mit einem Buchstaben (z. B. „kreis-wesel“)."];
        }

        var n = Texte.Normalisieren(name) ?? string.Empty;
        if (n.Length == 0 || !Texte.IstGueltigerKurztext(n, 200))
        {
            fehler["name"] = ["Bitte geben Sie den Namen der Kommune an (höchstens 200 Zeichen, keine Steuerzeichen)."];
        }

        if (fehler.Count > 0)
        {
            throw new DomainException("Der Mandant wurde nicht angelegt.", fehler);
        }

        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO mandanten (schluessel, name, status, erstellt_am) VALUES ($1, $2, 'aktiv', $3)
            ON CONFLICT (schluessel) DO NOTHING
            RETURNING schluessel, name, status, erstellt_am, geaendert_am
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = s });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = n });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = zeit.GetUtcNow() });
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false)
            ? Lesen(r)
            : throw new KonfliktException("Einen Mandanten mit diesem Schlüssel gibt es bereits.");
    }

    /// <summary>
    /// Disables a Mandant: its users can no longer sign in, and every open session of them ends now (on every
    /// instance). Returns the Mandant and how many sessions ended. Disabling one's own Mandant is refused (the provider
    /// would lock itself out).
    /// </summary>
    public async Task<(Mandant Mandant, int BeendeteSitzungen)> DeaktivierenAsync(string schluessel, string eigenerMandant, CancellationToken ct)
    {
        if (string.Equals(schluessel, eigenerMandant, StringComparison.Ordinal))
        {
            throw new DomainException(
                "Der eigene Mandant kann nicht deaktiviert werden.",
                new Dictionary<string, string[]> { ["schluessel"] = ["Der Mandant des eigenen Kontos kann nicht deaktiviert werden."] });
        }

        var mandant = await StatusSetzenAsync(schluessel, "deaktiviert", ct).ConfigureAwait(false);
        var benutzer = new List<string>();
        await using (var cmd = dataSource.CreateCommand("""
            SELECT DISTINCT s.benutzer_id FROM sitzungen s JOIN benutzer b ON b.id = s.benutzer_id
            WHERE b.mandant = $1 AND s.beendet_am IS NULL
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = mandant.Schluessel });
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                benutzer.Add(r.GetString(0));
            }
        }

        var beendet = 0;
        foreach (var id in benutzer)
        {
            beendet += await sitzungen.AlleBeendenAsync(id, "MandantDeaktiviert", ct).ConfigureAwait(false);
        }

        return (mandant, beendet);
    }

    public Task<Mandant> AktivierenAsync(string schluessel, CancellationToken ct) => StatusSetzenAsync(schluessel, "aktiv", ct);

    private async Task<Mandant> StatusSetzenAsync(string schluessel, string status, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE mandanten SET status = $2, geaendert_am = $3 WHERE schluessel = $1
            RETURNING schluessel, name, status, erstellt_am, geaendert_am
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schluessel ?? string.Empty });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = zeit.GetUtcNow() });
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? Lesen(r) : throw new NichtGefundenException("Der Mandant wurde nicht gefunden.");
    }

    private static Mandant Lesen(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2) == "aktiv", r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4));

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchluesselMuster();
}
