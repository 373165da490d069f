using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// The cohort rules in force on the intake days <see cref="Ab"/> to <see cref="Bis"/> (inclusive): the young-adult band
/// and the years after entry of Zieldimension I. The rule table is dated, so the database query receives these sections
/// and judges each Fall by the rules of its intake day; nothing is hard-wired.
/// </summary>
public sealed record KohortenRegel(DateOnly Ab, DateOnly Bis, int JungeErwachseneVonJahre, int JungeErwachseneBisJahre, int ZieldimensionIJahre)
{
    /// <summary>The sections of the rule table in which all three rules have a value, in date order.</summary>
    public static IReadOnlyList<KohortenRegel> Abschnitte(Rechtsregeltabelle regeln)
    {
        ArgumentNullException.ThrowIfNull(regeln);
        string[] schluessel = [Regeln.JungeErwachseneVonJahre.Name, Regeln.JungeErwachseneBisJahre.Name, Regeln.ZieldimensionIJahre.Name];
        var zeilen = regeln.Rows.Where(r => schluessel.Contains(r.Schluessel, StringComparer.Ordinal)).ToList();
        var grenzen = zeilen.Select(r => r.GueltigAb)
            .Concat(zeilen.Where(r => r.GueltigBis is { } b && b < DateOnly.MaxValue).Select(r => r.GueltigBis!.Value.AddDays(1)))
            .Distinct().Order().ToList();
        var ergebnis = new List<KohortenRegel>();
        for (var i = 0; i < grenzen.Count; i++)
        {
            var ab = grenzen[i];
            var bis = i + 1 < grenzen.Count ? grenzen[i + 1].AddDays(-1) : DateOnly.MaxValue;
            if (regeln.TryWert(Regeln.JungeErwachseneVonJahre, ab, out var von)
                && regeln.TryWert(Regeln.JungeErwachseneBisJahre, ab, out var bisJahre)
                && regeln.TryWert(Regeln.ZieldimensionIJahre, ab, out var zd))
            {
                ergebnis.Add(new KohortenRegel(ab, bis, von, bisJahre, zd));
            }
        }

        return ergebnis;
    }
}
