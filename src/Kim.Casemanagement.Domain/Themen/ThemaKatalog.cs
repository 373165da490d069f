namespace Kim.Casemanagement.Domain.Themen;

/// <summary>German labels of the Themen categories and states.</summary>
public static class ThemaKatalog
{
    public static string Bezeichnung(ThemaKategorie kategorie) => kategorie switch
    {
        ThemaKategorie.WartezeitIntegrationskurs => "Wartezeit Integrationskurs",
        ThemaKategorie.Wohnsitzauflage => "Wohnsitzauflage",
        ThemaKategorie.AnerkennungDauert => "Anerkennung dauert",
        ThemaKategorie.SchnittstelleJobcenter => "Schnittstelle Jobcenter",
        ThemaKategorie.KinderbetreuungFehlt => "Kinderbetreuung fehlt",
        _ => "Sonstiges",
    };

    public static string Bezeichnung(ThemaStatus status) => status switch
    {
        ThemaStatus.Offen => "offen",
        ThemaStatus.InLenkungsgruppe => "in der Lenkungsgruppe",
        ThemaStatus.Erledigt => "erledigt",
        _ => status.ToString(),
    };
}
