using System.Globalization;
using System.Text;
using Kim.Casemanagement.StateMachine.Reflection;

namespace Kim.Casemanagement.StateMachine.Graph;

/// <summary>Renders a <see cref="StateMachineInfo"/> as a Mermaid <c>stateDiagram-v2</c>.</summary>
public static class MermaidGraph
{
    /// <summary>Formats the machine. Output is deterministic: states and transitions in configuration order, LF line ends.</summary>
    public static string Format(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");
        sb.Append(CultureInfo.InvariantCulture, $"    [*] --> {Id(info.InitialState)}\n");

        // Transitions grouped by the innermost composite that holds both ends.
        var transitionsByScope = new Dictionary<StateInfo, List<string>>();
        var topLevel = new List<string>();
        foreach (var state in info.States)
        {
            foreach (var edge in Edges(state))
            {
                var scope = CommonComposite(state, edge.Destination);
                if (scope is null)
                {
                    topLevel.Add(edge.Line);
                }
                else
                {
                    if (!transitionsByScope.TryGetValue(scope, out var list))
                    {
                        list = [];
                        transitionsByScope.Add(scope, list);
                    }

                    list.Add(edge.Line);
                }
            }
        }

        foreach (var state in info.States.Where(s => s.Superstate is null))
        {
            WriteState(sb, state, transitionsByScope, 1);
        }

        foreach (var line in topLevel)
        {
            sb.Append("    ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteState(StringBuilder sb, StateInfo state, Dictionary<StateInfo, List<string>> transitionsByScope, int depth)
    {
        var indent = new string(' ', depth * 4);
        if (state.Substates.Count == 0)
        {
            sb.Append(indent).Append(Id(state)).Append('\n');
            return;
        }

        sb.Append(indent).Append("state ").Append(Id(state)).Append(" {\n");
        if (state.InitialTransitionTarget is { } target)
        {
            sb.Append(indent).Append("    [*] --> ").Append(Sanitize(target.ToString() ?? string.Empty)).Append('\n');
        }

        foreach (var substate in state.Substates)
        {
            WriteState(sb, substate, transitionsByScope, depth + 1);
        }

        if (transitionsByScope.TryGetValue(state, out var lines))
        {
            foreach (var line in lines)
            {
                sb.Append(indent).Append("    ").Append(line).Append('\n');
            }
        }

        sb.Append(indent).Append("}\n");
    }

    private static IEnumerable<(StateInfo Destination, string Line)> Edges(StateInfo state)
    {
        foreach (var t in state.FixedTransitions)
        {
            yield return (t.DestinationState, $"{Id(state)} --> {Id(t.DestinationState)} : {Label(t.Trigger, t.GuardDescriptions)}");
        }

        foreach (var t in state.DynamicTransitions)
        {
            foreach (var destination in t.PossibleDestinationStates)
            {
                yield return (destination, $"{Id(state)} --> {Id(destination)} : {Label(t.Trigger, t.GuardDescriptions)}");
            }
        }

        foreach (var t in state.InternalTransitions)
        {
            yield return (state, $"{Id(state)} --> {Id(state)} : {Label(t.Trigger, t.GuardDescriptions)} (intern)");
        }
    }

    private static StateInfo? CommonComposite(StateInfo a, StateInfo b)
    {
        for (var s = a.Superstate; s is not null; s = s.Superstate)
        {
            if (IsWithin(b, s))
            {
                return s;
            }
        }

        return null;
    }

    private static bool IsWithin(StateInfo state, StateInfo composite)
    {
        for (var s = state.Superstate; s is not null; s = s.Superstate)
        {
            if (ReferenceEquals(s, composite))
            {
                return true;
            }
        }

        return false;
    }

    private static string Label(object trigger, IReadOnlyList<string> guards) =>
        guards.Count == 0
            ? Sanitize(trigger.ToString() ?? string.Empty)
            : $"{Sanitize(trigger.ToString() ?? string.Empty)} [{string.Join(" und ", guards.Select(Sanitize))}]";

    private static string Id(StateInfo state) => Sanitize(state.UnderlyingState.ToString() ?? string.Empty);

    private static string Sanitize(string text) =>
        text.Replace(";", ",", StringComparison.Ordinal)
            .Replace("#", "Nr.", StringComparison.Ordinal)
            .Replace(":", " -", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal);
}
