using System.Text;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Infrastructure.Mandanten;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>
/// The common table expressions every analysis starts from: <c>basis</c> (the tenant's Fälle, optionally of the intake
/// period, with their cohort attributes) and <c>kohorte</c> (those matching every filter). Only fixed SQL fragments are
/// concatenated; every value is a parameter.
/// <list type="bullet">
/// <item>Residence status at intake: <c>nach_zustand</c> of the Fall's Aufenthalt event without a from-state (the intake event).</item>
/// <item>Age at intake in whole years, computed like <c>Klient.AlterAm</c> (a 29 February birthday turns a year older on 28 February).</item>
/// <item>Age group and Zieldimension I by the rule-table section in force on the intake day (<see cref="KohortenRegel"/>);
/// Zieldimension I: entry date known and intake before entry + N years.</item>
/// </list>
/// </summary>
internal static class KohortenSql
{
    /// <summary>Open: the process track is not in one of the closed states, which the track registry gives as a parameter.</summary>
    private const string Offen = "f.prozess_zustand <> ALL(@kohorte_beendet)";

    /// <summary>
    /// The age at intake in whole years, like <c>Klient.AlterAm</c> (a 29 February birthday turns a year older on 28
    /// February), of the Fall <c>f</c> with its client <c>k</c> (LEFT JOIN): an anonymised Fall has no client and keeps
    /// this number instead (ADR 0007; the erasure writes it with <see cref="AlterAusGeburtsdatum"/>).
    /// </summary>
    internal const string AlterBeiAufnahme = "coalesce(f.anonym_alter_bei_aufnahme, " + AlterAusGeburtsdatum + ")";

    /// <summary>The age at intake computed from the client's birth date (<c>k.geburtsdatum</c>).</summary>
    internal const string AlterAusGeburtsdatum =
        "(SELECT y - CASE WHEN f.aufgenommen_am < (k.geburtsdatum + make_interval(years => y))::date THEN 1 ELSE 0 END "
        + "FROM (SELECT (date_part('year', f.aufgenommen_am) - date_part('year', k.geburtsdatum))::int AS y) j)";

    /// <summary>The client's entry date, kept on the Fall when it is anonymised (ADR 0007).</summary>
    internal const string Einreisedatum = "coalesce(k.einreisedatum, f.anonym_einreisedatum)";

    /// <summary>The CTEs (<c>WITH</c> included, ending with <c>kohorte AS (...)</c>), parameters added to <paramref name="befehl"/>.</summary>
    /// <param name="mitZeitraum">The period restricts the intake date.</param>
    /// <param name="mitMerkmalen">Compute the cohort attributes even where no filter needs them (XES).</param>
    /// <param name="mitEinreise">Include the client's entry date (<c>einreisedatum</c>); otherwise the clients are only joined when a filter needs them.</param>
    public static string Mit(AnalyseAbfrage abfrage, NpgsqlCommand befehl, bool mitZeitraum, bool mitMerkmalen = false, bool mitEinreise = false)
    {
        var (basis, bedingungen) = Basis(abfrage, befehl, mitZeitraum, mitMerkmalen, mitEinreise);
        var wo = bedingungen.Count == 0 ? "true" : string.Join(" AND ", bedingungen.Select(b => b.Sql));
        return $"{Eingeschraenkt(abfrage)}WITH {basis},\nkohorte AS (SELECT * FROM basis WHERE {wo})";
    }

    /// <summary>The query for the selection check: the selection's size, then per active filter the size without it.</summary>
    public static string Population(AnalyseAbfrage abfrage, NpgsqlCommand befehl, bool mitZeitraum)
    {
        var (basis, bedingungen) = Basis(abfrage, befehl, mitZeitraum, mitMerkmalen: false, mitEinreise: false);
        string Und(IEnumerable<(string Name, string Sql)> b) => b.Any() ? string.Join(" AND ", b.Select(x => x.Sql)) : "true";
        var spalten = new List<string> { $"count(*) FILTER (WHERE {Und(bedingungen)})" };
        spalten.AddRange(bedingungen.Select(ohne => $"count(*) FILTER (WHERE {Und(bedingungen.Where(b => b.Name != ohne.Name))})"));
        return $"{Eingeschraenkt(abfrage)}WITH {basis}\nSELECT {string.Join(", ", spalten)} FROM basis";
    }

    /// <summary>
    /// The statement that narrows the row-level security to the query's Mandant (ADR 0014), put in front of the CTEs:
    /// besides the explicit <c>@mandant</c> filter, the database itself keeps every analysis statement to one Kommune,
    /// in a request and in the background recomputation of a Mandant's stored report alike.
    /// </summary>
    private static string Eingeschraenkt(AnalyseAbfrage abfrage) => MandantKontext.SetzenSql(abfrage.Mandant) + "\n";

    private static (string Sql, List<(string Name, string Sql)> Bedingungen) Basis(AnalyseAbfrage abfrage, NpgsqlCommand befehl, bool mitZeitraum, bool mitMerkmalen, bool mitEinreise)
    {
        ArgumentNullException.ThrowIfNull(abfrage);
        var f = abfrage.Filter;
        var status = mitMerkmalen || f.Aufenthaltsstatus is not null;
        var regeln = mitMerkmalen || f.Altersgruppe is not null || f.ZieldimensionI is not null;

        // The clients (birth and entry date) are joined only where needed: most analyses need the Fall alone.
        var klienten = regeln || mitEinreise;

        befehl.Parameters.Add(new NpgsqlParameter("mandant", NpgsqlDbType.Text) { Value = abfrage.Mandant });
        befehl.Parameters.Add(new NpgsqlParameter("kohorte_beendet", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Spurregister.Prozess.BeendeteZustaende.ToArray() });
        var sql = new StringBuilder();
        if (regeln)
        {
            befehl.Parameters.Add(new NpgsqlParameter("r_ab", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = abfrage.Regeln.Select(r => r.Ab).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("r_bis", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = abfrage.Regeln.Select(r => r.Bis).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("r_jung_von", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = abfrage.Regeln.Select(r => r.JungeErwachseneVonJahre).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("r_jung_bis", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = abfrage.Regeln.Select(r => r.JungeErwachseneBisJahre).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("r_zd", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = abfrage.Regeln.Select(r => r.ZieldimensionIJahre).ToArray() });
            sql.Append("regeln AS (SELECT * FROM unnest(@r_ab, @r_bis, @r_jung_von, @r_jung_bis, @r_zd) AS r(ab, bis, jung_von, jung_bis, zd)),\n");
        }

        sql.Append("basis AS (\n  SELECT f.id AS fall_id, f.team_id, f.aufgenommen_am, f.prozess_zustand, f.prozess_seit, ")
            .Append(Offen).Append(" AS offen");
        if (klienten)
        {
            sql.Append(", ").Append(Einreisedatum).Append(" AS einreisedatum");
        }

        if (status)
        {
            sql.Append(",\n    a.nach_zustand AS status_aufnahme");
        }

        if (regeln)
        {
            sql.Append(",\n    CASE WHEN r.ab IS NULL THEN NULL WHEN al.jahre < r.jung_von THEN 'Juengere' WHEN al.jahre <= r.jung_bis THEN 'JungeErwachsene' ELSE 'Aeltere' END AS altersgruppe")
                .Append(",\n    (r.zd IS NOT NULL AND ").Append(Einreisedatum).Append(" IS NOT NULL AND (").Append(Einreisedatum)
                .Append(" + make_interval(years => r.zd))::date > f.aufgenommen_am) AS zieldimension_i");
        }

        sql.Append("\n  FROM faelle f");
        if (klienten)
        {
            sql.Append("\n  LEFT JOIN klienten k ON k.id = f.klient_id");
        }

        if (status)
        {
            sql.Append("\n  LEFT JOIN fall_ereignisse a ON a.fall_id = f.id AND a.spur = 'Aufenthalt' AND a.von_zustand IS NULL");
        }

        if (regeln)
        {
            sql.Append("\n  CROSS JOIN LATERAL (SELECT ").Append(AlterBeiAufnahme).Append(" AS jahre) al")
                .Append("\n  LEFT JOIN regeln r ON f.aufgenommen_am BETWEEN r.ab AND r.bis");
        }

        sql.Append("\n  WHERE f.mandant = @mandant");
        if (mitZeitraum && f.Von is { } von)
        {
            befehl.Parameters.Add(new NpgsqlParameter("von", NpgsqlDbType.Date) { Value = von });
            sql.Append(" AND f.aufgenommen_am >= @von");
        }

        if (mitZeitraum && f.Bis is { } bis)
        {
            befehl.Parameters.Add(new NpgsqlParameter("bis", NpgsqlDbType.Date) { Value = bis });
            sql.Append(" AND f.aufgenommen_am <= @bis");
        }

        sql.Append("\n)");

        var bedingungen = new List<(string Name, string Sql)>();
        if (f.Aufenthaltsstatus is { } s)
        {
            befehl.Parameters.Add(new NpgsqlParameter("f_status", NpgsqlDbType.Text) { Value = s.ToString() });
            bedingungen.Add(("status", "status_aufnahme = @f_status"));
        }

        if (f.Altersgruppe is { } alter)
        {
            befehl.Parameters.Add(new NpgsqlParameter("f_alter", NpgsqlDbType.Text) { Value = alter.ToString() });
            bedingungen.Add(("alter", "altersgruppe = @f_alter"));
        }

        if (f.ZieldimensionI is { } zd)
        {
            befehl.Parameters.Add(new NpgsqlParameter("f_zd", NpgsqlDbType.Boolean) { Value = zd });
            bedingungen.Add(("zd", "zieldimension_i = @f_zd"));
        }

        if (f.TeamId is { } team)
        {
            befehl.Parameters.Add(new NpgsqlParameter("f_team", NpgsqlDbType.Uuid) { Value = team });
            bedingungen.Add(("team", "team_id = @f_team"));
        }

        return (sql.ToString(), bedingungen);
    }
}
