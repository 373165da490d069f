namespace Kim.Casemanagement.Domain.Faelle.Bildung;

/// <summary>Steps on the education track.</summary>
public enum BildungTrigger
{
    ErstberatungDurchfuehren,
    SprachstandFeststellen,
    SprachstandAktualisieren,
    AlphabetisierungskursBeginnen,
    AlphabetisierungskursAbschliessen,
    IntegrationskursBerechtigen,
    EinstufungstestAblegen,
    IntegrationskursBeginnen,
    PruefungAblegen,
    IntegrationskursAbschliessen,
    IntegrationskursWiederholen,
    BerufssprachkursBeginnen,
    BerufssprachkursAbschliessen,
    AnerkennungsberatungBeginnen,
    AnerkennungBeantragen,
    AnerkennungEntscheiden,
    AusgleichsmassnahmeAbschliessen,
    SchuleBeginnen,
    RegelunterrichtBeginnen,
    SchulabschlussErreichen,
    QualifizierungBeginnen,
    QualifizierungAbschliessen,
    AusbildungBeginnen,
    AusbildungAbschliessen,
    StudiumBeginnen,
    StudiumAbschliessen,
    BildungswegUnterbrechen,
}
