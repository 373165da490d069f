namespace Kim.Casemanagement.Domain.Faelle.Prozess;

/// <summary>The persisted state of the case-management track.</summary>
public sealed class ProzessDaten
{
    public ProzessZustand Zustand { get; internal set; } = ProzessZustand.Anfrage;

    public DateOnly Seit { get; internal set; }

    /// <summary>The phase to return to when a paused Fall continues.</summary>
    public ProzessZustand? PhaseVorRuhen { get; internal set; }

    public Abschlussgrund? Abschlussgrund { get; internal set; }

    public Abbruchgrund? Abbruchgrund { get; internal set; }
}
