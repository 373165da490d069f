namespace Kim.Casemanagement.Domain.Zustandsmaschinen;

/// <summary>
/// A machine's static state facts as typed lookups, computed once from its <see cref="Maschinenbeschreibung"/>: the
/// triggers each state knows (own first, then its superstates'), its superstates, and "is A inside B". Answered
/// without asking a Stateless machine, which would add an unconfigured state to itself when asked about it.
/// </summary>
public sealed class Zustandstabelle<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TState, IReadOnlyList<TTrigger>> _trigger = [];
    private readonly Dictionary<TState, IReadOnlyList<string>> _oberzustaende = [];
    private readonly Dictionary<TState, HashSet<TState>> _innerhalb = [];

    public Zustandstabelle(Maschinenbeschreibung beschreibung)
    {
        ArgumentNullException.ThrowIfNull(beschreibung);
        Beschreibung = beschreibung;
        foreach (var zustand in Enum.GetValues<TState>())
        {
            if (!beschreibung.Kennt(zustand.ToString()))
            {
                continue;
            }

            var z = beschreibung[zustand.ToString()];
            _trigger[zustand] = z.BekannteTrigger.Select(Enum.Parse<TTrigger>).ToArray();
            _oberzustaende[zustand] = z.Oberzustaende.Select(o => o.Name).ToArray();
            _innerhalb[zustand] = [zustand, .. z.Oberzustaende.Select(o => Enum.Parse<TState>(o.Name))];
        }
    }

    public Maschinenbeschreibung Beschreibung { get; }

    /// <summary>The triggers <paramref name="zustand"/> knows: its own first, then its superstates'; empty for a state the machine does not configure.</summary>
    public IReadOnlyList<TTrigger> BekannteTrigger(TState zustand) => _trigger.TryGetValue(zustand, out var t) ? t : [];

    /// <summary>The superstates of <paramref name="zustand"/>, innermost first.</summary>
    public IReadOnlyList<string> Oberzustaende(TState zustand) => _oberzustaende.TryGetValue(zustand, out var o) ? o : [];

    /// <summary>True when <paramref name="zustand"/> is <paramref name="ober"/> or lies inside it.</summary>
    public bool IstIn(TState zustand, TState ober) =>
        _innerhalb.TryGetValue(zustand, out var menge) ? menge.Contains(ober) : EqualityComparer<TState>.Default.Equals(zustand, ober);
}
