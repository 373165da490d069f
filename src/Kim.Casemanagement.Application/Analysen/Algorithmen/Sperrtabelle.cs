namespace Kim.Casemanagement.Application.Analysen.Algorithmen;

/// <summary>
/// Cell suppression for published aggregates, with secondary suppression against disclosure by difference.
/// <para>
/// Every published count is a cell with its value and the number of distinct Fälle behind it (its carriers).
/// <b>Primary rule:</b> a cell with 0 &lt; carriers &lt; minimum group size is suppressed. A zero is not suppressed (it
/// describes no one).
/// </para>
/// <para>
/// Published cells are tied by additive relations (<see cref="Summe"/>: a total equals the sum of its parts;
/// <see cref="Gleichung"/>: one sum equals another, e.g. stock + outflow = previous stock + inflow). <b>Secondary rule</b>
/// (the standard "no relation with exactly one suppressed cell" rule used for linked tables): a relation in which exactly
/// one member is suppressed would give that member away (total minus the shown parts), so another member is suppressed:
/// the part with the smallest non-zero value (least information lost, and a suppressed zero would protect nothing), else
/// the total, else a zero part. This repeats until every relation has none or at least two suppressed members. Ties go
/// to the cell added first, so the pattern is deterministic.
/// </para>
/// <para>
/// Limits, stated plainly: the rule is a heuristic, not an optimal pattern; with many overlapping relations a determined
/// reader can still narrow a suppressed value to an interval (never to an exact value through a single relation), and it
/// does not protect against differencing between two different requests (see the selection check in the handler).
/// </para>
/// </summary>
public sealed class Sperrtabelle
{
    private readonly List<Eintrag> _zellen = [];
    private readonly List<int[]> _beziehungen = [];
    private Sperrgrund[]? _gruende;

    /// <summary>Number of cells.</summary>
    public int Anzahl => _zellen.Count;

    /// <summary>Adds a cell; returns its id. <paramref name="istSumme"/>: a total or margin (suppressed only when no part can be).</summary>
    public int Zelle(long wert, long traeger, bool istSumme = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wert);
        ArgumentOutOfRangeException.ThrowIfNegative(traeger);
        _gruende = null;
        _zellen.Add(new Eintrag(wert, traeger, istSumme, false));
        return _zellen.Count - 1;
    }

    /// <summary>The total <paramref name="gesamt"/> equals the sum of <paramref name="teile"/>.</summary>
    public void Summe(int gesamt, IEnumerable<int> teile)
    {
        ArgumentNullException.ThrowIfNull(teile);
        Gleichung([gesamt], teile);
    }

    /// <summary>The sum of <paramref name="links"/> equals the sum of <paramref name="rechts"/>.</summary>
    public void Gleichung(IEnumerable<int> links, IEnumerable<int> rechts)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(rechts);
        var mitglieder = links.Concat(rechts).Distinct().ToArray();
        foreach (var id in mitglieder)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _zellen.Count);
        }

        if (mitglieder.Length >= 2)
        {
            _gruende = null;
            _beziehungen.Add(mitglieder);
        }
    }

    /// <summary>Withholds a cell whatever its size (e.g. a figure that is not meaningful for the selection).</summary>
    public void Sperren(int zelle)
    {
        _gruende = null;
        _zellen[zelle] = _zellen[zelle] with { Erzwungen = true };
    }

    /// <summary>Applies the primary and secondary rules; afterwards <see cref="Grund"/> and <see cref="IstGesperrt"/> answer.</summary>
    public void Berechnen(int mindestgroesse)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mindestgroesse, 1);
        var gruende = new Sperrgrund[_zellen.Count];
        for (var i = 0; i < _zellen.Count; i++)
        {
            var z = _zellen[i];
            gruende[i] = z.Erzwungen ? Sperrgrund.Auswahl : z.Traeger > 0 && z.Traeger < mindestgroesse ? Sperrgrund.Primaer : Sperrgrund.Keiner;
        }

        bool geaendert;
        do
        {
            geaendert = false;
            foreach (var beziehung in _beziehungen)
            {
                if (beziehung.Count(id => gruende[id] != Sperrgrund.Keiner) != 1)
                {
                    continue;
                }

                var kandidat = beziehung
                    .Where(id => gruende[id] == Sperrgrund.Keiner)
                    .OrderBy(id => _zellen[id].Wert == 0 ? 2 : _zellen[id].IstSumme ? 1 : 0)
                    .ThenBy(id => _zellen[id].Wert)
                    .ThenBy(id => id)
                    .First();
                gruende[kandidat] = Sperrgrund.Sekundaer;
                geaendert = true;
            }
        }
        while (geaendert);

        _gruende = gruende;
    }

    public Sperrgrund Grund(int zelle) =>
        (_gruende ?? throw new InvalidOperationException("Erst Berechnen aufrufen."))[zelle];

    public bool IstGesperrt(int zelle) => Grund(zelle) != Sperrgrund.Keiner;

    /// <summary>The value, or null when the cell is withheld.</summary>
    public long? Wert(int zelle) => IstGesperrt(zelle) ? null : _zellen[zelle].Wert;

    private readonly record struct Eintrag(long Wert, long Traeger, bool IstSumme, bool Erzwungen);
}
