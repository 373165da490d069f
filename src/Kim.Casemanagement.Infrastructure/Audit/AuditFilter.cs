namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// Filter and page of <see cref="AuditAbfrage.SuchenAsync"/>. Every given criterion must match: <see cref="Von"/>
/// inclusive, <see cref="Bis"/> exclusive, <see cref="Aktion"/> exactly, or when it ends with a dot (<c>Fall.</c>) every
/// action beginning with it. <see cref="Seite"/> is 1-based,
/// <see cref="Groesse"/> 1 to <see cref="MaxGroesse"/>.
/// </summary>
public sealed record AuditFilter
{
    public const int MaxGroesse = 500;

    /// <summary>Only rows of this Kommune (the Datenschutz view always sets it; ADR 0014).</summary>
    public string? Mandant { get; init; }

    public Guid? FallId { get; init; }

    public string? BenutzerId { get; init; }

    public DateTimeOffset? Von { get; init; }

    public DateTimeOffset? Bis { get; init; }

    public string? Aktion { get; init; }

    public int Seite { get; init; } = 1;

    public int Groesse { get; init; } = 50;
}
