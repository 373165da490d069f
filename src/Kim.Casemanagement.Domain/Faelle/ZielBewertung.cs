namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>Goal attainment, rated in the Evaluation.</summary>
public enum ZielBewertung
{
    Erreicht = 1,
    TeilweiseErreicht = 2,
    NichtErreicht = 3,
}
