namespace Kim.Casemanagement.StateMachine.Reflection;

/// <summary>A static description of one state.</summary>
public sealed class StateInfo
{
    private readonly List<StateInfo> _substates = [];
    private readonly List<FixedTransitionInfo> _fixedTransitions = [];
    private readonly List<DynamicTransitionInfo> _dynamicTransitions = [];
    private readonly List<IgnoredTransitionInfo> _ignoredTriggers = [];
    private readonly List<InternalTransitionInfo> _internalTransitions = [];

    internal StateInfo(object underlyingState, IReadOnlyList<ActionInfo> entryActions, IReadOnlyList<ActionInfo> exitActions, object? initialTransitionTarget)
    {
        UnderlyingState = underlyingState;
        EntryActions = entryActions;
        ExitActions = exitActions;
        InitialTransitionTarget = initialTransitionTarget;
    }

    /// <summary>The state value.</summary>
    public object UnderlyingState { get; }

    /// <summary>The superstate, if the state is a substate.</summary>
    public StateInfo? Superstate { get; private set; }

    /// <summary>The direct substates.</summary>
    public IReadOnlyList<StateInfo> Substates => _substates;

    /// <summary>Actions run on entry.</summary>
    public IReadOnlyList<ActionInfo> EntryActions { get; }

    /// <summary>Actions run on exit.</summary>
    public IReadOnlyList<ActionInfo> ExitActions { get; }

    /// <summary>The substate entered automatically when this state is entered, if any.</summary>
    public object? InitialTransitionTarget { get; }

    /// <summary>Transitions with a fixed destination (including re-entries).</summary>
    public IReadOnlyList<FixedTransitionInfo> FixedTransitions => _fixedTransitions;

    /// <summary>Transitions whose destination is chosen at run time.</summary>
    public IReadOnlyList<DynamicTransitionInfo> DynamicTransitions => _dynamicTransitions;

    /// <summary>Triggers accepted without effect.</summary>
    public IReadOnlyList<IgnoredTransitionInfo> IgnoredTriggers => _ignoredTriggers;

    /// <summary>Triggers handled without leaving the state.</summary>
    public IReadOnlyList<InternalTransitionInfo> InternalTransitions => _internalTransitions;

    /// <inheritdoc />
    public override string ToString() => UnderlyingState.ToString() ?? string.Empty;

    internal void SetSuperstate(StateInfo superstate) => Superstate = superstate;

    internal void AddSubstate(StateInfo substate) => _substates.Add(substate);

    internal void AddFixed(FixedTransitionInfo info) => _fixedTransitions.Add(info);

    internal void AddDynamic(DynamicTransitionInfo info) => _dynamicTransitions.Add(info);

    internal void AddIgnored(IgnoredTransitionInfo info) => _ignoredTriggers.Add(info);

    internal void AddInternal(InternalTransitionInfo info) => _internalTransitions.Add(info);
}
