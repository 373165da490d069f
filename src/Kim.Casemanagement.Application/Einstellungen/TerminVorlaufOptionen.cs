namespace Kim.Casemanagement.Application.Einstellungen;

/// <summary>
/// The installation's lead times of the deadline scheduler (section <c>Termine</c>; the scheduler's own settings derive
/// from this class). Product settings, not law: a Kommune's Administration may override them for its own Mandant
/// (<see cref="MandantEinstellungen"/>); legal periods come from the dated rule table and are the same for every Kommune.
/// </summary>
public class TerminVorlaufOptionen
{
    public const string Abschnitt = "Termine";

    /// <summary>A permit's expiry is raised this many weeks ahead ("Verlängerung beantragen").</summary>
    public int TitelVorlaufWochen { get; set; } = 8;

    /// <summary>A consent's expiry is raised this many days ahead.</summary>
    public int EinwilligungVorlaufTage { get; set; } = 28;

    /// <summary>The Kooperationsplan review is raised this many days ahead of its due day.</summary>
    public int KooperationsplanVorlaufTage { get; set; } = 14;

    /// <summary>The end of the § 104c residence permit is raised this many weeks ahead.</summary>
    public int ChancenaufenthaltsrechtVorlaufWochen { get; set; } = 8;
}
