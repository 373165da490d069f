using Kim.Casemanagement.StateMachine.Reflection;

namespace Kim.Casemanagement.StateMachine;

/// <summary>
/// A hierarchical state machine whose state is held outside it (accessor/mutator), so one configuration
/// can sit on a persisted property. The public surface mirrors the Stateless library.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private static readonly EqualityComparer<TState> StateComparer = EqualityComparer<TState>.Default;
    private static readonly object?[] NoArgs = [];

    private readonly Dictionary<TState, StateRepresentation<TState, TTrigger>> _states = [];
    private readonly Dictionary<TTrigger, TriggerWithParameters<TTrigger>> _triggerConfiguration = [];
    private readonly Func<TState> _stateAccessor;
    private readonly Action<TState> _stateMutator;
    private readonly TState _initialState;
    private readonly Queue<(TTrigger Trigger, object?[] Args)> _queue = new();
    private readonly List<Action<Transition<TState, TTrigger>>> _onTransitioned = [];
    private readonly List<Action<Transition<TState, TTrigger>>> _onTransitionCompleted = [];
    private Action<TState, TTrigger, IReadOnlyList<string>> _unhandledTriggerAction = DefaultUnhandledTriggerAction;
    private bool _firing;

    /// <summary>Creates a machine whose state lives outside it.</summary>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Writes a new state.</param>
    /// <param name="firingMode">How nested fires are processed.</param>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator, FiringMode firingMode = FiringMode.Queued)
    {
        _stateAccessor = stateAccessor ?? throw new ArgumentNullException(nameof(stateAccessor));
        _stateMutator = stateMutator ?? throw new ArgumentNullException(nameof(stateMutator));
        _initialState = stateAccessor();
        FiringMode = firingMode;
    }

    /// <summary>Creates a machine that holds its own state.</summary>
    public StateMachine(TState initialState, FiringMode firingMode = FiringMode.Queued)
    {
        var holder = new StateHolder(initialState);
        _stateAccessor = () => holder.Value;
        _stateMutator = s => holder.Value = s;
        _initialState = initialState;
        FiringMode = firingMode;
    }

    /// <summary>How nested fires are processed.</summary>
    public FiringMode FiringMode { get; }

    /// <summary>The current state.</summary>
    public TState State
    {
        get => _stateAccessor();
        private set => _stateMutator(value);
    }

    /// <summary>The triggers that would cause a transition (or an internal action) now, without arguments.</summary>
    public IEnumerable<TTrigger> PermittedTriggers => GetPermittedTriggers();

    private StateRepresentation<TState, TTrigger> CurrentRepresentation => FindRepresentation(State);

    /// <summary>Starts or continues the configuration of a state.</summary>
    public StateConfiguration<TState, TTrigger> Configure(TState state) => new(this, GetRepresentation(state));

    /// <summary>Declares that <paramref name="trigger"/> carries one argument of type <typeparamref name="TArg0"/>.</summary>
    public TriggerWithParameters<TTrigger, TArg0> SetTriggerParameters<TArg0>(TTrigger trigger)
    {
        var configuration = new TriggerWithParameters<TTrigger, TArg0>(trigger);
        SaveTriggerConfiguration(configuration);
        return configuration;
    }

    /// <summary>Declares that <paramref name="trigger"/> carries two arguments.</summary>
    public TriggerWithParameters<TTrigger, TArg0, TArg1> SetTriggerParameters<TArg0, TArg1>(TTrigger trigger)
    {
        var configuration = new TriggerWithParameters<TTrigger, TArg0, TArg1>(trigger);
        SaveTriggerConfiguration(configuration);
        return configuration;
    }

    /// <summary>Fires a trigger without arguments.</summary>
    /// <exception cref="InvalidTransitionException">The current state does not permit the trigger or its guards are not met.</exception>
    public void Fire(TTrigger trigger) => InternalFire(trigger, NoArgs);

    /// <summary>Fires a parameterised trigger.</summary>
    public void Fire<TArg0>(TriggerWithParameters<TTrigger, TArg0> trigger, TArg0 arg0)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        InternalFire(trigger.Trigger, [arg0]);
    }

    /// <summary>Fires a parameterised trigger with two arguments.</summary>
    public void Fire<TArg0, TArg1>(TriggerWithParameters<TTrigger, TArg0, TArg1> trigger, TArg0 arg0, TArg1 arg1)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        InternalFire(trigger.Trigger, [arg0, arg1]);
    }

    /// <summary>True when the trigger may be fired now (without arguments).</summary>
    public bool CanFire(TTrigger trigger) => CanFire(trigger, out _);

    /// <summary>True when the trigger may be fired now; otherwise <paramref name="unmetGuards"/> lists why not (empty when the state does not know the trigger).</summary>
    public bool CanFire(TTrigger trigger, out IReadOnlyList<string> unmetGuards) => InternalCanFire(trigger, NoArgs, out unmetGuards);

    /// <summary>True when the parameterised trigger may be fired now with <paramref name="arg0"/>.</summary>
    public bool CanFire<TArg0>(TriggerWithParameters<TTrigger, TArg0> trigger, TArg0 arg0, out IReadOnlyList<string> unmetGuards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return InternalCanFire(trigger.Trigger, [arg0], out unmetGuards);
    }

    /// <summary>The triggers that would cause a transition (or an internal action) now with the given arguments. Ignored triggers are not listed.</summary>
    public IEnumerable<TTrigger> GetPermittedTriggers(params object?[] args)
    {
        var representation = CurrentRepresentation;
        var result = new List<TTrigger>();
        foreach (var trigger in representation.AllConfiguredTriggers())
        {
            var lookup = representation.FindHandler(trigger, args);
            if (lookup.IsPermitted && lookup.Handler is not IgnoredTriggerBehaviour<TState, TTrigger>)
            {
                result.Add(trigger);
            }
        }

        return result;
    }

    /// <summary>Every trigger the current state (or one of its superstates) is configured for, permitted or not. Use with <c>CanFire</c> to list blocked steps with their reasons.</summary>
    public IEnumerable<TTrigger> GetConfiguredTriggers()
    {
        var representation = CurrentRepresentation;
        foreach (var trigger in representation.AllConfiguredTriggers())
        {
            var behaviours = FindBehaviours(representation, trigger);
            if (behaviours.Any(b => b is not IgnoredTriggerBehaviour<TState, TTrigger>))
            {
                yield return trigger;
            }
        }
    }

    /// <summary>True when the current state is <paramref name="state"/> or lies inside it (a substate of it).</summary>
    public bool IsInState(TState state) => CurrentRepresentation.IsIncludedIn(state);

    /// <summary>Registers an action run after each transition, after exit actions and before entry actions.</summary>
    public void OnTransitioned(Action<Transition<TState, TTrigger>> onTransitionAction)
    {
        ArgumentNullException.ThrowIfNull(onTransitionAction);
        _onTransitioned.Add(onTransitionAction);
    }

    /// <summary>Registers an action run after each transition has completed, after entry actions.</summary>
    public void OnTransitionCompleted(Action<Transition<TState, TTrigger>> onTransitionAction)
    {
        ArgumentNullException.ThrowIfNull(onTransitionAction);
        _onTransitionCompleted.Add(onTransitionAction);
    }

    /// <summary>Replaces the default reaction to an unhandled trigger (which throws <see cref="InvalidTransitionException"/>).</summary>
    public void OnUnhandledTrigger(Action<TState, TTrigger, IReadOnlyList<string>> unhandledTriggerAction) =>
        _unhandledTriggerAction = unhandledTriggerAction ?? throw new ArgumentNullException(nameof(unhandledTriggerAction));

    /// <summary>A static description of the configuration: states, hierarchy, transitions with guard descriptions, actions.</summary>
    public StateMachineInfo GetInfo() => StateMachineInfoBuilder.Build(_states.Values, _initialState);

    /// <inheritdoc />
    public override string ToString() =>
        $"StateMachine {{ State = {State}, PermittedTriggers = {{ {string.Join(", ", GetPermittedTriggers())} }} }}";

    internal StateRepresentation<TState, TTrigger> GetRepresentation(TState state)
    {
        if (!_states.TryGetValue(state, out var representation))
        {
            representation = new StateRepresentation<TState, TTrigger>(state);
            _states.Add(state, representation);
        }

        return representation;
    }

    /// <summary>
    /// The representation of <paramref name="state"/> for use while running: an unconfigured state gets a blank,
    /// unregistered one, so firing and queries never add states (which would change <see cref="GetInfo"/> and the graphs).
    /// </summary>
    private StateRepresentation<TState, TTrigger> FindRepresentation(TState state) =>
        _states.TryGetValue(state, out var representation) ? representation : new StateRepresentation<TState, TTrigger>(state);

    private static List<TriggerBehaviour<TState, TTrigger>> FindBehaviours(StateRepresentation<TState, TTrigger> representation, TTrigger trigger)
    {
        var found = new List<TriggerBehaviour<TState, TTrigger>>();
        for (var s = representation; s is not null; s = s.Superstate)
        {
            if (s.TriggerBehaviours.TryGetValue(trigger, out var list))
            {
                found.AddRange(list);
            }
        }

        return found;
    }

    private static void DefaultUnhandledTriggerAction(TState state, TTrigger trigger, IReadOnlyList<string> unmetGuards) =>
        throw new InvalidTransitionException(state, trigger, unmetGuards);

    private void SaveTriggerConfiguration(TriggerWithParameters<TTrigger> configuration)
    {
        if (!_triggerConfiguration.TryAdd(configuration.Trigger, configuration))
        {
            throw new InvalidOperationException($"Parameters for the trigger '{configuration.Trigger}' have already been configured.");
        }
    }

    private bool InternalCanFire(TTrigger trigger, object?[] args, out IReadOnlyList<string> unmetGuards)
    {
        var lookup = CurrentRepresentation.FindHandler(trigger, args);
        unmetGuards = lookup.UnmetGuards;
        return lookup.IsPermitted;
    }

    private void InternalFire(TTrigger trigger, object?[] args)
    {
        if (_triggerConfiguration.TryGetValue(trigger, out var configuration))
        {
            configuration.ValidateParameters(args);
        }

        if (FiringMode == FiringMode.Immediate)
        {
            InternalFireOne(trigger, args);
            return;
        }

        _queue.Enqueue((trigger, args));
        if (_firing)
        {
            return;
        }

        try
        {
            _firing = true;
            while (_queue.Count > 0)
            {
                var (queuedTrigger, queuedArgs) = _queue.Dequeue();
                InternalFireOne(queuedTrigger, queuedArgs);
            }
        }
        finally
        {
            _queue.Clear();
            _firing = false;
        }
    }

    private void InternalFireOne(TTrigger trigger, object?[] args)
    {
        var source = State;
        var representation = FindRepresentation(source);
        var lookup = representation.FindHandler(trigger, args);
        if (!lookup.IsPermitted)
        {
            _unhandledTriggerAction(source, trigger, lookup.UnmetGuards);
            return;
        }

        switch (lookup.Handler)
        {
            case IgnoredTriggerBehaviour<TState, TTrigger>:
                return;

            case ReentryTriggerBehaviour<TState, TTrigger> reentry:
                HandleReentry(representation, new Transition<TState, TTrigger>(source, reentry.Destination, trigger, args));
                return;

            case DynamicTriggerBehaviour<TState, TTrigger> dynamic:
                var dynamicDestination = dynamic.GetDestination(args);
                if (StateComparer.Equals(dynamicDestination, source))
                {
                    HandleReentry(representation, new Transition<TState, TTrigger>(source, source, trigger, args));
                }
                else
                {
                    HandleTransition(representation, new Transition<TState, TTrigger>(source, dynamicDestination, trigger, args));
                }

                return;

            case TransitioningTriggerBehaviour<TState, TTrigger> transitioning:
                HandleTransition(representation, new Transition<TState, TTrigger>(source, transitioning.Destination, trigger, args));
                return;

            case InternalTriggerBehaviour<TState, TTrigger> internalBehaviour:
                var internalTransition = new Transition<TState, TTrigger>(source, source, trigger, args);
                internalBehaviour.Execute(internalTransition);
                Raise(_onTransitioned, internalTransition);
                Raise(_onTransitionCompleted, internalTransition);
                return;

            default:
                throw new InvalidOperationException($"Unknown trigger behaviour for trigger '{trigger}'.");
        }
    }

    private void HandleReentry(StateRepresentation<TState, TTrigger> current, Transition<TState, TTrigger> transition)
    {
        var destination = FindRepresentation(transition.Destination);
        var reentry = new Transition<TState, TTrigger>(transition.Destination, transition.Destination, transition.Trigger, [.. transition.Parameters]);
        if (!StateComparer.Equals(transition.Source, transition.Destination))
        {
            // Re-entry configured on a superstate while in one of its substates: leave the substates first.
            current.Exit(transition);
        }

        destination.Exit(reentry);
        State = transition.Destination;
        Raise(_onTransitioned, transition);
        destination.Enter(reentry);
        EnterInitialSubstates(destination, transition);
        Raise(_onTransitionCompleted, new Transition<TState, TTrigger>(transition.Source, State, transition.Trigger, [.. transition.Parameters]));
    }

    private void HandleTransition(StateRepresentation<TState, TTrigger> current, Transition<TState, TTrigger> transition)
    {
        current.Exit(transition);
        State = transition.Destination;
        var destination = FindRepresentation(transition.Destination);
        Raise(_onTransitioned, transition);
        destination.Enter(transition);
        EnterInitialSubstates(destination, transition);

        // Report where the machine really is: after initial transitions, or after a nested fire (Immediate mode) moved it on.
        Raise(_onTransitionCompleted, new Transition<TState, TTrigger>(transition.Source, State, transition.Trigger, [.. transition.Parameters]));
    }

    private void EnterInitialSubstates(StateRepresentation<TState, TTrigger> representation, Transition<TState, TTrigger> cause)
    {
        // In Immediate mode an entry action may already have fired the machine into another state;
        // the initial transition of the state it left no longer applies then.
        while (representation.HasInitialTransition && StateComparer.Equals(State, representation.UnderlyingState))
        {
            var target = FindRepresentation(representation.InitialTransitionTarget);
            if (target.Superstate != representation)
            {
                throw new InvalidOperationException(
                    $"The initial transition of '{representation.UnderlyingState}' targets '{target.UnderlyingState}', which is not one of its substates.");
            }

            var initial = new Transition<TState, TTrigger>(representation.UnderlyingState, target.UnderlyingState, cause.Trigger, [.. cause.Parameters], isInitial: true);
            State = target.UnderlyingState;
            Raise(_onTransitioned, initial);
            target.Enter(initial);
            representation = target;
        }
    }

    private static void Raise(List<Action<Transition<TState, TTrigger>>> handlers, Transition<TState, TTrigger> transition)
    {
        foreach (var handler in handlers)
        {
            handler(transition);
        }
    }

    private sealed class StateHolder(TState value)
    {
        public TState Value { get; set; } = value;
    }
}
