using System.Globalization;
using System.Text;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Benchmarks.Analysen;

/// <summary>
/// The baselines of the analytics benchmark: for each analysis, hand-written SQL that computes the same figures as the
/// endpoint over the same tables (same grouping, counts and distinct Fälle, medians and 80th percentiles, censoring),
/// written directly against the tables: no cohort CTE, no selection check, no suppression, no HTTP or JSON. Where the
/// endpoint computes several things (six milestones; conformance and the per-track map), the baseline runs one
/// statement per thing and the times are added. Ideal flows and milestones are the product's defaults
/// (<see cref="AnalysenStandards"/>), the ones the endpoint uses in the benchmark.
/// </summary>
internal static class Vergleichsabfragen
{
    private const string Offen = "f.prozess_zustand NOT IN ('Abschluss', 'Abbruch', 'Verweisung')";

    /// <summary>Directly-follows graph with nodes: partitioned by Fall (across tracks) or by Fall, track and referral.</summary>
    public static string Landkarte(bool spuruebergreifend) => $"""
        WITH ev AS (
          SELECT e.fall_id, e.spur, g.gruppe, e.nach_zustand AS z, e.fachliches_datum AS d, {Offen} AS offen,
                 lead(e.spur) OVER w AS n_spur, lead(g.gruppe) OVER w AS n_gruppe, lead(e.nach_zustand) OVER w AS n_z,
                 lead(e.fachliches_datum) OVER w AS n_d, row_number() OVER w AS rn
          FROM fall_ereignisse e
          JOIN faelle f ON f.id = e.fall_id
          LEFT JOIN ueberleitungen u ON u.id = e.ueberleitung_id
          CROSS JOIN LATERAL (SELECT CASE WHEN e.spur = 'Ueberleitung' THEN u.empfaenger END AS gruppe) g
          WINDOW w AS (PARTITION BY {(spuruebergreifend ? "e.fall_id" : "e.fall_id, e.spur, e.ueberleitung_id")} ORDER BY e.fachliches_datum, e.nr)
        )
        SELECT spur, gruppe, z, n_spur, n_gruppe, n_z, count(*), count(DISTINCT fall_id),
               count(*) FILTER (WHERE rn = 1), count(DISTINCT fall_id) FILTER (WHERE rn = 1),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY n_d - d), percentile_cont(0.8) WITHIN GROUP (ORDER BY n_d - d),
               count(*) FILTER (WHERE n_z IS NULL AND offen), count(DISTINCT fall_id) FILTER (WHERE n_z IS NULL AND offen),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY current_date - d) FILTER (WHERE n_z IS NULL AND offen),
               percentile_cont(0.8) WITHIN GROUP (ORDER BY current_date - d) FILTER (WHERE n_z IS NULL AND offen)
        FROM ev
        GROUP BY GROUPING SETS ((spur, gruppe, z, n_spur, n_gruppe, n_z), (spur, gruppe, z))
        """;

    /// <summary>Distinct paths of a track (steps that stay in a state left out), with count, distinct Fälle and median throughput time.</summary>
    public static string Varianten(Spur spur) => $"""
        WITH p AS (
          SELECT fall_id,
                 string_agg(nach_zustand, '>' ORDER BY fachliches_datum, nr) FILTER (WHERE von_zustand IS DISTINCT FROM nach_zustand) AS pfad,
                 max(fachliches_datum) - min(fachliches_datum) AS dauer
          FROM fall_ereignisse WHERE spur = '{spur}' GROUP BY fall_id, ueberleitung_id
        )
        SELECT pfad, count(*), count(DISTINCT fall_id), percentile_cont(0.5) WITHIN GROUP (ORDER BY dauer), count(*) OVER ()
        FROM p GROUP BY pfad ORDER BY count(*) DESC
        """;

    /// <summary>Per milestone: durations with right-censoring (open Fälle at today, closed ones at their closing date), the Kaplan-Meier curve and the naive median.</summary>
    public static IEnumerable<string> Dauern() => AnalysenStandards.Meilensteine().Select(m => $"""
        WITH start AS ({Start(m.Start)}),
        ende AS (
          SELECT s.fall_id, min(e.fachliches_datum) AS d
          FROM start s JOIN fall_ereignisse e ON e.fall_id = s.fall_id AND e.fachliches_datum >= s.d
          WHERE (e.spur, e.nach_zustand) IN ({Paare(m.Ende)})
          GROUP BY s.fall_id
        ),
        obs AS (
          SELECT coalesce(en.d, z.d) - s.d AS tage, en.d IS NOT NULL AS ereignis
          FROM start s
          JOIN faelle f ON f.id = s.fall_id
          LEFT JOIN ende en ON en.fall_id = s.fall_id
          CROSS JOIN LATERAL (SELECT CASE WHEN {Offen} THEN current_date ELSE f.prozess_seit END AS d) z
          WHERE en.d IS NOT NULL OR z.d >= s.d
        ),
        g AS (SELECT tage, count(*) FILTER (WHERE ereignis) AS d, count(*) AS n FROM obs GROUP BY tage),
        r AS (SELECT tage, d, sum(n) OVER (ORDER BY tage DESC) AS unter_risiko FROM g)
        SELECT tage,
               CASE WHEN bool_or(d = unter_risiko) OVER (ORDER BY tage) THEN 0
                    ELSE exp(sum(CASE WHEN d < unter_risiko THEN ln(1 - d::float8 / unter_risiko) ELSE 0 END) OVER (ORDER BY tage)) END AS ueberleben,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY tage) FROM obs WHERE ereignis) AS naiver_median
        FROM r WHERE d > 0 ORDER BY tage
        """);

    /// <summary>Conformance with the default ideal flow (per track, overall, the deviating steps) and the per-track map for the bottlenecks.</summary>
    public static IEnumerable<string> Abweichungen()
    {
        var spuren = Enum.GetValues<Spur>().Where(s => AnalysenStandards.Idealverlauf(s).Pfade.Count > 0).ToList();
        var soll = string.Join(", ", spuren.SelectMany(s => AnalysenStandards.Idealverlauf(s).Kanten().Select(k => $"('{s}', '{k.Von}', '{k.Nach}')")));
        yield return $"""
            WITH soll(spur, von, nach) AS (VALUES {soll}),
            ev AS (
              SELECT e.fall_id, e.spur, e.nach_zustand AS z,
                     lag(e.nach_zustand) OVER (PARTITION BY e.fall_id, e.spur, e.ueberleitung_id ORDER BY e.fachliches_datum, e.nr) AS vor
              FROM fall_ereignisse e WHERE e.spur IN ({string.Join(", ", spuren.Select(s => $"'{s}'"))})
            ),
            s AS MATERIALIZED (
              SELECT ev.*, (vor IS NOT NULL AND vor <> z AND NOT EXISTS (SELECT 1 FROM soll WHERE soll.spur = ev.spur AND soll.von = ev.vor AND soll.nach = ev.z)) AS abw
              FROM ev
            ),
            j AS (SELECT fall_id, spur, NOT bool_or(abw) AS konform FROM s GROUP BY fall_id, spur)
            SELECT spur, NULL, NULL, count(*), count(*) FILTER (WHERE konform) FROM j GROUP BY spur
            UNION ALL
            SELECT NULL, NULL, NULL, count(*), count(*) FILTER (WHERE k) FROM (SELECT fall_id, bool_and(konform) AS k FROM j GROUP BY fall_id) x
            UNION ALL
            SELECT spur, vor, z, count(*), count(DISTINCT fall_id) FROM s WHERE abw GROUP BY spur, vor, z
            """;
        yield return Landkarte(spuruebergreifend: false);
    }

    /// <summary>Per quarter: new, resumed, closed (by reason), the change of active and paused Fälle, case managers who recorded a process step.</summary>
    public static string Kennzahlen() => """
        WITH p AS (
          SELECT e.fall_id, date_trunc('quarter', e.fachliches_datum::timestamp)::date AS q, e.trigger, e.nach_zustand AS z, e.akteur,
                 coalesce(e.parameter->>'abschlussgrund', e.parameter->>'abbruchgrund') AS grund,
                 lag(e.nach_zustand) OVER (PARTITION BY e.fall_id ORDER BY e.fachliches_datum, e.nr) AS vor
          FROM fall_ereignisse e WHERE e.spur = 'Prozess'
        ),
        b AS (SELECT z IN ('Abschluss', 'Abbruch', 'Verweisung') AS zu, vor IN ('Abschluss', 'Abbruch', 'Verweisung') AS vor_zu, * FROM p)
        SELECT q, NULL AS grund,
               count(*) FILTER (WHERE vor IS NULL), count(DISTINCT fall_id) FILTER (WHERE vor IS NULL),
               count(*) FILTER (WHERE trigger = 'Wiederaufnehmen'),
               count(*) FILTER (WHERE zu AND vor IS DISTINCT FROM z), count(DISTINCT fall_id) FILTER (WHERE zu AND vor IS DISTINCT FROM z),
               sum(sum((z = 'Ruhend')::int - coalesce((vor = 'Ruhend')::int, 0))) OVER (ORDER BY q),
               sum(sum((z <> 'Ruhend' AND NOT zu)::int - coalesce((vor <> 'Ruhend' AND NOT vor_zu)::int, 0))) OVER (ORDER BY q),
               count(DISTINCT akteur) FILTER (WHERE vor IS NOT NULL)
        FROM b GROUP BY q
        UNION ALL
        SELECT q, z || ':' || coalesce(grund, 'Sonstiges'), count(*), count(DISTINCT fall_id), 0, 0, 0, 0, 0, 0
        FROM b WHERE zu AND vor IS DISTINCT FROM z GROUP BY q, z, grund
        """;

    private static string Start(MeilensteinPunkt punkt) => punkt.Art switch
    {
        MeilensteinArt.Einreise => "SELECT f.id AS fall_id, k.einreisedatum AS d FROM faelle f JOIN klienten k ON k.id = f.klient_id WHERE k.einreisedatum IS NOT NULL",
        MeilensteinArt.Aufnahme => "SELECT id AS fall_id, aufgenommen_am AS d FROM faelle",
        _ => $"SELECT fall_id, min(fachliches_datum) AS d FROM fall_ereignisse WHERE (spur, nach_zustand) IN ({Paare(punkt)}) GROUP BY fall_id",
    };

    private static string Paare(MeilensteinPunkt punkt)
    {
        var text = new StringBuilder();
        foreach (var zustand in punkt.Zustaende)
        {
            var teile = zustand.Split('.', 2);
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"('{teile[0]}', '{teile[1]}')");
        }

        return text.ToString();
    }
}
