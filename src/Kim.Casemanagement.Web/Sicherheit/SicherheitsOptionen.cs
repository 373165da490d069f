namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>Rate limits (section <c>Sicherheit</c>); the benchmark raises them, production keeps the defaults.</summary>
public sealed class SicherheitsOptionen
{
    public const string Abschnitt = "Sicherheit";

    /// <summary>Sign-in attempts per minute and client address.</summary>
    public int AnmeldungenProMinute { get; set; } = 20;

    /// <summary>Sustained API requests per second and user.</summary>
    public int ApiAnfragenProSekunde { get; set; } = 50;

    /// <summary>API burst per user.</summary>
    public int ApiSpitze { get; set; } = 200;
}
