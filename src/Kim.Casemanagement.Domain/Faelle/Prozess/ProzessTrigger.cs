namespace Kim.Casemanagement.Domain.Faelle.Prozess;

/// <summary>Steps of the case-management process.</summary>
public enum ProzessTrigger
{
    Klaeren,
    Verweisen,
    AssessmentBeginnen,
    HilfeplanungBeginnen,
    UmsetzungBeginnen,
    MonitoringBeginnen,
    UmsetzungFortsetzen,
    HilfeplanungAnpassen,
    EvaluationBeginnen,
    Abschliessen,
    Ruhen,
    Fortsetzen,
    Abbrechen,
    Wiederaufnehmen,
}
