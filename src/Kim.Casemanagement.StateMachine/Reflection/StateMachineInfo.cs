namespace Kim.Casemanagement.StateMachine.Reflection;

/// <summary>A static description of a configured state machine.</summary>
public sealed class StateMachineInfo(IReadOnlyList<StateInfo> states, StateInfo initialState, Type stateType, Type triggerType)
{
    /// <summary>Every configured (or referenced) state.</summary>
    public IReadOnlyList<StateInfo> States { get; } = states;

    /// <summary>The state the machine starts in.</summary>
    public StateInfo InitialState { get; } = initialState;

    /// <summary>The CLR type of the states.</summary>
    public Type StateType { get; } = stateType;

    /// <summary>The CLR type of the triggers.</summary>
    public Type TriggerType { get; } = triggerType;
}
