namespace Kim.Casemanagement.StateMachine.Reflection;

/// <summary>An entry or exit action; <see cref="FromTrigger"/> is set for entry actions bound to one trigger.</summary>
public sealed record ActionInfo(string Description, object? FromTrigger);
