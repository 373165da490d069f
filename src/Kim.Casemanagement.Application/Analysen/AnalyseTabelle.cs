namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// One table of an analysis as rows of cells (numbers, texts, or null for empty), with German column headers; what the
/// CSV export writes. A withheld figure is the text <see cref="Gesperrt"/>.
/// </summary>
public sealed record AnalyseTabelle(string Name, IReadOnlyList<string> Spalten, IReadOnlyList<IReadOnlyList<object?>> Zeilen)
{
    public const string Gesperrt = "gesperrt";
}
