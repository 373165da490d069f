namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// A server-side session behind a login cookie or a bearer token. The cookie/token only carries the session id;
/// ending the session here (logout, deactivation, idle or absolute timeout) ends the cookie or token at once.
/// </summary>
public sealed class Sitzung
{
    public Guid Id { get; set; }

    public string BenutzerId { get; set; } = string.Empty;

    /// <summary><c>Cookie</c> (browser) or <c>Token</c> (API client).</summary>
    public string Art { get; set; } = string.Empty;

    /// <summary>True when the second factor was given at sign-in.</summary>
    public bool ZweiterFaktor { get; set; }

    public DateTimeOffset ErstelltAm { get; set; }

    public DateTimeOffset LetzteAktivitaet { get; set; }

    /// <summary>Absolute end, whatever the activity.</summary>
    public DateTimeOffset AblaufAbsolut { get; set; }

    public DateTimeOffset? BeendetAm { get; set; }

    /// <summary>Abmeldung, Deaktiviert, Leerlauf, Ablauf, Passwortwechsel.</summary>
    public string? BeendetGrund { get; set; }
}
