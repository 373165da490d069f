namespace Kim.Casemanagement.StateMachine.Reflection;

/// <summary>A transition to a fixed destination.</summary>
public sealed record FixedTransitionInfo(object Trigger, StateInfo DestinationState, IReadOnlyList<string> GuardDescriptions, bool IsReentry);
