namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>A staff member the simulation can name as case manager, deputy, team lead or partner contact.</summary>
internal sealed record Mitarbeiter(string Id, string Benutzername, Guid? TeamId);
