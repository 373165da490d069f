namespace Kim.Casemanagement.Domain.Faelle.Leistungen;

/// <summary>Steps on the benefits track.</summary>
public enum LeistungenTrigger
{
    AsylbLGBewilligen,
    RechtskreiswechselAnstossen,
    Sgb2Beantragen,
    Sgb2Bewilligen,
    Sgb2Ablehnen,
    PotenzialanalyseDurchfuehren,
    KooperationsplanAbschliessen,
    KooperationsplanFortschreiben,
    SchlichtungEinleiten,
    MassnahmeBeginnen,
    QualifizierungBeginnen,
    MassnahmeBeenden,
    BeschaeftigungAufnehmen,
    ArbeitAufnehmenAufstockend,
    ArbeitAufnehmenBedarfsdeckend,
    BeschaeftigungBeenden,
    InSgb12Wechseln,
    LeistungsbezugBeenden,
}
