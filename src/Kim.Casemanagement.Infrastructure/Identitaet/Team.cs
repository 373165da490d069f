namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>A team of case managers with its team lead(s).</summary>
public sealed class Team
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Mandant { get; set; } = "standard";
}
