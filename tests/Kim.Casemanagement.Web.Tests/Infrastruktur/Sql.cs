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
}
