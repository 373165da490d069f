namespace Kim.Casemanagement.StateMachine;

/// <summary>What a state does with one trigger: transition, re-enter, ignore, choose a destination at run time, or act internally.</summary>
internal abstract class TriggerBehaviour<TState, TTrigger>(TTrigger trigger, TransitionGuard guard)
    where TState : notnull
    where TTrigger : notnull
{
    public TTrigger Trigger { get; } = trigger;

    public TransitionGuard Guard { get; } = guard;

    public bool GuardConditionsMet(IReadOnlyList<object?> args) => Guard.AreMet(args);

    public IReadOnlyList<string> UnmetGuardConditions(IReadOnlyList<object?> args) => Guard.UnmetDescriptions(args);
}

internal sealed class TransitioningTriggerBehaviour<TState, TTrigger>(TTrigger trigger, TState destination, TransitionGuard guard)
    : TriggerBehaviour<TState, TTrigger>(trigger, guard)
    where TState : notnull
    where TTrigger : notnull
{
    public TState Destination { get; } = destination;
}

internal sealed class ReentryTriggerBehaviour<TState, TTrigger>(TTrigger trigger, TState destination, TransitionGuard guard)
    : TriggerBehaviour<TState, TTrigger>(trigger, guard)
    where TState : notnull
    where TTrigger : notnull
{
    public TState Destination { get; } = destination;
}

internal sealed class IgnoredTriggerBehaviour<TState, TTrigger>(TTrigger trigger, TransitionGuard guard)
    : TriggerBehaviour<TState, TTrigger>(trigger, guard)
    where TState : notnull
    where TTrigger : notnull;

internal sealed class DynamicTriggerBehaviour<TState, TTrigger>(
    TTrigger trigger,
    Func<IReadOnlyList<object?>, TState> destination,
    TransitionGuard guard,
    string destinationDescription,
    IReadOnlyList<TState> possibleDestinations)
    : TriggerBehaviour<TState, TTrigger>(trigger, guard)
    where TState : notnull
    where TTrigger : notnull
{
    public string DestinationDescription { get; } = destinationDescription;

    public IReadOnlyList<TState> PossibleDestinations { get; } = possibleDestinations;

    public TState GetDestination(IReadOnlyList<object?> args) => destination(args);
}

internal sealed class InternalTriggerBehaviour<TState, TTrigger>(
    TTrigger trigger,
    Action<Transition<TState, TTrigger>> action,
    TransitionGuard guard,
    string actionDescription)
    : TriggerBehaviour<TState, TTrigger>(trigger, guard)
    where TState : notnull
    where TTrigger : notnull
{
    public string ActionDescription { get; } = actionDescription;

    public void Execute(Transition<TState, TTrigger> transition) => action(transition);
}
