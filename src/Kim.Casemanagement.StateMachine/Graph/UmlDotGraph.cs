using System.Globalization;
using System.Text;
using Kim.Casemanagement.StateMachine.Reflection;

namespace Kim.Casemanagement.StateMachine.Graph;

/// <summary>Renders a <see cref="StateMachineInfo"/> as a Graphviz DOT graph in UML state-chart style.</summary>
public static class UmlDotGraph
{
    /// <summary>Formats the machine as a DOT <c>digraph</c>.</summary>
    public static string Format(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var sb = new StringBuilder();
        sb.Append("digraph {\n");
        sb.Append("compound=true;\n");
        sb.Append("node [shape=Mrecord]\n");
        sb.Append("rankdir=\"LR\"\n");

        foreach (var state in info.States.Where(s => s.Superstate is null))
        {
            WriteState(sb, state);
        }

        foreach (var state in info.States)
        {
            foreach (var t in state.FixedTransitions)
            {
                WriteEdge(sb, state, t.DestinationState, t.Trigger, t.GuardDescriptions);
            }

            foreach (var t in state.DynamicTransitions)
            {
                foreach (var destination in t.PossibleDestinationStates)
                {
                    WriteEdge(sb, state, destination, t.Trigger, t.GuardDescriptions);
                }
            }

            foreach (var t in state.InternalTransitions)
            {
                WriteEdge(sb, state, state, t.Trigger, t.GuardDescriptions);
            }
        }

        sb.Append(" init [label=\"\", shape=point];\n");
        sb.Append(CultureInfo.InvariantCulture, $" init -> {Quote(Name(info.InitialState))}[style = \"solid\"]\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void WriteState(StringBuilder sb, StateInfo state)
    {
        if (state.Substates.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Quote(Name(state))} [label={Quote(NodeLabel(state))}];\n");
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"subgraph {Quote("cluster" + Name(state))}\n\t{{\n\tlabel = {Quote(NodeLabel(state))}\n");
        foreach (var substate in state.Substates)
        {
            WriteState(sb, substate);
        }

        sb.Append("}\n");
    }

    private static void WriteEdge(StringBuilder sb, StateInfo from, StateInfo to, object trigger, IReadOnlyList<string> guards)
    {
        var label = guards.Count == 0 ? trigger.ToString() : $"{trigger} [{string.Join(" und ", guards)}]";
        sb.Append(CultureInfo.InvariantCulture, $"{Quote(Name(from))} -> {Quote(Name(to))} [style=\"solid\", label={Quote(label ?? string.Empty)}];\n");
    }

    private static string NodeLabel(StateInfo state)
    {
        var label = new StringBuilder(Name(state));
        foreach (var entry in state.EntryActions)
        {
            label.Append(CultureInfo.InvariantCulture, $"|entry / {entry.Description}");
        }

        foreach (var exit in state.ExitActions)
        {
            label.Append(CultureInfo.InvariantCulture, $"|exit / {exit.Description}");
        }

        return label.ToString();
    }

    private static string Name(StateInfo state) => state.UnderlyingState.ToString() ?? string.Empty;

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
