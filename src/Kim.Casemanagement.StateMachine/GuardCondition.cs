namespace Kim.Casemanagement.StateMachine;

/// <summary>One guard of a transition: a predicate over the trigger arguments and the description shown when it is not met.</summary>
internal sealed class GuardCondition(Func<IReadOnlyList<object?>, bool> predicate, string description)
{
    public string Description { get; } = description;

    public bool IsMet(IReadOnlyList<object?> args) => predicate(args);
}
