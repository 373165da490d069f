using System.Globalization;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// One Fall's trace as read for the XES export, before anonymisation; it never leaves the process.
/// <paramref name="Aktivitaeten"/>: ids of the export's activity table in the order of the steps;
/// <paramref name="TageSeitAufnahme"/>: per step, the days from intake to its fachliches Datum (negative before intake).
/// </summary>
public sealed record XesRohverlauf(IReadOnlyList<int> Aktivitaeten, IReadOnlyList<int> TageSeitAufnahme, XesMerkmale Merkmale);

/// <summary>The cohort attributes a trace carries; null: not published (unknown, or generalised away).</summary>
public sealed record XesMerkmale(string? AufenthaltsstatusBeiAufnahme, string? Altersgruppe, bool? ZieldimensionI)
{
    public static XesMerkmale Keine { get; } = new(null, null, null);
}

/// <summary>
/// A group of at least the minimum size of Fälle that the export writes as identical traces (only the random trace id
/// differs): the same activities, the same weeks since intake (the lower median of the group), the same attributes.
/// </summary>
public sealed record XesKlasse(IReadOnlyList<int> Aktivitaeten, IReadOnlyList<int> WochenSeitAufnahme, XesMerkmale Merkmale, int Faelle);

/// <summary>
/// The anonymised log: the groups, and how many Fälle in how many rare variants were left out; both null (withheld) when
/// the whole selection has fewer than k Fälle, so that no count between 1 and k − 1 is published.
/// </summary>
public sealed record XesAnonymisiert(IReadOnlyList<XesKlasse> Klassen, int? AusgelasseneFaelle, int? AusgelasseneVarianten)
{
    /// <summary>Fälle behind the written traces.</summary>
    public int Faelle => Klassen.Sum(k => k.Faelle);
}

/// <summary>
/// Makes the Lenkungsgruppe's event log k-anonymous (k = <see cref="AnalysenOptionen.Mindestgroesse"/>, the pages' minimum
/// group size): every trace written is identical, apart from its random id, to at least k − 1 others. Method (documented
/// for the Datenschutzbeauftragte in <c>docs/datenschutz-exporte.md</c>):
/// <list type="number">
/// <item><b>Variants.</b> Fälle are grouped by their sequence of activities. A variant with fewer than k Fälle is left out;
/// if the Fälle left out would number 1 to k − 1, the smallest remaining variants are left out with them until they are
/// at least k (as the page's "sonstige Varianten"): every published count, also the one of what was left out, is 0 or ≥ k
/// (if all Fälle together are fewer than k, nothing is written and that count is withheld).</item>
/// <item><b>Attributes.</b> Within a variant, Fälle sharing residence status at intake, age group and Zieldimension I in a
/// group of ≥ k keep all three; the others are grouped by age group and Zieldimension I alone; those still in groups below k
/// carry no attribute. If that last group has 1 to k − 1 Fälle, the smallest attribute group of the variant joins it.</item>
/// <item><b>Time.</b> No date of a Fall is written: per group and step, the lower median of the whole weeks since intake
/// (monotone along the trace, since every Fall's steps are ordered).</item>
/// </list>
/// </summary>
public static class XesAnonymisierung
{
    public static XesAnonymisiert Bilden(IReadOnlyList<XesRohverlauf> verlaeufe, int mindestgroesse)
    {
        ArgumentNullException.ThrowIfNull(verlaeufe);
        ArgumentOutOfRangeException.ThrowIfLessThan(mindestgroesse, 2);
        var varianten = verlaeufe
            .GroupBy(v => Schluessel(v.Aktivitaeten), StringComparer.Ordinal)
            .Select(g => g.ToList())
            .OrderByDescending(g => g.Count).ThenBy(g => Schluessel(g[0].Aktivitaeten), StringComparer.Ordinal)
            .ToList();

        var behalten = varianten.Where(v => v.Count >= mindestgroesse).ToList();
        var ausgelassen = varianten.Count - behalten.Count;
        var ausgelasseneFaelle = varianten.Where(v => v.Count < mindestgroesse).Sum(v => v.Count);
        while (ausgelasseneFaelle is > 0 && ausgelasseneFaelle < mindestgroesse && behalten.Count > 0)
        {
            ausgelasseneFaelle += behalten[^1].Count;
            ausgelassen++;
            behalten.RemoveAt(behalten.Count - 1);
        }

        if (ausgelasseneFaelle is > 0 && ausgelasseneFaelle < mindestgroesse)
        {
            // Nothing is kept and the whole selection is smaller than k (possible for one track's events).
            return new XesAnonymisiert([], null, null);
        }

        var klassen = behalten.SelectMany(v => Verallgemeinern(v, mindestgroesse)).ToList();
        return new XesAnonymisiert(klassen, ausgelasseneFaelle, ausgelassen);
    }

    /// <summary>The whole weeks since intake of a day offset (rounded down, also before intake).</summary>
    public static int Woche(int tageSeitAufnahme) => (int)Math.Floor(tageSeitAufnahme / 7.0);

    private static List<XesKlasse> Verallgemeinern(List<XesRohverlauf> variante, int k)
    {
        // Level 0: all three attributes; level 1: age group and Zieldimension I; level 2: none.
        var gruppen = new List<(int Stufe, XesMerkmale Merkmale, List<XesRohverlauf> Faelle)>();
        var rest = variante;
        foreach (var stufe in new[] { 0, 1 })
        {
            var naechster = new List<XesRohverlauf>();
            foreach (var g in rest.GroupBy(f => Stufe(f.Merkmale, stufe)).OrderByDescending(g => g.Count()).ThenBy(g => Text(g.Key), StringComparer.Ordinal))
            {
                if (g.Count() >= k)
                {
                    gruppen.Add((stufe, g.Key, g.ToList()));
                }
                else
                {
                    naechster.AddRange(g);
                }
            }

            rest = naechster;
        }

        if (rest.Count is > 0 && rest.Count < k)
        {
            // The variant has ≥ k Fälle, so at least one group exists: the smallest (the more general on a tie) joins.
            var kleinste = gruppen.OrderBy(g => g.Faelle.Count).ThenByDescending(g => g.Stufe).First();
            gruppen.Remove(kleinste);
            rest.AddRange(kleinste.Faelle);
        }

        if (rest.Count > 0)
        {
            gruppen.Add((2, XesMerkmale.Keine, rest));
        }

        // A group with an unknown status at level 0 publishes what the same age group at level 1 does: one group.
        return gruppen
            .GroupBy(g => g.Merkmale)
            .Select(g => (Merkmale: g.Key, Faelle: g.SelectMany(x => x.Faelle).ToList()))
            .Select(g => new XesKlasse(g.Faelle[0].Aktivitaeten, Wochen(g.Faelle), g.Merkmale, g.Faelle.Count))
            .ToList();
    }

    private static XesMerkmale Stufe(XesMerkmale m, int stufe) =>
        stufe == 0 ? m : new XesMerkmale(null, m.Altersgruppe, m.ZieldimensionI);

    /// <summary>Per step the lower median of the group's weeks: a value some member has, never a mean of two people.</summary>
    private static int[] Wochen(List<XesRohverlauf> faelle)
    {
        var schritte = faelle[0].Aktivitaeten.Count;
        var wochen = new int[schritte];
        var spalte = new int[faelle.Count];
        for (var i = 0; i < schritte; i++)
        {
            for (var f = 0; f < faelle.Count; f++)
            {
                spalte[f] = Woche(faelle[f].TageSeitAufnahme[i]);
            }

            Array.Sort(spalte);
            wochen[i] = spalte[(spalte.Length - 1) / 2];
        }

        return wochen;
    }

    private static string Schluessel(IReadOnlyList<int> aktivitaeten) =>
        string.Join(',', aktivitaeten.Select(a => a.ToString(CultureInfo.InvariantCulture)));

    private static string Text(XesMerkmale m) => $"{m.AufenthaltsstatusBeiAufnahme}|{m.Altersgruppe}|{m.ZieldimensionI}";
}
