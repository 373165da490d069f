namespace Kim.Casemanagement.StateMachine.Reflection;

/// <summary>A trigger accepted without effect.</summary>
public sealed record IgnoredTransitionInfo(object Trigger, IReadOnlyList<string> GuardDescriptions);
