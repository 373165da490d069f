namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// The agreed ideal flow ("idealer Fallverlauf", source 004 Anlage 2) of one track, as configuration: paths of state
/// names joined by "&gt;" (e.g. <c>Anfrage&gt;Klaerung&gt;Assessment</c>); every consecutive pair of a path is an allowed
/// directly-follows step. <see cref="Wartezustaende"/> are the states in which a Fall waits for the authority owning
/// the track (the candidates for bottlenecks).
/// </summary>
public sealed class IdealverlaufSpur
{
    public List<string> Pfade { get; set; } = [];

    public List<string> Wartezustaende { get; set; } = [];

    /// <summary>The allowed steps (state, next state), distinct, in path order.</summary>
    public IReadOnlyList<(string Von, string Nach)> Kanten() =>
        Pfade.SelectMany(p =>
            {
                var z = p.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return z.Zip(z.Skip(1));
            })
            .Distinct()
            .ToList();

    /// <summary>Every state named in a path.</summary>
    public IEnumerable<string> Zustaende() => Pfade.SelectMany(p => p.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
