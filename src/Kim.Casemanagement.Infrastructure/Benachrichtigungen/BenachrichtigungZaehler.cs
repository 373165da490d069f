namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>The last sequence number handed out to a recipient.</summary>
public sealed class BenachrichtigungZaehler
{
    public string EmpfaengerId { get; set; } = string.Empty;

    public long LetzteSeq { get; set; }
}
