using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>What the database holds, read behind the application's back (direct SQL), to prove what was or was not stored.</summary>
public static class Datenbestand
{
    /// <summary>Every table of the case file.</summary>
    public static readonly string[] Tabellen =
    [
        "klienten", "faelle", "einwilligungen", "ziele", "wiedervorlagen", "vertretungen", "ueberleitungen",
        "notizen", "kompetenzprofil_uebergaben", "fall_ereignisse",
    ];

    /// <summary>Row counts of every table, as one comparable line such as <c>klienten=3, faelle=3, ...</c>.</summary>
    public static async Task<string> ZeilenAsync(string connectionString)
    {
        var sql = string.Join(" UNION ALL ", Tabellen.Select((t, i) => $"SELECT {i} AS i, '{t}' AS t, count(*) AS n FROM {t}")) + " ORDER BY i";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var teile = new List<string>();
        while (await reader.ReadAsync())
        {
            teile.Add($"{reader.GetString(1)}={reader.GetInt64(2)}");
        }

        return string.Join(", ", teile);
    }

    /// <summary>The stored state of one Fall: version, event counter, rows of its events and notes, and the four states.</summary>
    public static async Task<FallStand> FallAsync(string connectionString, Guid fallId)
    {
        const string sql = """
            SELECT f.version, f.ereignis_anzahl,
                   (SELECT count(*) FROM fall_ereignisse e WHERE e.fall_id = f.id),
                   (SELECT count(*) FROM notizen n WHERE n.fall_id = f.id),
                   f.prozess_zustand, f.aufenthalt_zustand, f.leistungen_zustand, f.bildung_zustand
            FROM faelle f WHERE f.id = $1
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = fallId });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue($"Fall {fallId} ist nicht in der Datenbank.");
        return new FallStand(
            reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
    }

    /// <summary>One text column of the rows a query returns, in order.</summary>
    public static async Task<List<string?>> TexteAsync(string connectionString, string sql, Guid fallId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = fallId });
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string?>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return result;
    }

    /// <summary>The triggers of a Fall's events in order of their number.</summary>
    public static Task<List<string?>> TriggerAsync(string connectionString, Guid fallId) =>
        TexteAsync(connectionString, "SELECT trigger FROM fall_ereignisse WHERE fall_id = $1 ORDER BY nr", fallId);

    /// <summary>Runs a statement (e.g. to tamper with privileges in a private test database).</summary>
    public static async Task AusfuehrenAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The stored state of one Fall.</summary>
public sealed record FallStand(int Version, int EreignisAnzahl, long Ereignisse, long Notizen, string Prozess, string Aufenthalt, string Leistungen, string Bildung);
