namespace Kim.Casemanagement.Domain.Faelle.Prozess;

/// <summary>Phases of the case-management process (DGCC), DOMAIN.md §3.1.</summary>
public enum ProzessZustand
{
    /// <summary>Superstate: the Fall is open (not ended).</summary>
    Offen,
    Anfrage,
    Klaerung,

    /// <summary>Superstate of the working phases that can be paused.</summary>
    Aktiv,
    Assessment,
    Hilfeplanung,
    Umsetzung,
    Monitoring,
    Evaluation,
    Ruhend,
    Wiederaufnahme,
    Verweisung,
    Abschluss,
    Abbruch,
}
