namespace Kim.Casemanagement.StateMachine;

/// <summary>The configuration of one state: its triggers, actions and place in the hierarchy.</summary>
internal sealed class StateRepresentation<TState, TTrigger>(TState state)
    where TState : notnull
    where TTrigger : notnull
{
    private static readonly EqualityComparer<TState> StateComparer = EqualityComparer<TState>.Default;

    private readonly Dictionary<TTrigger, List<TriggerBehaviour<TState, TTrigger>>> _triggerBehaviours = [];
    private readonly List<EntryAction> _entryActions = [];
    private readonly List<ExitAction> _exitActions = [];
    private readonly List<StateRepresentation<TState, TTrigger>> _substates = [];

    public TState UnderlyingState { get; } = state;

    public StateRepresentation<TState, TTrigger>? Superstate { get; set; }

    public IReadOnlyList<StateRepresentation<TState, TTrigger>> Substates => _substates;

    public IReadOnlyDictionary<TTrigger, List<TriggerBehaviour<TState, TTrigger>>> TriggerBehaviours => _triggerBehaviours;

    public IReadOnlyList<EntryAction> EntryActions => _entryActions;

    public IReadOnlyList<ExitAction> ExitActions => _exitActions;

    public bool HasInitialTransition { get; private set; }

    public TState InitialTransitionTarget { get; private set; } = default!;

    public void AddTriggerBehaviour(TriggerBehaviour<TState, TTrigger> behaviour)
    {
        if (!_triggerBehaviours.TryGetValue(behaviour.Trigger, out var list))
        {
            list = [];
            _triggerBehaviours.Add(behaviour.Trigger, list);
        }

        list.Add(behaviour);
    }

    public void AddSubstate(StateRepresentation<TState, TTrigger> substate) => _substates.Add(substate);

    public void AddEntryAction(EntryAction action) => _entryActions.Add(action);

    public void AddExitAction(ExitAction action) => _exitActions.Add(action);

    public void SetInitialTransition(TState target)
    {
        HasInitialTransition = true;
        InitialTransitionTarget = target;
    }

    /// <summary>Finds the behaviour for a trigger in this state or, failing that, its superstates (substates override superstates).</summary>
    public TriggerLookup FindHandler(TTrigger trigger, IReadOnlyList<object?> args)
    {
        var local = FindLocalHandler(trigger, args);
        if (local.Handler is not null && local.UnmetGuards.Count == 0)
        {
            return local;
        }

        if (Superstate is not null)
        {
            var super = Superstate.FindHandler(trigger, args);
            if (super.Handler is not null && super.UnmetGuards.Count == 0)
            {
                return super;
            }

            // Report the unmet guards of the nearest state that knows the trigger.
            return local.Handler is not null ? local : super;
        }

        return local;
    }

    private TriggerLookup FindLocalHandler(TTrigger trigger, IReadOnlyList<object?> args)
    {
        if (!_triggerBehaviours.TryGetValue(trigger, out var behaviours) || behaviours.Count == 0)
        {
            return TriggerLookup.None;
        }

        TriggerBehaviour<TState, TTrigger>? permitted = null;
        foreach (var behaviour in behaviours)
        {
            if (!behaviour.GuardConditionsMet(args))
            {
                continue;
            }

            if (permitted is not null)
            {
                throw new InvalidOperationException(
                    $"Multiple permitted exit transitions are configured from state '{UnderlyingState}' for trigger '{trigger}'. Guard clauses must be mutually exclusive.");
            }

            permitted = behaviour;
        }

        if (permitted is not null)
        {
            return new TriggerLookup(permitted, []);
        }

        var unmet = new List<string>();
        foreach (var behaviour in behaviours)
        {
            foreach (var description in behaviour.UnmetGuardConditions(args))
            {
                if (!unmet.Contains(description))
                {
                    unmet.Add(description);
                }
            }
        }

        return new TriggerLookup(behaviours[0], unmet);
    }

    /// <summary>True when this state is the given state or one of its (transitive) substates is.</summary>
    public bool Includes(TState state)
    {
        if (StateComparer.Equals(UnderlyingState, state))
        {
            return true;
        }

        foreach (var substate in _substates)
        {
            if (substate.Includes(state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when this state is the given state or lies inside it (the given state is a superstate).</summary>
    public bool IsIncludedIn(TState state) =>
        StateComparer.Equals(UnderlyingState, state) || (Superstate is not null && Superstate.IsIncludedIn(state));

    public void Enter(Transition<TState, TTrigger> transition)
    {
        if (transition.IsReentry)
        {
            ExecuteEntryActions(transition);
        }
        else if (!Includes(transition.Source))
        {
            if (Superstate is not null && !transition.IsInitial)
            {
                Superstate.Enter(transition);
            }

            ExecuteEntryActions(transition);
        }
    }

    public void Exit(Transition<TState, TTrigger> transition)
    {
        if (transition.IsReentry)
        {
            ExecuteExitActions(transition);
            return;
        }

        if (Includes(transition.Destination))
        {
            // Moving into one of our own substates: we are not left.
            return;
        }

        ExecuteExitActions(transition);
        if (Superstate is not null && !Superstate.Includes(transition.Destination))
        {
            Superstate.Exit(transition);
        }
    }

    private void ExecuteEntryActions(Transition<TState, TTrigger> transition)
    {
        foreach (var action in _entryActions)
        {
            action.Execute(transition);
        }
    }

    private void ExecuteExitActions(Transition<TState, TTrigger> transition)
    {
        foreach (var action in _exitActions)
        {
            action.Execute(transition);
        }
    }

    /// <summary>Every trigger this state or a superstate handles, nearest state first.</summary>
    public IEnumerable<TTrigger> AllConfiguredTriggers()
    {
        var seen = new HashSet<TTrigger>();
        for (var s = this; s is not null; s = s.Superstate)
        {
            foreach (var trigger in s._triggerBehaviours.Keys)
            {
                if (seen.Add(trigger))
                {
                    yield return trigger;
                }
            }
        }
    }

    internal readonly record struct TriggerLookup(TriggerBehaviour<TState, TTrigger>? Handler, IReadOnlyList<string> UnmetGuards)
    {
        public static readonly TriggerLookup None = new(null, []);

        public bool IsPermitted => Handler is not null && UnmetGuards.Count == 0;
    }

    internal sealed class EntryAction(Action<Transition<TState, TTrigger>> action, string description, TTrigger? fromTrigger, bool hasFromTrigger)
    {
        public string Description { get; } = description;

        public TTrigger? FromTrigger { get; } = fromTrigger;

        public bool HasFromTrigger { get; } = hasFromTrigger;

        public void Execute(Transition<TState, TTrigger> transition)
        {
            if (HasFromTrigger && !EqualityComparer<TTrigger>.Default.Equals(transition.Trigger, FromTrigger!))
            {
                return;
            }

            action(transition);
        }
    }

    internal sealed class ExitAction(Action<Transition<TState, TTrigger>> action, string description)
    {
        public string Description { get; } = description;

        public void Execute(Transition<TState, TTrigger> transition) => action(transition);
    }
}
