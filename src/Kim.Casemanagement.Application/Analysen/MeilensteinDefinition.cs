namespace Kim.Casemanagement.Application.Analysen;

/// <summary>A duration the Lenkungsgruppe follows, e.g. Einreise → Integrationskurs begonnen; estimated with Kaplan-Meier.</summary>
public sealed class MeilensteinDefinition
{
    /// <summary>Stable key for the API (<c>?meilenstein=</c>), e.g. <c>einreise-integrationskurs</c>.</summary>
    public string Schluessel { get; set; } = string.Empty;

    /// <summary>German label.</summary>
    public string Bezeichnung { get; set; } = string.Empty;

    public MeilensteinPunkt Start { get; set; } = new();

    public MeilensteinPunkt Ende { get; set; } = new();
}
