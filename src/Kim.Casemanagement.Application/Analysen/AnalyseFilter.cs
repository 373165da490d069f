using System.Globalization;
using System.Text;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// What every analysis can be narrowed to. <see cref="Von"/>/<see cref="Bis"/> select the Fälle taken in (intake date,
/// inclusive) in that period (key figures: the quarters shown; Themen: the day they were flagged). The cohort is fixed at
/// intake: residence status of the intake event, age group at intake, Zieldimension I (intake within the rule table's
/// years after entry; unknown entry counts as "no"); <see cref="TeamId"/> is the Fall's team.
/// </summary>
public sealed record AnalyseFilter(
    DateOnly? Von = null,
    DateOnly? Bis = null,
    AufenthaltZustand? Aufenthaltsstatus = null,
    Altersgruppe? Altersgruppe = null,
    bool? ZieldimensionI = null,
    Guid? TeamId = null)
{
    public static AnalyseFilter Keiner { get; } = new();

    /// <summary>True when a cohort or team filter is set (the period alone does not count).</summary>
    public bool HatKohortenfilter => Aufenthaltsstatus is not null || Altersgruppe is not null || ZieldimensionI is not null || TeamId is not null;

    /// <summary>The selection in plain German for a heading ("alle Fälle" without a filter); no personal data.</summary>
    public string Bezeichnung()
    {
        var de = CultureInfo.GetCultureInfo("de-DE");
        var teile = new List<string>();
        if (Von is not null || Bis is not null)
        {
            teile.Add(string.Create(de, $"Aufnahme {(Von is { } v ? $"ab {v:dd.MM.yyyy}" : string.Empty)}{(Von is not null && Bis is not null ? " " : string.Empty)}{(Bis is { } b ? $"bis {b:dd.MM.yyyy}" : string.Empty)}"));
        }

        if (Aufenthaltsstatus is { } s)
        {
            teile.Add($"Aufenthaltsstatus bei Aufnahme {s}");
        }

        if (Altersgruppe is { } a)
        {
            teile.Add(a switch
            {
                Analysen.Altersgruppe.Juengere => "jünger als junge Erwachsene",
                Analysen.Altersgruppe.JungeErwachsene => "junge Erwachsene",
                _ => "älter als junge Erwachsene",
            });
        }

        if (ZieldimensionI is { } zd)
        {
            teile.Add(zd ? "Zieldimension I" : "nicht Zieldimension I");
        }

        if (TeamId is not null)
        {
            teile.Add("ein Team");
        }

        return teile.Count == 0 ? "alle Fälle" : string.Join(", ", teile);
    }

    /// <summary>The filter as a short text without personal data, for the audit trail.</summary>
    public string Beschreibung()
    {
        var sb = new StringBuilder();
        void Teil(string name, object? wert)
        {
            if (wert is not null)
            {
                sb.Append(sb.Length == 0 ? string.Empty : ";").Append(name).Append('=').Append(Convert.ToString(wert, CultureInfo.InvariantCulture));
            }
        }

        Teil("von", Von?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Teil("bis", Bis?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Teil("aufenthaltsstatus", Aufenthaltsstatus);
        Teil("altersgruppe", Altersgruppe);
        Teil("zieldimensionI", ZieldimensionI);
        Teil("teamId", TeamId);
        return sb.ToString();
    }
}
