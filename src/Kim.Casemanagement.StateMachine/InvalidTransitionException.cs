namespace Kim.Casemanagement.StateMachine;

/// <summary>Thrown when a trigger is fired that the current state does not permit, or whose guards are not met.</summary>
public sealed class InvalidTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InvalidTransitionException(object state, object trigger, IReadOnlyList<string> unmetGuards)
        : base(BuildMessage(state, trigger, unmetGuards))
    {
        State = state;
        Trigger = trigger;
        UnmetGuards = unmetGuards;
    }

    /// <summary>The state the machine was in.</summary>
    public object State { get; }

    /// <summary>The trigger that was fired.</summary>
    public object Trigger { get; }

    /// <summary>The descriptions of the guards that were not met; empty when the state has no transition for the trigger at all.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>True when the trigger is configured for the state but its guards were not met.</summary>
    public bool IsGuardFailure => UnmetGuards.Count > 0;

    private static string BuildMessage(object state, object trigger, IReadOnlyList<string> unmetGuards) =>
        unmetGuards.Count == 0
            ? $"No valid leaving transitions are permitted from state '{state}' for trigger '{trigger}'."
            : $"Trigger '{trigger}' is valid for transition from state '{state}' but guard conditions are not met: {string.Join("; ", unmetGuards)}.";
}
