using Kim.Casemanagement.Application.Analysen.Ergebnisse;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>Every analysis result as tables with German headers (for CSV). A withheld figure is the text <see cref="AnalyseTabelle.Gesperrt"/>.</summary>
public static class AnalyseTabellen
{
    public static readonly IReadOnlyList<string> Namen =
    [
        "prozesslandkarte-knoten", "prozesslandkarte-kanten", "varianten", "dauern", "dauern-kurven",
        "konformitaet", "abweichungen", "engpaesse", "kennzahlen", "beendigungsgruende", "themen",
    ];

    public static AnalyseTabelle Knoten(Prozesslandkarte karte)
    {
        ArgumentNullException.ThrowIfNull(karte);
        return new AnalyseTabelle(
            "prozesslandkarte-knoten",
            ["Knoten", "Spur", "Zustand", "Bezeichnung", "Zuständig", "Eintritte", "Fälle", "Median Verweildauer (Tage)", "80. Perzentil Verweildauer (Tage)"],
            karte.Knoten.Select(k => Zeile(k.Id, k.Spur?.ToString(), k.Zustand, k.Bezeichnung, k.Zustaendig, Z(k.Anzahl, k.Gesperrt), Z(k.Faelle, k.Gesperrt), k.MedianVerweildauerTage, k.P80VerweildauerTage)).ToList());
    }

    public static AnalyseTabelle Kanten(Prozesslandkarte karte)
    {
        ArgumentNullException.ThrowIfNull(karte);
        return new AnalyseTabelle(
            "prozesslandkarte-kanten",
            ["Von", "Nach", "Anzahl", "Fälle", "Median (Tage)", "80. Perzentil (Tage)"],
            karte.Kanten.Select(k => Zeile(k.Von, k.Nach, Z(k.Anzahl, k.Gesperrt), Z(k.Faelle, k.Gesperrt), k.MedianTage, k.P80Tage)).ToList());
    }

    public static AnalyseTabelle Varianten(Variantenanalyse analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        var zeilen = analyse.Varianten
            .Select(v => Zeile(v.Rang, v.Spur.ToString(), string.Join(" → ", v.Bezeichnungen), v.Verlaeufe, v.Faelle, v.Anteil, v.MedianDurchlaufzeitTage))
            .ToList();
        if (!analyse.Gesperrt)
        {
            zeilen.Add(Zeile(null, analyse.Spur.ToString(), "Sonstige Varianten", Z(analyse.Sonstige.Verlaeufe, analyse.Sonstige.Gesperrt), null, analyse.Sonstige.Anteil, null));
        }

        return new AnalyseTabelle("varianten", ["Rang", "Spur", "Verlauf", "Verläufe", "Fälle", "Anteil", "Median Durchlaufzeit (Tage)"], zeilen);
    }

    public static AnalyseTabelle Dauern(Dauernanalyse analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return new AnalyseTabelle(
            "dauern",
            ["Meilenstein", "Bezeichnung", "Fälle", "erreicht", "zensiert (offen oder beendet)", "Median Kaplan-Meier (Tage)", "naiver Median nur erreichter Fälle (Tage)"],
            analyse.Meilensteine.Select(m => Zeile(m.Schluessel, m.Bezeichnung, Z(m.Faelle), Z(m.Erreicht), Z(m.Zensiert), m.MedianKaplanMeierTage, m.NaiverMedianTage)).ToList());
    }

    public static AnalyseTabelle Kurven(Dauernanalyse analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return new AnalyseTabelle(
            "dauern-kurven",
            ["Meilenstein", "Tage", "Anteil noch nicht erreicht", "unter Beobachtung"],
            analyse.Meilensteine.SelectMany(m => m.Kurve.Select(p => Zeile(m.Schluessel, p.Tage, p.Ueberleben, p.UnterRisiko))).ToList());
    }

    public static AnalyseTabelle Konformitaet(Abweichungsanalyse analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return new AnalyseTabelle(
            "konformitaet",
            ["Spur", "Fälle", "folgen dem Idealverlauf", "weichen ab", "Anteil Idealverlauf"],
            analyse.Anteile.Select(a => Zeile(a.Bezeichnung, Z(a.Faelle), Z(a.Konform), Z(a.Abweichend), a.Anteil)).ToList());
    }

    public static AnalyseTabelle Abweichungen(Abweichungsanalyse analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return new AnalyseTabelle(
            "abweichungen",
            ["Spur", "Von", "Nach", "Fälle", "Anzahl", "Anteil der Fälle der Spur"],
            analyse.Abweichungen.Select(a => Zeile(a.Spur.ToString(), a.VonBezeichnung, a.NachBezeichnung, a.Faelle, a.Anzahl, a.AnteilDerFaelle)).ToList());
    }

    public static AnalyseTabelle Engpaesse(Abweichungsanalyse analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return new AnalyseTabelle(
            "engpaesse",
            ["Zuständig", "Spur", "wartet in", "weiter nach", "Fälle", "Median (Tage)", "80. Perzentil (Tage)"],
            analyse.Engpaesse.Select(e => Zeile(e.Zustaendig, e.Spur.ToString(), e.Bezeichnung, e.NochWartend ? "(wartet noch)" : e.NachBezeichnung, e.Faelle, e.MedianTage, e.P80Tage)).ToList());
    }

    public static AnalyseTabelle Kennzahlen(Kennzahlenanalyse analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return new AnalyseTabelle(
            "kennzahlen",
            ["Quartal", "neu", "wieder aufgenommen", "beendet", "aktiv (Quartalsende)", "ruhend (Quartalsende)", "offen (Quartalsende)", "Vollzeitstellen", "offene Fälle je Vollzeitstelle"],
            analyse.Quartale.Select(q => Zeile(q.Bezeichnung, Z(q.Neu), Z(q.Wiederaufnahmen), Z(q.Beendet), Z(q.Aktiv), Z(q.Ruhend), Z(q.Offen), q.Vollzeitstellen, q.FaelleJeVollzeitstelle)).ToList());
    }

    public static AnalyseTabelle Beendigungsgruende(Kennzahlenanalyse analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return new AnalyseTabelle(
            "beendigungsgruende",
            ["Quartal", "Art", "Grund", "Anzahl"],
            analyse.Quartale.SelectMany(q => q.Gruende.Select(g => Zeile(q.Bezeichnung, g.Art, g.Bezeichnung, Z(g.Anzahl)))).ToList());
    }

    public static AnalyseTabelle Themen(Themenuebersicht uebersicht)
    {
        ArgumentNullException.ThrowIfNull(uebersicht);
        return new AnalyseTabelle(
            "themen",
            ["Kategorie", "offen", "in der Lenkungsgruppe", "erledigt", "gesamt"],
            uebersicht.Zeilen.Select(z => Zeile(z.Bezeichnung, Z(z.Offen), Z(z.InLenkungsgruppe), Z(z.Erledigt), Z(z.Gesamt))).ToList());
    }

    private static object? Z(GeschuetzteZahl zahl) => zahl.Gesperrt ? AnalyseTabelle.Gesperrt : zahl.Wert;

    private static object? Z(long? wert, bool gesperrt) => gesperrt ? AnalyseTabelle.Gesperrt : wert;

    private static object?[] Zeile(params object?[] zellen) => zellen;
}
