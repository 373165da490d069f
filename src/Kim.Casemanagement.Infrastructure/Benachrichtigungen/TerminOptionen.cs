using Kim.Casemanagement.Application.Einstellungen;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>
/// Deadline scheduler settings (section <c>Termine</c>). The lead times (<see cref="TerminVorlaufOptionen"/>) are product
/// settings, not law, and are the installation's defaults: a Kommune may override them for its own Fälle
/// (<see cref="MandantEinstellungen"/>). Legal periods come from the rule table, the same for every Kommune.
/// </summary>
public sealed class TerminOptionen : TerminVorlaufOptionen
{
    /// <summary>How often the scheduler runs.</summary>
    public TimeSpan Intervall { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>False turns the background runs off (tests trigger <see cref="TerminPruefung.LaufAsync"/> directly).</summary>
    public bool Aktiv { get; set; } = true;
}

/// <summary>Dispatcher settings (section <c>Benachrichtigungen</c>).</summary>
public sealed class VerteilerOptionen
{
    public const string Abschnitt = "Benachrichtigungen";

    /// <summary>The dispatcher reads at least this often even without a wake-up (in-process signal or NOTIFY).</summary>
    public TimeSpan Abfrageintervall { get; set; } = TimeSpan.FromSeconds(2);
}
