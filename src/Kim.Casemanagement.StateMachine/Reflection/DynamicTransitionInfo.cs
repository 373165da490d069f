namespace Kim.Casemanagement.StateMachine.Reflection;

/// <summary>A transition whose destination is chosen when the trigger fires.</summary>
public sealed record DynamicTransitionInfo(object Trigger, string DestinationDescription, IReadOnlyList<StateInfo> PossibleDestinationStates, IReadOnlyList<string> GuardDescriptions);
