using Stateless;

namespace Kim.Casemanagement.Domain.Zustandsmaschinen;

/// <summary>
/// The project's thin layer over a <see cref="StateMachine{TState, TTrigger}"/> of the Stateless library (ADR 0005),
/// for machines whose triggers all carry one argument of type <typeparamref name="TArg"/>. It adds only what the
/// product needs and Stateless does not do the same way:
/// <list type="bullet">
/// <item>internal transitions (<see cref="Intern"/>) reach the handlers of <see cref="BeiUebergang"/> like every other
/// transition (Stateless raises <c>OnTransitioned</c> only for transitions that leave a state);</item>
/// <item>the triggers a state knows, own first and then its superstates' (<see cref="Zustandstabelle{TState, TTrigger}.BekannteTrigger"/>;
/// Stateless has no such list), taken from the static <see cref="Maschinenbeschreibung"/>;</item>
/// <item>unmet guard reasons are never null (Stateless gives null for a trigger the state does not know);</item>
/// <item>guards and dynamic targets from plain delegates (Stateless wants tuples and <c>DynamicStateInfos</c>);</item>
/// <item>questions about states answered from the description, so that asking never adds a state to the machine.</item>
/// </list>
/// Code outside this folder configures transitions only through these methods (a test checks that no other code
/// calls Stateless's <c>InternalTransition</c>). Configured once, a machine is only read: it may be shared when its
/// accessors, guards and actions read the entity they are about from the caller's context.
/// </summary>
internal sealed class Zustandsmaschine<TState, TTrigger, TArg>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private static readonly IReadOnlyList<string> KeineGruende = [];

    // One parameterised trigger object per trigger, shared by all instances: the argument's type is fixed by this
    // class's signatures, so the triggers are not registered per machine (SetTriggerParameters would build the same
    // objects again for every Fall).
    private static readonly Dictionary<TTrigger, StateMachine<TState, TTrigger>.TriggerWithParameters<TArg>> Trigger =
        Enum.GetValues<TTrigger>().ToDictionary(t => t, t => new StateMachine<TState, TTrigger>.TriggerWithParameters<TArg>(t));

    private readonly StateMachine<TState, TTrigger> _maschine;
    private readonly Func<TState> _zustand;
    private Action<StateMachine<TState, TTrigger>.Transition>? _beiUebergang;

    public Zustandsmaschine(Func<TState> zustand, Action<TState> setzeZustand)
    {
        _zustand = zustand;
        // Immediate mode: the queued mode keeps a queue and a flag in the machine while it fires, the immediate mode keeps
        // nothing between the accessor calls, so one configured machine can serve many Fälle whose state the accessors
        // read from the caller's context (ADR 0005; a contract test fires one machine from several threads).
        _maschine = new StateMachine<TState, TTrigger>(zustand, setzeZustand, FiringMode.Immediate);
        _maschine.OnTransitioned(t => _beiUebergang?.Invoke(t));
    }

    /// <summary>The current state (read from the persisted property).</summary>
    public TState Zustand => _zustand();

    /// <summary>Configures a state: hierarchy (<c>SubstateOf</c>), entry and exit actions, plain <c>Permit</c>s.</summary>
    public StateMachine<TState, TTrigger>.StateConfiguration Konfigurieren(TState zustand) => _maschine.Configure(zustand);

    /// <summary>The parameterised trigger, for <c>OnEntryFrom</c>.</summary>
    public static StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> T(TTrigger trigger) => Trigger[trigger];

    /// <summary>Runs after every transition, internal ones included: after exit actions, before entry actions.</summary>
    public void BeiUebergang(Action<StateMachine<TState, TTrigger>.Transition> handler) => _beiUebergang += handler;

    /// <summary><paramref name="trigger"/> leads from <paramref name="zustand"/> to <paramref name="ziel"/> when every guard holds (each with its German reason).</summary>
    public void Erlaube(TState zustand, TTrigger trigger, TState ziel, IReadOnlyList<(Func<TArg, bool> Guard, string Beschreibung)> guards)
    {
        ArgumentNullException.ThrowIfNull(guards);
        var config = _maschine.Configure(zustand);
        if (guards.Count == 0)
        {
            config.Permit(trigger, ziel);
        }
        else
        {
            config.PermitIf(T(trigger), ziel, guards.Select(g => Tuple.Create(g.Guard, g.Beschreibung)).ToArray());
        }
    }

    /// <summary>The destination is chosen when the trigger fires, among the <paramref name="moeglicheZiele"/> (listed for diagrams).</summary>
    public void ErlaubeDynamisch(TState zustand, TTrigger trigger, Func<TArg, TState> ziel, string beschreibung, IReadOnlyList<TState> moeglicheZiele)
    {
        ArgumentNullException.ThrowIfNull(moeglicheZiele);
        var infos = new Stateless.Reflection.DynamicStateInfos();
        foreach (var z in moeglicheZiele)
        {
            infos.Add(z, beschreibung);
        }

        _maschine.Configure(zustand).PermitDynamicIf(T(trigger), ziel, infos, Array.Empty<Tuple<Func<TArg, bool>, string>>());
    }

    /// <summary>
    /// An internal transition: the state stays, <paramref name="aktion"/> runs, and then the handlers of
    /// <see cref="BeiUebergang"/> see a transition from the state to itself, as for every other step.
    /// </summary>
    public void Intern(TState zustand, TTrigger trigger, Action<TArg> aktion)
    {
        ArgumentNullException.ThrowIfNull(aktion);
        _maschine.Configure(zustand).InternalTransition(T(trigger), (arg, t) =>
        {
            aktion(arg);
            _beiUebergang?.Invoke(t);
        });
    }

    /// <summary>True when the trigger may fire now with <paramref name="arg"/>; otherwise the unmet guards' reasons (empty, never null, when the state does not know the trigger).</summary>
    public bool KannFeuern(TTrigger trigger, TArg arg, out IReadOnlyList<string> gruende)
    {
        var kann = _maschine.CanFire(T(trigger), arg, out var unerfuellt);
        gruende = unerfuellt is null || unerfuellt.Count == 0 ? KeineGruende : unerfuellt.ToArray();
        return kann;
    }

    /// <summary>Fires the trigger (the caller has checked <see cref="KannFeuern"/>).</summary>
    public void Feuern(TTrigger trigger, TArg arg) => _maschine.Fire(T(trigger), arg);

    /// <summary>The static description of this machine's configuration (Stateless's reflection).</summary>
    public Stateless.Reflection.StateMachineInfo Info() => _maschine.GetInfo();
}
