namespace Kim.Casemanagement.Domain.Faelle.Prozess;

/// <summary>Why a Fall was closed.</summary>
public enum Abschlussgrund
{
    ZieleErreicht = 1,
    ZieleTeilweiseErreicht = 2,
    UebergabeInRegelsystem = 3,
    KeinBedarfMehr = 4,
    Sonstiges = 9,
}
