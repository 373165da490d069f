namespace Kim.Casemanagement.Domain.Faelle.Aufenthalt;

/// <summary>The persisted state of the residence track, with the facts its guards need.</summary>
public sealed class AufenthaltDaten
{
    public AufenthaltZustand Zustand { get; internal set; } = AufenthaltZustand.KeinStatus;

    public DateOnly Seit { get; internal set; }

    /// <summary>Start of the current uninterrupted lawful residence (asylum procedure, protection, permit); null while tolerated or obliged to leave.</summary>
    public DateOnly? RechtmaessigSeit { get; internal set; }

    /// <summary>Start of the current toleration (Duldung of any kind); null otherwise.</summary>
    public DateOnly? GeduldetSeit { get; internal set; }

    public Schutzform? Schutzform { get; internal set; }

    /// <summary>The kind of the current permit (one of the Aufenthaltstitel substates or Niederlassungserlaubnis); kept during an extension.</summary>
    public AufenthaltZustand? TitelArt { get; internal set; }

    public string? Rechtsgrundlage { get; internal set; }

    public DateOnly? TitelGueltigAb { get; internal set; }

    /// <summary>Expiry of the current permit or toleration, if it has one.</summary>
    public DateOnly? GueltigBis { get; internal set; }

    public string? Nebenbestimmungen { get; internal set; }

    /// <summary>Residence obligation under § 12a AufenthG.</summary>
    public bool Wohnsitzauflage { get; internal set; }

    /// <summary>Day the first § 24 permit was issued (decides AsylbLG vs SGB II for Ukrainian refugees).</summary>
    public DateOnly? ErsteParagraph24ErteilungAm { get; internal set; }

    /// <summary>Day the § 104c permit was issued; starts the 18-month clock.</summary>
    public DateOnly? ChancenaufenthaltsrechtSeit { get; internal set; }
}
