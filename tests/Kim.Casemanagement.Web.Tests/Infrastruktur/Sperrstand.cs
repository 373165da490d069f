using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>What the database holds of one Fall, as one comparable line: proves that a refused write stored nothing.</summary>
public static class Sperrstand
{
    /// <summary>The Fall's row and its client's, and every row of every table that belongs to the Fall (hashed, in key order).</summary>
    public static async Task<string> FingerabdruckAsync(string connectionString, Guid fallId)
    {
        const string sql = """
            SELECT concat_ws('|',
              f.version, md5(f::text), md5(coalesce(k::text, '')),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.nr)), '') FROM fall_ereignisse x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM notizen x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM einwilligungen x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM ziele x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM wiedervorlagen x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM vertretungen x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM ueberleitungen x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM kompetenzprofil_uebergaben x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM themen x WHERE x.fall_id = f.id),
              (SELECT count(*) FROM benachrichtigungen x WHERE x.fall_id = f.id),
              (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x.id)), '') FROM fall_sperren x WHERE x.fall_id = f.id))
            FROM faelle f LEFT JOIN klienten k ON k.id = f.klient_id WHERE f.id = $1
            """;
        await using var verbindung = new NpgsqlConnection(connectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        befehl.Parameters.Add(new NpgsqlParameter { Value = fallId });
        return (string?)await befehl.ExecuteScalarAsync() ?? throw new InvalidOperationException($"Fall {fallId} ist nicht in der Datenbank.");
    }

    /// <summary>Today where the app decides what "today" is (Europe/Berlin).</summary>
    public static DateOnly Heute =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
}
