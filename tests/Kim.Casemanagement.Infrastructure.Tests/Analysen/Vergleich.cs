using System.Globalization;
using Kim.Casemanagement.Application.Analysen.Rohdaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>Raw analysis results as sorted lines, so that the SQL and the reference algorithms can be compared whole.</summary>
internal static class Vergleich
{
    public static List<string> Zeilen(LandkartenRohdaten karte) =>
        karte.Knoten.Select(k => $"K {k.Schluessel} {k.Anzahl} {k.Faelle} {k.Starts} {k.StartFaelle} {Z(k.MedianTage)} {Z(k.P80Tage)}")
            .Concat(karte.Kanten.Select(k =>
                $"E {k.VonSchluessel}>{k.NachSchluessel ?? "Ende"} {k.Anzahl} {k.Faelle} {Z(k.MedianTage)} {Z(k.P80Tage)} {k.Offen} {k.OffenFaelle} {Z(k.OffenMedianTage)} {Z(k.OffenP80Tage)}"))
            .Concat(karte.Summen.Select(s => $"S {s.Spur} {s.Verlaeufe} {s.Faelle}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static List<string> Zeilen(VariantenRohdaten v) =>
        [$"S {v.Anzahl} {v.Faelle} {v.Varianten}", .. v.Haeufigste.Select(x => $"V {string.Join('>', x.Zustaende)} {x.Anzahl} {x.Faelle} {Z(x.MedianTage)}")];

    public static List<string> Zeilen(KonformitaetsRohdaten k) =>
        k.Anteile.Select(a => $"A {a.Spur} {a.Faelle} {a.Konform}")
            .Concat(k.Abweichungen.Select(a => $"X {a.Spur} {a.Von}>{a.Nach} {a.Anzahl} {a.Faelle}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Z(double? wert) => wert is { } w ? Math.Round(w, 6).ToString(CultureInfo.InvariantCulture) : "-";
}
