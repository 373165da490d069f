namespace Kim.Casemanagement.StateMachine;

/// <summary>All guards of one transition; the transition is allowed when every guard is met.</summary>
internal sealed class TransitionGuard
{
    public static readonly TransitionGuard Empty = new([]);

    public TransitionGuard(IReadOnlyList<GuardCondition> conditions) => Conditions = conditions;

    public IReadOnlyList<GuardCondition> Conditions { get; }

    public IReadOnlyList<string> Descriptions => Conditions.Select(c => c.Description).ToArray();

    public static TransitionGuard From(Func<bool> guard, string? description) =>
        new([new GuardCondition(_ => guard(), description ?? DescribeDelegate(guard))]);

    public static TransitionGuard From(IEnumerable<(Func<bool> Guard, string Description)> guards) =>
        new(guards.Select(g => new GuardCondition(_ => g.Guard(), g.Description)).ToArray());

    public static TransitionGuard FromArgs(Func<IReadOnlyList<object?>, bool> guard, string? description, Delegate original) =>
        new([new GuardCondition(guard, description ?? DescribeDelegate(original))]);

    public bool AreMet(IReadOnlyList<object?> args)
    {
        foreach (var condition in Conditions)
        {
            if (!condition.IsMet(args))
            {
                return false;
            }
        }

        return true;
    }

    public IReadOnlyList<string> UnmetDescriptions(IReadOnlyList<object?> args)
    {
        List<string>? unmet = null;
        foreach (var condition in Conditions)
        {
            if (!condition.IsMet(args))
            {
                (unmet ??= []).Add(condition.Description);
            }
        }

        return unmet is null ? [] : unmet;
    }

    private static string DescribeDelegate(Delegate guard) => guard.Method.Name;
}
