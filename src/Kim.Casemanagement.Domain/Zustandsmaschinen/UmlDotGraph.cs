using System.Globalization;
using System.Text;

namespace Kim.Casemanagement.Domain.Zustandsmaschinen;

/// <summary>Renders a <see cref="Maschinenbeschreibung"/> as a Graphviz DOT graph in UML state-chart style (clusters for superstates, entry and exit actions in the node).</summary>
public static class UmlDotGraph
{
    /// <summary>Formats the machine as a DOT <c>digraph</c>.</summary>
    public static string Format(Maschinenbeschreibung info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var sb = new StringBuilder();
        sb.Append("digraph {\n");
        sb.Append("compound=true;\n");
        sb.Append("node [shape=Mrecord]\n");
        sb.Append("rankdir=\"LR\"\n");

        foreach (var state in info.Zustaende.Where(s => s.Oberzustand is null))
        {
            WriteState(sb, state);
        }

        foreach (var state in info.Zustaende)
        {
            foreach (var kante in state.Kanten)
            {
                var label = kante.Bedingungen.Count == 0 ? kante.Trigger : $"{kante.Trigger} [{string.Join(" und ", kante.Bedingungen)}]";
                sb.Append(CultureInfo.InvariantCulture, $"{Quote(state.Name)} -> {Quote(kante.Ziel.Name)} [style=\"solid\", label={Quote(label)}];\n");
            }
        }

        sb.Append(" init [label=\"\", shape=point];\n");
        sb.Append(CultureInfo.InvariantCulture, $" init -> {Quote(info.Anfang)}[style = \"solid\"]\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void WriteState(StringBuilder sb, Zustandsbeschreibung state)
    {
        if (state.Unterzustaende.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Quote(state.Name)} [label={Quote(NodeLabel(state))}];\n");
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"subgraph {Quote("cluster" + state.Name)}\n\t{{\n\tlabel = {Quote(NodeLabel(state))}\n");
        foreach (var substate in state.Unterzustaende)
        {
            WriteState(sb, substate);
        }

        sb.Append("}\n");
    }

    private static string NodeLabel(Zustandsbeschreibung state)
    {
        var label = new StringBuilder(state.Name);
        foreach (var entry in state.Eintritt)
        {
            label.Append(CultureInfo.InvariantCulture, $"|entry / {entry}");
        }

        foreach (var exit in state.Austritt)
        {
            label.Append(CultureInfo.InvariantCulture, $"|exit / {exit}");
        }

        return label.ToString();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
