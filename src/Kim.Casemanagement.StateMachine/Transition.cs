namespace Kim.Casemanagement.StateMachine;

/// <summary>Describes one state transition: where from, where to, and what caused it.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class Transition<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private static readonly object?[] NoParameters = [];

    /// <summary>Creates a transition.</summary>
    public Transition(TState source, TState destination, TTrigger trigger, object?[]? parameters = null, bool isInitial = false)
    {
        Source = source;
        Destination = destination;
        Trigger = trigger;
        Parameters = parameters ?? NoParameters;
        IsInitial = isInitial;
    }

    /// <summary>The state left.</summary>
    public TState Source { get; }

    /// <summary>The state entered.</summary>
    public TState Destination { get; }

    /// <summary>The trigger that caused the transition.</summary>
    public TTrigger Trigger { get; }

    /// <summary>The arguments the trigger was fired with (empty for plain triggers).</summary>
    public IReadOnlyList<object?> Parameters { get; }

    /// <summary>True when source and destination are the same state (re-entry or internal transition).</summary>
    public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);

    /// <summary>True for the automatic step from a superstate into its initial substate.</summary>
    public bool IsInitial { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Source} --{Trigger}--> {Destination}";
}
