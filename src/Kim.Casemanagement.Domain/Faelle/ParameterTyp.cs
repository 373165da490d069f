namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>The type of a step parameter, which decides how it is parsed and how a form renders it.</summary>
public enum ParameterTyp
{
    Text,
    Datum,
    Zahl,
    JaNein,
    Auswahl,
}
