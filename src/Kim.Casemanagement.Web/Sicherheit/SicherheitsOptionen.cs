namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>Rate limits (section <c>Sicherheit</c>); the benchmark raises them, production keeps the defaults.</summary>
public sealed class SicherheitsOptionen
{
    public const string Abschnitt = "Sicherheit";

    /// <summary>
    /// True (default, production): cookies carry the <c>__Host-</c> prefix and the Secure flag, so they only travel over
    /// HTTPS. Only the Development settings turn it off, for the plain-HTTP run on localhost.
    /// </summary>
    public bool NurHttps { get; set; } = true;

    /// <summary>Sign-in attempts per minute and client address.</summary>
    public int AnmeldungenProMinute { get; set; } = 20;

    /// <summary>Sustained API requests per second and user.</summary>
    public int ApiAnfragenProSekunde { get; set; } = 50;

    /// <summary>API burst per user.</summary>
    public int ApiSpitze { get; set; } = 200;
}
