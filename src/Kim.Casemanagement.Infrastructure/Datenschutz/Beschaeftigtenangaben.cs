using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// How the Art. 15 copy names staff: role(s) and authority, the name only when the Kommune allows it
/// (<see cref="DatenschutzOptionen.AuskunftNenntBeschaeftigte"/>); never an account id. Teams by their name.
/// </summary>
internal sealed class Beschaeftigtenangaben
{
    public const string System = "automatisch (System)";
    public const string Unbekannt = "Beschäftigte Person (Konto nicht mehr vorhanden)";

    private const string BenutzerSql = """
        SELECT b.id, b.anzeigename, b.behoerde, coalesce(string_agg(r.name, ',' ORDER BY r.name), '')
        FROM benutzer b
        LEFT JOIN benutzer_rollen br ON br.user_id = b.id
        LEFT JOIN rollen r ON r.id = br.role_id
        WHERE b.id = ANY($1)
        GROUP BY b.id, b.anzeigename, b.behoerde
        """;

    private readonly Dictionary<string, Konto> _konten;
    private readonly Dictionary<Guid, string> _teams;
    private readonly bool _mitNamen;

    private Beschaeftigtenangaben(Dictionary<string, Konto> konten, Dictionary<Guid, string> teams, bool mitNamen)
    {
        _konten = konten;
        _teams = teams;
        _mitNamen = mitNamen;
    }

    /// <summary>Reads the accounts and teams named by <paramref name="ids"/> and <paramref name="teamIds"/>.</summary>
    public static async Task<Beschaeftigtenangaben> LadenAsync(NpgsqlConnection verbindung, IEnumerable<string> ids, IEnumerable<Guid> teamIds, bool mitNamen, CancellationToken ct)
    {
        var konten = new Dictionary<string, Konto>(StringComparer.Ordinal);
        await using (var befehl = new NpgsqlCommand(BenutzerSql, verbindung))
        {
            befehl.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids.Distinct(StringComparer.Ordinal).ToArray() });
            await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                Behoerde? behoerde = !reader.IsDBNull(2) && Enum.TryParse<Behoerde>(reader.GetString(2), out var b) ? b : null;
                konten[reader.GetString(0)] = new Konto(reader.GetString(1), behoerde, reader.GetString(3));
            }
        }

        var teams = new Dictionary<Guid, string>();
        await using (var befehl = new NpgsqlCommand("SELECT id, name FROM teams WHERE id = ANY($1)", verbindung))
        {
            befehl.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = teamIds.Distinct().ToArray() });
            await using var reader = await befehl.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                teams[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        return new Beschaeftigtenangaben(konten, teams, mitNamen);
    }

    /// <summary>A staff column's value: "Rolle – Stelle" (with the name first where configured); a team id: the team's name.</summary>
    public string Bezeichnung(object wert) => wert switch
    {
        Guid team => _teams.TryGetValue(team, out var name) ? name : "Team (nicht mehr vorhanden)",
        string id when id is "system" => System,
        string id when _konten.TryGetValue(id, out var k) => _mitNamen ? $"{k.Name} ({Datenschutztexte.Rollen(k.Rollen)} – {Stelle(k)})" : $"{Datenschutztexte.Rollen(k.Rollen)} – {Stelle(k)}",
        _ => Unbekannt,
    };

    /// <summary>Role(s) (as recorded in the audit row, else the account's), authority and, where configured, name of whoever acted.</summary>
    public (string Rollen, string Stelle, string? Person) Handelnde(string benutzerId, string? rollenDamals)
    {
        if (benutzerId is "system")
        {
            return (System, Datenschutztexte.EigeneStelle, null);
        }

        if (!_konten.TryGetValue(benutzerId, out var k))
        {
            return (string.IsNullOrEmpty(rollenDamals) ? Unbekannt : Datenschutztexte.Rollen(rollenDamals), Datenschutztexte.EigeneStelle, null);
        }

        return (Datenschutztexte.Rollen(string.IsNullOrEmpty(rollenDamals) ? k.Rollen : rollenDamals), Stelle(k), _mitNamen ? k.Name : null);
    }

    /// <summary>The partner authority of the account, if it is one.</summary>
    public Behoerde? Behoerde(string benutzerId) => _konten.TryGetValue(benutzerId, out var k) ? k.Behoerde : null;

    private static string Stelle(Konto k) => k.Behoerde is { } b && k.Rollen.Split(',').Contains(nameof(Rolle.Partner))
        ? b.Bezeichnung()
        : Datenschutztexte.EigeneStelle;

    private sealed record Konto(string Name, Behoerde? Behoerde, string Rollen);
}
