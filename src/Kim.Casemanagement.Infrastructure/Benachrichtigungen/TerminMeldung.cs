namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>The key of a scheduled notice that was sent (so it is sent once, across instances and restarts).</summary>
public sealed class TerminMeldung
{
    public string Schluessel { get; set; } = string.Empty;

    public DateTimeOffset ErstelltAm { get; set; }
}
