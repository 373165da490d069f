using System.Collections.Concurrent;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Zustandsmaschinen;

namespace Kim.Casemanagement.Application.Faelle.Diagramme;

/// <summary>The diagram of a track, generated from the Stateless configuration (so it cannot drift from the code); computed once per track.</summary>
public sealed class DiagrammHandler
{
    private readonly ConcurrentDictionary<Spur, string> _mermaid = new();
    private readonly ConcurrentDictionary<Spur, string> _dot = new();

    public string Mermaid(Spur spur) => _mermaid.GetOrAdd(spur, s => MermaidGraph.Format(Fall.Beschreibung(s)));

    public string Dot(Spur spur) => _dot.GetOrAdd(spur, s => UmlDotGraph.Format(Fall.Beschreibung(s)));
}
