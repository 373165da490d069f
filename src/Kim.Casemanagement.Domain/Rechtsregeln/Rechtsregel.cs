namespace Kim.Casemanagement.Domain.Rechtsregeln;

/// <summary>
/// One row of the dated rule table: a legal figure (years, language level, cut-off date, list of
/// exceptions) valid from <see cref="GueltigAb"/> to <see cref="GueltigBis"/> (inclusive, open if null).
/// </summary>
/// <param name="Schluessel">The rule key, e.g. <c>Einbuergerung.MindestaufenthaltJahre</c>.</param>
/// <param name="GueltigAb">First day the value applies.</param>
/// <param name="GueltigBis">Last day the value applies, or null while in force.</param>
/// <param name="Wert">The value as invariant text (int, GER level, ISO date, or a comma-separated list).</param>
/// <param name="Quelle">The legal source, for people who check the table.</param>
public sealed record Rechtsregel(string Schluessel, DateOnly GueltigAb, DateOnly? GueltigBis, string Wert, string Quelle)
{
    public bool GiltAm(DateOnly datum) => datum >= GueltigAb && (GueltigBis is null || datum <= GueltigBis.Value);
}
