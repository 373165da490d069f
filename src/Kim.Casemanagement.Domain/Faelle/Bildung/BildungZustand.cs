namespace Kim.Casemanagement.Domain.Faelle.Bildung;

/// <summary>Education track (Bildungsberatung), DOMAIN.md §3.4.</summary>
public enum BildungZustand
{
    KeineBeratung,
    Erstberatung,

    /// <summary>Superstate: between measures; the next step is planned from here.</summary>
    Bildungsplanung,
    SprachstandFestgestellt,
    IntegrationskursAbgeschlossen,
    BerufssprachkursAbgeschlossen,
    AnerkennungAbgeschlossen,
    SchuleAbgeschlossen,
    QualifizierungAbgeschlossen,
    AusbildungAbgeschlossen,
    StudiumAbgeschlossen,
    BildungswegUnterbrochen,

    Alphabetisierungskurs,

    /// <summary>Superstate of the integration course.</summary>
    Integrationskurs,
    IntegrationskursBerechtigt,
    IntegrationskursEingestuft,
    IntegrationskursLaeuft,
    IntegrationskursPruefung,
    IntegrationskursWiederholung,

    Berufssprachkurs,

    /// <summary>Superstate of the recognition procedure for a foreign qualification.</summary>
    Anerkennungsverfahren,
    AnerkennungBeratung,
    AnerkennungBeantragt,
    Ausgleichsmassnahme,

    /// <summary>Superstate for school-age newcomers (Seiteneinsteiger).</summary>
    Schule,
    SchuleErstfoerderung,
    SchuleRegelunterricht,

    Qualifizierung,
    Ausbildung,
    Studium,
}
