namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>Deadline scheduler settings (section <c>Termine</c>). Lead times are product settings, not law; legal periods come from the rule table.</summary>
public sealed class TerminOptionen
{
    public const string Abschnitt = "Termine";

    /// <summary>How often the scheduler runs.</summary>
    public TimeSpan Intervall { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A permit's expiry is raised this many weeks ahead ("Verlängerung beantragen").</summary>
    public int TitelVorlaufWochen { get; set; } = 8;

    public int EinwilligungVorlaufTage { get; set; } = 28;

    public int KooperationsplanVorlaufTage { get; set; } = 14;

    public int ChancenaufenthaltsrechtVorlaufWochen { get; set; } = 8;

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
