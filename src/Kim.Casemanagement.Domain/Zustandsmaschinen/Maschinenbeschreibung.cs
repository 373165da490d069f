using Stateless.Reflection;

namespace Kim.Casemanagement.Domain.Zustandsmaschinen;

/// <summary>
/// The static description of one machine's configuration, read once from Stateless's reflection
/// (<see cref="StateMachineInfo"/>) and kept: states in configuration order with their hierarchy, entry and exit
/// actions, transitions with their guards' German descriptions, and what code needs from that: the triggers a state
/// knows (own first, then its superstates'), its superstates, its leaves. Diagrams (<see cref="MermaidGraph"/>,
/// <see cref="UmlDotGraph"/>) and the track registry's state sets are made from it.
/// </summary>
public sealed class Maschinenbeschreibung
{
    private readonly Dictionary<string, Zustandsbeschreibung> _nachName;

    private Maschinenbeschreibung(IReadOnlyList<Zustandsbeschreibung> zustaende, string anfang)
    {
        Zustaende = zustaende;
        _nachName = zustaende.ToDictionary(z => z.Name, StringComparer.Ordinal);
        Anfang = anfang;
    }

    /// <summary>Every state, in the order the machine configured them.</summary>
    public IReadOnlyList<Zustandsbeschreibung> Zustaende { get; }

    /// <summary>The name of the state the described machine stood in when it was built.</summary>
    public string Anfang { get; }

    /// <summary>The states without substates.</summary>
    public IEnumerable<Zustandsbeschreibung> Blaetter => Zustaende.Where(z => z.Unterzustaende.Count == 0);

    /// <summary>The described state of that name; throws for a name the machine does not have.</summary>
    public Zustandsbeschreibung this[string name] =>
        _nachName.TryGetValue(name, out var z) ? z : throw new KeyNotFoundException($"The machine has no state '{name}'.");

    /// <summary>True when the machine has a state of that name.</summary>
    public bool Kennt(string name) => _nachName.ContainsKey(name);

    /// <summary>Reads Stateless's description of a machine.</summary>
    public static Maschinenbeschreibung Aus(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var infos = info.States.ToList();
        var zustaende = infos.Select(s => new Zustandsbeschreibung(Name(s.UnderlyingState))).ToList();
        var nachName = zustaende.ToDictionary(z => z.Name, StringComparer.Ordinal);
        Zustandsbeschreibung Zu(string name) =>
            nachName.TryGetValue(name, out var z) ? z : throw new InvalidOperationException($"State '{name}' is a destination but not configured.");

        for (var i = 0; i < infos.Count; i++)
        {
            var s = infos[i];
            var eintritt = s.EntryActions.Select(a => a.Method.Description).ToArray();
            var austritt = s.ExitActions.Select(a => a.Description).ToArray();
            var kanten = new List<Kante>();
            var intern = new List<Kante>();
            var trigger = new List<string>();
            foreach (var t in s.FixedTransitions)
            {
                trigger.Add(Name(t.Trigger.UnderlyingTrigger));
                // The layer configures internal transitions without guards; Stateless gives each an always-true guard
                // (described as "Function"), which is no condition for a reader.
                var bedingungen = t.IsInternalTransition ? [] : Bedingungen(t);
                var kante = new Kante(Name(t.Trigger.UnderlyingTrigger), Zu(Name(t.DestinationState.UnderlyingState)), bedingungen, t.IsInternalTransition, false);
                (t.IsInternalTransition ? intern : kanten).Add(kante);
            }

            foreach (var t in s.DynamicTransitions)
            {
                trigger.Add(Name(t.Trigger.UnderlyingTrigger));
                foreach (var ziel in t.PossibleDestinationStates)
                {
                    kanten.Add(new Kante(Name(t.Trigger.UnderlyingTrigger), Zu(ziel.DestinationState), Bedingungen(t), false, true));
                }
            }

            zustaende[i].Setzen(
                s.Superstate is null ? null : Zu(Name(s.Superstate.UnderlyingState)),
                s.Substates.Select(u => Zu(Name(u.UnderlyingState))).ToArray(),
                eintritt,
                austritt,
                [.. kanten, .. intern],
                trigger.Distinct(StringComparer.Ordinal).ToArray());
        }

        return new Maschinenbeschreibung(zustaende, Name(info.InitialState.UnderlyingState));
    }

    private static string[] Bedingungen(TransitionInfo t) =>
        t.GuardConditionsMethodDescriptions?.Select(g => g.Description).ToArray() ?? [];

    private static string Name(object wert) => wert.ToString() ?? string.Empty;
}

/// <summary>One state of a <see cref="Maschinenbeschreibung"/>.</summary>
public sealed class Zustandsbeschreibung
{
    private IReadOnlyList<string>? _bekannteTrigger;

    internal Zustandsbeschreibung(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public Zustandsbeschreibung? Oberzustand { get; private set; }

    public IReadOnlyList<Zustandsbeschreibung> Unterzustaende { get; private set; } = [];

    /// <summary>Descriptions of the entry actions, in configuration order.</summary>
    public IReadOnlyList<string> Eintritt { get; private set; } = [];

    /// <summary>Descriptions of the exit actions, in configuration order.</summary>
    public IReadOnlyList<string> Austritt { get; private set; } = [];

    /// <summary>The transitions configured on this state itself: fixed and dynamic ones first (a dynamic one once per possible destination), internal ones last.</summary>
    public IReadOnlyList<Kante> Kanten { get; private set; } = [];

    /// <summary>The superstates, innermost first.</summary>
    public IEnumerable<Zustandsbeschreibung> Oberzustaende
    {
        get
        {
            for (var s = Oberzustand; s is not null; s = s.Oberzustand)
            {
                yield return s;
            }
        }
    }

    /// <summary>The triggers configured on this state itself, in configuration order (Stateless lists a dynamic transition after the others).</summary>
    public IReadOnlyList<string> EigeneTrigger { get; private set; } = [];

    /// <summary>The triggers this state knows: its own first, then each superstate's, each once.</summary>
    public IReadOnlyList<string> BekannteTrigger => _bekannteTrigger ??=
        new[] { this }.Concat(Oberzustaende).SelectMany(s => s.EigeneTrigger).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>This state and every state inside it.</summary>
    public IEnumerable<Zustandsbeschreibung> MitUnterzustaenden => new[] { this }.Concat(Unterzustaende.SelectMany(u => u.MitUnterzustaenden));

    /// <summary>The states without substates inside this one (the state itself if it has none).</summary>
    public IEnumerable<Zustandsbeschreibung> Blaetter => MitUnterzustaenden.Where(z => z.Unterzustaende.Count == 0);

    /// <summary>True when this state is <paramref name="zustand"/> or lies inside it.</summary>
    public bool IstIn(Zustandsbeschreibung zustand)
    {
        for (var s = this; s is not null; s = s.Oberzustand)
        {
            if (ReferenceEquals(s, zustand))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Name;

    internal void Setzen(Zustandsbeschreibung? oberzustand, IReadOnlyList<Zustandsbeschreibung> unterzustaende, IReadOnlyList<string> eintritt, IReadOnlyList<string> austritt, IReadOnlyList<Kante> kanten, IReadOnlyList<string> eigeneTrigger)
    {
        EigeneTrigger = eigeneTrigger;
        Oberzustand = oberzustand;
        Unterzustaende = unterzustaende;
        Eintritt = eintritt;
        Austritt = austritt;
        Kanten = kanten;
    }
}

/// <summary>A transition of a described state: its trigger, destination and the German descriptions of its guards.</summary>
public sealed record Kante(string Trigger, Zustandsbeschreibung Ziel, IReadOnlyList<string> Bedingungen, bool Intern, bool Dynamisch);
