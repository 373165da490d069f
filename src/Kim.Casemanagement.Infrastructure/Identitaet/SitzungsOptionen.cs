namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Session lifetimes (section <c>Sitzungen</c>).</summary>
public sealed class SitzungsOptionen
{
    public const string Abschnitt = "Sitzungen";

    /// <summary>A session ends after this much inactivity (BSI/ASVS: short idle timeout for sensitive data).</summary>
    public TimeSpan Leerlauf { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, whatever the activity.</summary>
    public TimeSpan Hoechstdauer { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How long a checked session is trusted from memory before it is read again (ending a session on this instance clears it at once).</summary>
    public TimeSpan Zwischenspeicher { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Activity is written at most this often per session.</summary>
    public TimeSpan AktivitaetSchreibenAlle { get; set; } = TimeSpan.FromMinutes(1);
}
