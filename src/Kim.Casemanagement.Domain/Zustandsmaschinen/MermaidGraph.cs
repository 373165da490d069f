using System.Globalization;
using System.Text;

namespace Kim.Casemanagement.Domain.Zustandsmaschinen;

/// <summary>
/// Renders a <see cref="Maschinenbeschreibung"/> as a Mermaid <c>stateDiagram-v2</c> with nested superstates, guards
/// in brackets and internal transitions marked "(intern)". Stateless's own MermaidGraph flattens superstates, puts
/// entry actions on edges and labels internal transitions "[Function]", so the product keeps this formatter (ADR 0005).
/// </summary>
public static class MermaidGraph
{
    /// <summary>Formats the machine. Output is deterministic: states and transitions in configuration order, LF line ends.</summary>
    public static string Format(Maschinenbeschreibung info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");
        sb.Append(CultureInfo.InvariantCulture, $"    [*] --> {Sanitize(info.Anfang)}\n");

        // Transitions grouped by the innermost composite that holds both ends.
        var transitionsByScope = new Dictionary<Zustandsbeschreibung, List<string>>();
        var topLevel = new List<string>();
        foreach (var state in info.Zustaende)
        {
            foreach (var kante in state.Kanten)
            {
                var line = $"{Id(state)} --> {Id(kante.Ziel)} : {Label(kante.Trigger, kante.Bedingungen)}{(kante.Intern ? " (intern)" : string.Empty)}";
                var scope = CommonComposite(state, kante.Ziel);
                if (scope is null)
                {
                    topLevel.Add(line);
                }
                else
                {
                    if (!transitionsByScope.TryGetValue(scope, out var list))
                    {
                        list = [];
                        transitionsByScope.Add(scope, list);
                    }

                    list.Add(line);
                }
            }
        }

        foreach (var state in info.Zustaende.Where(s => s.Oberzustand is null))
        {
            WriteState(sb, state, transitionsByScope, 1);
        }

        foreach (var line in topLevel)
        {
            sb.Append("    ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteState(StringBuilder sb, Zustandsbeschreibung state, Dictionary<Zustandsbeschreibung, List<string>> transitionsByScope, int depth)
    {
        var indent = new string(' ', depth * 4);
        if (state.Unterzustaende.Count == 0)
        {
            sb.Append(indent).Append(Id(state)).Append('\n');
            return;
        }

        sb.Append(indent).Append("state ").Append(Id(state)).Append(" {\n");
        foreach (var substate in state.Unterzustaende)
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

    private static Zustandsbeschreibung? CommonComposite(Zustandsbeschreibung a, Zustandsbeschreibung b) =>
        a.Oberzustaende.FirstOrDefault(s => !ReferenceEquals(b, s) && b.IstIn(s));

    private static string Label(string trigger, IReadOnlyList<string> guards) =>
        guards.Count == 0
            ? Sanitize(trigger)
            : $"{Sanitize(trigger)} [{string.Join(" und ", guards.Select(Sanitize))}]";

    private static string Id(Zustandsbeschreibung state) => Sanitize(state.Name);

    private static string Sanitize(string text) =>
        text.Replace(";", ",", StringComparison.Ordinal)
            .Replace("#", "Nr.", StringComparison.Ordinal)
            .Replace(":", " -", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal);
}
