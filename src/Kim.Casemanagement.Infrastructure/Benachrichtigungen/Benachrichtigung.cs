namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>One notice in a recipient's persisted inbox.</summary>
public sealed class Benachrichtigung
{
    public long Id { get; set; }

    /// <summary>The writing transaction (xid8): the dispatchers' cursor.</summary>
    public ulong Xid { get; set; }

    public string EmpfaengerId { get; set; } = string.Empty;

    /// <summary>Per recipient, gap-free, in commit order: the clients' catch-up cursor.</summary>
    public long Seq { get; set; }

    public Guid? FallId { get; set; }

    public string Art { get; set; } = string.Empty;

    public string Titel { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? Link { get; set; }

    public DateTimeOffset ErstelltAm { get; set; }

    public DateTimeOffset? GelesenAm { get; set; }
}
