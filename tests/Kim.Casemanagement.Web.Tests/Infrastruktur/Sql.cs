using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>Direct SQL for assertions on what the database holds.</summary>
public static class SqlHilfen
{
    public static async Task<string?> TextAsync(string connectionString, string sql)
    {
        await using var verbindung = new NpgsqlConnection(connectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        return (await befehl.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>The first column of every row (NULL as null).</summary>
    public static async Task<List<string?>> SpalteAsync(string connectionString, string sql)
    {
        await using var verbindung = new NpgsqlConnection(connectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        await using var leser = await befehl.ExecuteReaderAsync();
        var werte = new List<string?>();
        while (await leser.ReadAsync())
        {
            werte.Add(leser.IsDBNull(0) ? null : leser.GetValue(0).ToString());
        }

        return werte;
    }
}
