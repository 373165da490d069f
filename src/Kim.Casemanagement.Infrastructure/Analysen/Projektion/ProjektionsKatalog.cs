using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Analysen.Projektion;

/// <summary>
/// The ids the projection uses for nodes, edges, states, paths, actors and closing reasons. Grows only (an id never changes
/// its meaning), written only by the refresh (one at a time); readers get a frozen copy with each snapshot.
/// </summary>
internal sealed class ProjektionsKatalog
{
    private readonly Dictionary<ProjektionsKnoten, int> _knoten = [];
    private readonly List<ProjektionsKnoten> _knotenListe = [];
    private readonly List<int> _knotenZustand = [];
    private readonly Dictionary<(int Von, int Nach), int> _kanten = [];
    private readonly List<(int Von, int Nach)> _kantenListe = [];
    private readonly Dictionary<(Spur Spur, string Zustand), int> _zustaende = [];
    private readonly List<(Spur Spur, string Zustand)> _zustandListe = [];
    private readonly Dictionary<string, int> _pfade = new(StringComparer.Ordinal);
    private readonly List<string> _pfadListe = [];
    private readonly Dictionary<string, int> _akteure = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _gruende = new(StringComparer.Ordinal);
    private readonly List<string> _grundListe = [];

    public int Knoten(Spur spur, string? gruppe, string zustand)
    {
        var neu = _knotenListe.Count;
        var id = Intern(_knoten, _knotenListe, new ProjektionsKnoten(spur, gruppe, zustand));
        if (id == neu)
        {
            _knotenZustand.Add(Zustand(spur, zustand));
        }

        return id;
    }

    /// <summary>The edge from node <paramref name="von"/> to node <paramref name="nach"/>, or to the end of the trace (-1).</summary>
    public int Kante(int von, int nach) => Intern(_kanten, _kantenListe, (von, nach));

    public int Zustand(Spur spur, string zustand) => Intern(_zustaende, _zustandListe, (spur, zustand));

    public int Pfad(string pfad) => Intern(_pfade, _pfadListe, pfad);

    public int Akteur(string akteur)
    {
        if (!_akteure.TryGetValue(akteur, out var id))
        {
            id = _akteure.Count;
            _akteure.Add(akteur, id);
        }

        return id;
    }

    public int Grund(string merkmal) => Intern(_gruende, _grundListe, merkmal);

    public Eingefroren Einfrieren() => new(
        [.. _knotenListe], [.. _knotenZustand], [.. _kantenListe], [.. _zustandListe], new Dictionary<(Spur, string), int>(_zustaende), [.. _pfadListe], [.. _grundListe]);

    /// <summary>The number of <paramref name="wert"/> in <paramref name="liste"/>, appended (and numbered) on first sight.</summary>
    private static int Intern<T>(Dictionary<T, int> ids, List<T> liste, T wert)
        where T : notnull
    {
        if (!ids.TryGetValue(wert, out var id))
        {
            id = liste.Count;
            ids.Add(wert, id);
            liste.Add(wert);
        }

        return id;
    }

    /// <summary>The catalogue as of one snapshot.</summary>
    internal sealed record Eingefroren(
        ProjektionsKnoten[] Knoten,
        int[] KnotenZustand,
        (int Von, int Nach)[] Kanten,
        (Spur Spur, string Zustand)[] Zustaende,
        Dictionary<(Spur, string), int> ZustandIds,
        string[] Pfade,
        string[] Gruende);
}
