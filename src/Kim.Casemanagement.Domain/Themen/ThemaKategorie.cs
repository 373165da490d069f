namespace Kim.Casemanagement.Domain.Themen;

/// <summary>The kind of structural problem a case manager escalates to the Lenkungsgruppe (a "generatives Thema").</summary>
public enum ThemaKategorie
{
    WartezeitIntegrationskurs = 1,
    Wohnsitzauflage = 2,
    AnerkennungDauert = 3,
    SchnittstelleJobcenter = 4,
    KinderbetreuungFehlt = 5,
    Sonstiges = 9,
}
