using System.Globalization;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;

namespace Kim.Casemanagement.Web.Pages.Analysen;

/// <summary>
/// Lays out a process map as an SVG graph, server-side: layers by breadth-first distance from <c>Beginn</c> (left to
/// right), <c>Ende</c> in the last layer, nodes stacked within their layer; edges as curves whose width grows with the
/// number of Fälle. The page's table alternative shows the same figures.
/// </summary>
public sealed class ProzessGraph
{
    public const int KnotenBreite = 170;
    public const int KnotenHoehe = 44;
    private const int Spaltenabstand = 250;
    private const int Zeilenabstand = 80;
    private const int Rand = 20;

    private ProzessGraph(IReadOnlyList<GraphKnoten> knoten, IReadOnlyList<GraphKante> kanten, int breite, int hoehe)
    {
        Knoten = knoten;
        Kanten = kanten;
        Breite = breite;
        Hoehe = hoehe;
    }

    public IReadOnlyList<GraphKnoten> Knoten { get; }

    public IReadOnlyList<GraphKante> Kanten { get; }

    public int Breite { get; }

    public int Hoehe { get; }

    public static ProzessGraph Aus(Prozesslandkarte karte)
    {
        ArgumentNullException.ThrowIfNull(karte);
        var ids = karte.Knoten.Select(k => k.Id).ToList();
        var nachfolger = karte.Kanten.GroupBy(k => k.Von, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(k => k.Nach).ToList(), StringComparer.Ordinal);
        var ebene = new Dictionary<string, int>(StringComparer.Ordinal);
        var beginn = karte.Knoten.FirstOrDefault(k => k.Spur is null && k.Zustand is null)?.Id;
        var ende = karte.Knoten.LastOrDefault(k => k.Spur is null && k.Zustand is null)?.Id;
        if (beginn is not null)
        {
            var schlange = new Queue<string>();
            ebene[beginn] = 0;
            schlange.Enqueue(beginn);
            while (schlange.Count > 0)
            {
                var id = schlange.Dequeue();
                foreach (var n in nachfolger.GetValueOrDefault(id) ?? [])
                {
                    if (n != ende && ebene.TryAdd(n, ebene[id] + 1))
                    {
                        schlange.Enqueue(n);
                    }
                }
            }
        }

        var letzte = ebene.Count == 0 ? 0 : ebene.Values.Max();
        foreach (var id in ids.Where(i => !ebene.ContainsKey(i) && i != ende))
        {
            ebene[id] = Math.Max(1, letzte);
        }

        if (ende is not null)
        {
            ebene[ende] = ebene.Values.DefaultIfEmpty(0).Max() + 1;
        }

        var maxFaelle = Math.Max(1, karte.Kanten.Select(k => k.Faelle ?? 0L).DefaultIfEmpty(0).Max());
        var position = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        var knoten = new List<GraphKnoten>();
        foreach (var gruppe in karte.Knoten.GroupBy(k => ebene[k.Id]).OrderBy(g => g.Key))
        {
            var zeile = 0;
            foreach (var k in gruppe)
            {
                var x = Rand + (gruppe.Key * Spaltenabstand);
                var y = Rand + (zeile++ * Zeilenabstand);
                position[k.Id] = (x, y);
                knoten.Add(new GraphKnoten(k, x, y));
            }
        }

        var kanten = new List<GraphKante>();
        foreach (var kante in karte.Kanten.Where(k => position.ContainsKey(k.Von) && position.ContainsKey(k.Nach)))
        {
            var (x1, y1) = position[kante.Von];
            var (x2, y2) = position[kante.Nach];
            var vorwaerts = x2 > x1;
            var sx = vorwaerts ? x1 + KnotenBreite : x1 + (KnotenBreite / 2);
            var sy = vorwaerts ? y1 + (KnotenHoehe / 2) : y1 + KnotenHoehe;
            var ex = vorwaerts ? x2 : x2 + (KnotenBreite / 2);
            var ey = vorwaerts ? y2 + (KnotenHoehe / 2) : y2 + KnotenHoehe;
            var (cx, cy) = vorwaerts ? ((sx + ex) / 2, ((sy + ey) / 2) - 20) : ((sx + ex) / 2, Math.Max(sy, ey) + 40);
            var breite = 1 + (5.0 * (kante.Faelle ?? 0) / maxFaelle);
            var pfad = string.Create(CultureInfo.InvariantCulture, $"M {sx} {sy} Q {cx} {cy} {ex} {ey}");
            var lx = (sx + (2 * cx) + ex) / 4;
            var ly = ((sy + (2 * cy) + ey) / 4) - 4;
            kanten.Add(new GraphKante(kante, pfad, Math.Round(breite, 1), lx, ly));
        }

        var breiteGesamt = Rand + ((ebene.Values.DefaultIfEmpty(0).Max() + 1) * Spaltenabstand);
        var hoeheGesamt = Rand + (Math.Max(1, knoten.GroupBy(k => k.X).Select(g => g.Count()).DefaultIfEmpty(1).Max()) * Zeilenabstand) + 60;
        return new ProzessGraph(knoten, kanten, breiteGesamt, hoeheGesamt);
    }
}

/// <summary>A node of the laid-out map (top-left corner).</summary>
public sealed record GraphKnoten(ProzessKnoten Knoten, int X, int Y);

/// <summary>An edge of the laid-out map: SVG path, stroke width, label position.</summary>
public sealed record GraphKante(ProzessKante Kante, string Pfad, double Breite, int LabelX, int LabelY);
