using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Ergebnisse;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// Turns raw process-map aggregates into the published map. Published counts: the number of traces, every state's
/// entries, every step (including <c>Beginn → state</c> and <c>state → Ende</c>). They are tied by four kinds of relations,
/// all fed to <see cref="Sperrtabelle"/>: traces = Σ starts, traces = Σ ends, and for each state: entries = start + Σ
/// incoming steps = end + Σ outgoing steps. Withheld steps are left out of the graph (the existence of a rare step
/// could point to a person); a withheld state is shown without figures only while a published step still touches it.
/// </summary>
public static class Landkarten
{
    public static Prozesslandkarte Erstellen(LandkartenRohdaten roh, Spur? spur, bool spuruebergreifend, int mindestgroesse) =>
        Sperren(roh, spur, spuruebergreifend, mindestgroesse).Karte;

    /// <summary>The map and the raw steps that survived suppression.</summary>
    internal static (Prozesslandkarte Karte, IReadOnlySet<KanteRoh> Gezeigt) Sperren(LandkartenRohdaten roh, Spur? spur, bool spuruebergreifend, int mindestgroesse)
    {
        ArgumentNullException.ThrowIfNull(roh);
        // In key order: the secondary suppression breaks ties by cell order, which must not depend on the order in which
        // the data port returns its rows (the SQL's is arbitrary; the projection's another one).
        var knoten = roh.Knoten.Where(n => spuruebergreifend || spur is null || n.Spur == spur).OrderBy(n => n.Schluessel, StringComparer.Ordinal).ToList();
        var kanten = roh.Kanten.Where(k => spuruebergreifend || spur is null || k.VonSpur == spur)
            .OrderBy(k => k.VonSchluessel, StringComparer.Ordinal).ThenBy(k => k.NachSchluessel ?? string.Empty, StringComparer.Ordinal).ToList();
        var summe = roh.Summen.FirstOrDefault(s => s.Spur == (spuruebergreifend ? null : spur)) ?? new VerlaufSummeRoh(spur, 0, 0);

        var t = new Sperrtabelle();
        var gesamt = t.Zelle(summe.Verlaeufe, summe.Faelle, istSumme: true);
        var knotenZelle = knoten.ToDictionary(n => n.Schluessel, n => t.Zelle(n.Anzahl, n.Faelle, istSumme: true), StringComparer.Ordinal);
        var startZelle = knoten.Where(n => n.Starts > 0).ToDictionary(n => n.Schluessel, n => t.Zelle(n.Starts, n.StartFaelle), StringComparer.Ordinal);
        var kantenZelle = kanten.ToDictionary(k => k, k => t.Zelle(k.Anzahl, k.Faelle));

        t.Summe(gesamt, startZelle.Values);
        t.Summe(gesamt, kanten.Where(k => k.Nach is null).Select(k => kantenZelle[k]));
        var eingaenge = kanten.Where(k => k.Nach is not null).ToLookup(k => k.NachSchluessel!, StringComparer.Ordinal);
        var ausgaenge = kanten.ToLookup(k => k.VonSchluessel, StringComparer.Ordinal);
        foreach (var n in knoten)
        {
            var schluessel = n.Schluessel;
            var eingang = eingaenge[schluessel].Select(k => kantenZelle[k]);
            t.Summe(knotenZelle[schluessel], startZelle.TryGetValue(schluessel, out var s) ? eingang.Append(s) : eingang);
            t.Summe(knotenZelle[schluessel], ausgaenge[schluessel].Select(k => kantenZelle[k]));
        }

        t.Berechnen(mindestgroesse);

        var ergebnisKanten = new List<ProzessKante>();
        foreach (var n in knoten.Where(n => startZelle.ContainsKey(n.Schluessel) && !t.IstGesperrt(startZelle[n.Schluessel])))
        {
            ergebnisKanten.Add(new ProzessKante(Knotenschluessel.Beginn, n.Schluessel, n.Starts, n.StartFaelle, null, null, false));
        }

        var gezeigt = new HashSet<KanteRoh>();
        foreach (var k in kanten.Where(k => !t.IstGesperrt(kantenZelle[k])))
        {
            gezeigt.Add(k);
            ergebnisKanten.Add(new ProzessKante(k.VonSchluessel, k.NachSchluessel ?? Knotenschluessel.Ende, k.Anzahl, k.Faelle, Runden(k.MedianTage), Runden(k.P80Tage), false));
        }

        var beruehrt = ergebnisKanten.SelectMany(k => new[] { k.Von, k.Nach }).ToHashSet(StringComparer.Ordinal);
        var gesamtGesperrt = t.IstGesperrt(gesamt);
        var ergebnisKnoten = new List<ProzessKnoten>
        {
            new(Knotenschluessel.Beginn, null, null, "Beginn", null, t.Wert(gesamt), gesamtGesperrt ? null : summe.Faelle, null, null, gesamtGesperrt),
        };
        foreach (var n in knoten.OrderBy(n => n.Spur).ThenBy(n => n.Gruppe, StringComparer.Ordinal).ThenBy(n => Reihenfolge(n.Spur, n.Zustand)))
        {
            var zelle = knotenZelle[n.Schluessel];
            var gesperrt = t.IstGesperrt(zelle);
            if (gesperrt && !beruehrt.Contains(n.Schluessel))
            {
                continue;
            }

            ergebnisKnoten.Add(new ProzessKnoten(
                n.Schluessel, n.Spur, n.Zustand, Spurzustaende.Bezeichnung(n.Spur, n.Zustand), Spurzustaende.Zustaendig(n.Spur, n.Gruppe),
                gesperrt ? null : n.Anzahl, gesperrt ? null : n.Faelle, gesperrt ? null : Runden(n.MedianTage), gesperrt ? null : Runden(n.P80Tage), gesperrt));
        }

        ergebnisKnoten.Add(new ProzessKnoten(Knotenschluessel.Ende, null, null, "Ende (aktueller Stand)", null, t.Wert(gesamt), gesamtGesperrt ? null : summe.Faelle, null, null, gesamtGesperrt));
        var karte = new Prozesslandkarte(spuruebergreifend ? null : spur, spuruebergreifend, t.Wert(gesamt), ergebnisKnoten, ergebnisKanten, gesamtGesperrt, null);
        return (karte, gezeigt);
    }

    internal static double? Runden(double? wert) => wert is { } w ? Math.Round(w, 1, MidpointRounding.AwayFromZero) : null;

    private static int Reihenfolge(Spur spur, string zustand)
    {
        var namen = Spurzustaende.Namen(spur);
        for (var i = 0; i < namen.Count; i++)
        {
            if (string.Equals(namen[i], zustand, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
