namespace Kim.Casemanagement.StateMachine;

/// <summary>The fluent configuration of one state, returned by <see cref="StateMachine{TState, TTrigger}.Configure"/>.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class StateConfiguration<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private static readonly EqualityComparer<TState> StateComparer = EqualityComparer<TState>.Default;

    private readonly StateMachine<TState, TTrigger> _machine;
    private readonly StateRepresentation<TState, TTrigger> _representation;

    internal StateConfiguration(StateMachine<TState, TTrigger> machine, StateRepresentation<TState, TTrigger> representation)
    {
        _machine = machine;
        _representation = representation;
    }

    /// <summary>The state being configured.</summary>
    public TState State => _representation.UnderlyingState;

    /// <summary>Fires of <paramref name="trigger"/> move the machine to <paramref name="destination"/>.</summary>
    public StateConfiguration<TState, TTrigger> Permit(TTrigger trigger, TState destination)
    {
        EnforceNotIdentityTransition(destination);
        _representation.AddTriggerBehaviour(new TransitioningTriggerBehaviour<TState, TTrigger>(trigger, destination, TransitionGuard.Empty));
        return this;
    }

    /// <summary>Like <see cref="Permit"/>, but only while <paramref name="guard"/> holds; <paramref name="guardDescription"/> is reported when it does not.</summary>
    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string? guardDescription = null)
    {
        EnforceNotIdentityTransition(destination);
        _representation.AddTriggerBehaviour(new TransitioningTriggerBehaviour<TState, TTrigger>(trigger, destination, TransitionGuard.From(guard, guardDescription)));
        return this;
    }

    /// <summary>Like <see cref="Permit"/>, but only while every guard holds; each unmet guard's description is reported.</summary>
    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destination, params (Func<bool> Guard, string Description)[] guards)
    {
        EnforceNotIdentityTransition(destination);
        _representation.AddTriggerBehaviour(new TransitioningTriggerBehaviour<TState, TTrigger>(trigger, destination, TransitionGuard.From(guards)));
        return this;
    }

    /// <summary>A guarded transition for a parameterised trigger; the guard sees the argument.</summary>
    public StateConfiguration<TState, TTrigger> PermitIf<TArg0>(TriggerWithParameters<TTrigger, TArg0> trigger, TState destination, Func<TArg0, bool> guard, string? guardDescription = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        EnforceNotIdentityTransition(destination);
        var transitionGuard = TransitionGuard.FromArgs(args => guard(TriggerWithParameters<TTrigger>.Unpack<TArg0>(args, 0)), guardDescription, guard);
        _representation.AddTriggerBehaviour(new TransitioningTriggerBehaviour<TState, TTrigger>(trigger.Trigger, destination, transitionGuard));
        return this;
    }

    /// <summary>A transition for a parameterised trigger guarded by several conditions on the argument.</summary>
    public StateConfiguration<TState, TTrigger> PermitIf<TArg0>(TriggerWithParameters<TTrigger, TArg0> trigger, TState destination, params (Func<TArg0, bool> Guard, string Description)[] guards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        EnforceNotIdentityTransition(destination);
        _representation.AddTriggerBehaviour(new TransitioningTriggerBehaviour<TState, TTrigger>(trigger.Trigger, destination, ArgGuard(guards)));
        return this;
    }

    /// <summary>A guarded transition for a trigger with two arguments.</summary>
    public StateConfiguration<TState, TTrigger> PermitIf<TArg0, TArg1>(TriggerWithParameters<TTrigger, TArg0, TArg1> trigger, TState destination, Func<TArg0, TArg1, bool> guard, string? guardDescription = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        EnforceNotIdentityTransition(destination);
        var transitionGuard = TransitionGuard.FromArgs(
            args => guard(TriggerWithParameters<TTrigger>.Unpack<TArg0>(args, 0), TriggerWithParameters<TTrigger>.Unpack<TArg1>(args, 1)),
            guardDescription,
            guard);
        _representation.AddTriggerBehaviour(new TransitioningTriggerBehaviour<TState, TTrigger>(trigger.Trigger, destination, transitionGuard));
        return this;
    }

    /// <summary>The trigger leaves the state and enters it again: exit and entry actions run.</summary>
    public StateConfiguration<TState, TTrigger> PermitReentry(TTrigger trigger)
    {
        _representation.AddTriggerBehaviour(new ReentryTriggerBehaviour<TState, TTrigger>(trigger, State, TransitionGuard.Empty));
        return this;
    }

    /// <summary>A guarded re-entry.</summary>
    public StateConfiguration<TState, TTrigger> PermitReentryIf(TTrigger trigger, Func<bool> guard, string? guardDescription = null)
    {
        _representation.AddTriggerBehaviour(new ReentryTriggerBehaviour<TState, TTrigger>(trigger, State, TransitionGuard.From(guard, guardDescription)));
        return this;
    }

    /// <summary>A guarded re-entry for a parameterised trigger.</summary>
    public StateConfiguration<TState, TTrigger> PermitReentryIf<TArg0>(TriggerWithParameters<TTrigger, TArg0> trigger, params (Func<TArg0, bool> Guard, string Description)[] guards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        _representation.AddTriggerBehaviour(new ReentryTriggerBehaviour<TState, TTrigger>(trigger.Trigger, State, ArgGuard(guards)));
        return this;
    }

    /// <summary>The destination is chosen when the trigger fires.</summary>
    public StateConfiguration<TState, TTrigger> PermitDynamic(TTrigger trigger, Func<TState> destinationSelector, string? destinationDescription = null, params TState[] possibleDestinations)
    {
        ArgumentNullException.ThrowIfNull(destinationSelector);
        _representation.AddTriggerBehaviour(new DynamicTriggerBehaviour<TState, TTrigger>(
            trigger, _ => destinationSelector(), TransitionGuard.Empty, destinationDescription ?? destinationSelector.Method.Name, possibleDestinations));
        return this;
    }

    /// <summary>A guarded dynamic transition.</summary>
    public StateConfiguration<TState, TTrigger> PermitDynamicIf(TTrigger trigger, Func<TState> destinationSelector, Func<bool> guard, string guardDescription, string? destinationDescription = null, params TState[] possibleDestinations)
    {
        ArgumentNullException.ThrowIfNull(destinationSelector);
        _representation.AddTriggerBehaviour(new DynamicTriggerBehaviour<TState, TTrigger>(
            trigger, _ => destinationSelector(), TransitionGuard.From(guard, guardDescription), destinationDescription ?? destinationSelector.Method.Name, possibleDestinations));
        return this;
    }

    /// <summary>A dynamic transition of a parameterised trigger: the argument chooses the destination.</summary>
    public StateConfiguration<TState, TTrigger> PermitDynamicIf<TArg0>(
        TriggerWithParameters<TTrigger, TArg0> trigger,
        Func<TArg0, TState> destinationSelector,
        string destinationDescription,
        TState[] possibleDestinations,
        params (Func<TArg0, bool> Guard, string Description)[] guards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(destinationSelector);
        _representation.AddTriggerBehaviour(new DynamicTriggerBehaviour<TState, TTrigger>(
            trigger.Trigger,
            args => destinationSelector(TriggerWithParameters<TTrigger>.Unpack<TArg0>(args, 0)),
            ArgGuard(guards),
            destinationDescription,
            possibleDestinations));
        return this;
    }

    /// <summary>The trigger is accepted in this state but changes nothing and runs no action.</summary>
    public StateConfiguration<TState, TTrigger> Ignore(TTrigger trigger)
    {
        _representation.AddTriggerBehaviour(new IgnoredTriggerBehaviour<TState, TTrigger>(trigger, TransitionGuard.Empty));
        return this;
    }

    /// <summary>The trigger is ignored while the guard holds.</summary>
    public StateConfiguration<TState, TTrigger> IgnoreIf(TTrigger trigger, Func<bool> guard, string? guardDescription = null)
    {
        _representation.AddTriggerBehaviour(new IgnoredTriggerBehaviour<TState, TTrigger>(trigger, TransitionGuard.From(guard, guardDescription)));
        return this;
    }

    /// <summary>The trigger runs <paramref name="action"/> without leaving the state: no exit or entry actions.</summary>
    public StateConfiguration<TState, TTrigger> InternalTransition(TTrigger trigger, Action<Transition<TState, TTrigger>> action, string? actionDescription = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        _representation.AddTriggerBehaviour(new InternalTriggerBehaviour<TState, TTrigger>(trigger, action, TransitionGuard.Empty, actionDescription ?? action.Method.Name));
        return this;
    }

    /// <summary>Places this state inside <paramref name="superstate"/>: it inherits the superstate's triggers, and <c>IsInState(superstate)</c> holds.</summary>
    public StateConfiguration<TState, TTrigger> SubstateOf(TState superstate)
    {
        if (StateComparer.Equals(State, superstate))
        {
            throw new ArgumentException($"Configuring '{State}' as a substate of itself creates a cycle.", nameof(superstate));
        }

        var super = _machine.GetRepresentation(superstate);
        if (super.IsIncludedIn(State))
        {
            throw new ArgumentException($"Configuring '{State}' as a substate of '{superstate}' creates a cycle.", nameof(superstate));
        }

        if (_representation.Superstate is not null)
        {
            throw new InvalidOperationException($"State '{State}' already is a substate of '{_representation.Superstate.UnderlyingState}'.");
        }

        _representation.Superstate = super;
        super.AddSubstate(_representation);
        return this;
    }

    /// <summary>Entering this superstate continues at once into <paramref name="target"/>, one of its substates.</summary>
    public StateConfiguration<TState, TTrigger> InitialTransition(TState target)
    {
        if (_representation.HasInitialTransition)
        {
            throw new InvalidOperationException($"State '{State}' already has an initial transition.");
        }

        if (StateComparer.Equals(target, State))
        {
            throw new ArgumentException("An initial transition cannot target the state itself.", nameof(target));
        }

        _representation.SetInitialTransition(target);
        return this;
    }

    /// <summary>Runs whenever the state is entered.</summary>
    public StateConfiguration<TState, TTrigger> OnEntry(Action entryAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(entryAction);
        return OnEntry(_ => entryAction(), description ?? entryAction.Method.Name);
    }

    /// <summary>Runs whenever the state is entered; sees the transition.</summary>
    public StateConfiguration<TState, TTrigger> OnEntry(Action<Transition<TState, TTrigger>> entryAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(entryAction);
        _representation.AddEntryAction(new StateRepresentation<TState, TTrigger>.EntryAction(entryAction, description ?? entryAction.Method.Name, default, false));
        return this;
    }

    /// <summary>Runs when the state is entered through <paramref name="trigger"/>.</summary>
    public StateConfiguration<TState, TTrigger> OnEntryFrom(TTrigger trigger, Action<Transition<TState, TTrigger>> entryAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(entryAction);
        _representation.AddEntryAction(new StateRepresentation<TState, TTrigger>.EntryAction(entryAction, description ?? entryAction.Method.Name, trigger, true));
        return this;
    }

    /// <summary>Runs when the state is entered through the parameterised <paramref name="trigger"/>; sees its argument.</summary>
    public StateConfiguration<TState, TTrigger> OnEntryFrom<TArg0>(TriggerWithParameters<TTrigger, TArg0> trigger, Action<TArg0, Transition<TState, TTrigger>> entryAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(entryAction);
        _representation.AddEntryAction(new StateRepresentation<TState, TTrigger>.EntryAction(
            t => entryAction(TriggerWithParameters<TTrigger>.Unpack<TArg0>(t.Parameters, 0), t),
            description ?? entryAction.Method.Name,
            trigger.Trigger,
            true));
        return this;
    }

    /// <summary>Runs whenever the state is left.</summary>
    public StateConfiguration<TState, TTrigger> OnExit(Action exitAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(exitAction);
        return OnExit(_ => exitAction(), description ?? exitAction.Method.Name);
    }

    /// <summary>Runs whenever the state is left; sees the transition.</summary>
    public StateConfiguration<TState, TTrigger> OnExit(Action<Transition<TState, TTrigger>> exitAction, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(exitAction);
        _representation.AddExitAction(new StateRepresentation<TState, TTrigger>.ExitAction(exitAction, description ?? exitAction.Method.Name));
        return this;
    }

    private static TransitionGuard ArgGuard<TArg0>((Func<TArg0, bool> Guard, string Description)[] guards) =>
        new(guards.Select(g => new GuardCondition(args => g.Guard(TriggerWithParameters<TTrigger>.Unpack<TArg0>(args, 0)), g.Description)).ToArray());

    private void EnforceNotIdentityTransition(TState destination)
    {
        if (StateComparer.Equals(destination, State))
        {
            throw new ArgumentException("Permit() (and PermitIf()) require that the destination state is not equal to the source state. To accept a trigger without changing state, use either Ignore() or PermitReentry().", nameof(destination));
        }
    }
}
