using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>One group of the provider and what it grants here.</summary>
public sealed class GruppenZuordnung
{
    /// <summary>The group's value in the group claim (name, path or object id, as the provider sends it).</summary>
    public string Gruppe { get; set; } = string.Empty;

    public List<Rolle> Rollen { get; set; } = [];

    /// <summary>The team's name (created in the Mandant if it does not exist yet).</summary>
    public string? Team { get; set; }

    /// <summary>For partner contacts: their authority.</summary>
    public Behoerde? Behoerde { get; set; }
}
