using Kim.Casemanagement.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>A person who signs in: case manager, partner contact, team lead, steering board, data protection, administration.</summary>
public sealed class Benutzer : IdentityUser
{
    /// <summary>Name shown to colleagues (no client data).</summary>
    public string Anzeigename { get; set; } = string.Empty;

    /// <summary>The Kommune the user works for.</summary>
    public string Mandant { get; set; } = "standard";

    public Guid? TeamId { get; set; }

    /// <summary>For partner contacts: their authority.</summary>
    public Behoerde? Behoerde { get; set; }

    /// <summary>A deactivated user cannot sign in; all sessions and tokens end at once.</summary>
    public bool Deaktiviert { get; set; }

    public DateTimeOffset ErstelltAm { get; set; }
}
