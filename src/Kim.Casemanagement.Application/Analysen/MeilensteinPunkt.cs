namespace Kim.Casemanagement.Application.Analysen;

/// <summary>One end of a milestone duration. For <see cref="MeilensteinArt.Zustand"/>: the first day the Fall reached any of <see cref="Zustaende"/> ("Spur.Zustand").</summary>
public sealed class MeilensteinPunkt
{
    public MeilensteinArt Art { get; set; } = MeilensteinArt.Zustand;

    public List<string> Zustaende { get; set; } = [];
}
