namespace Kim.Casemanagement.StateMachine.Reflection;

/// <summary>A trigger handled without leaving the state.</summary>
public sealed record InternalTransitionInfo(object Trigger, string ActionDescription, IReadOnlyList<string> GuardDescriptions);
