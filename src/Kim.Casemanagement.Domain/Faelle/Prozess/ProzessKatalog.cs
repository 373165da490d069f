namespace Kim.Casemanagement.Domain.Faelle.Prozess;

/// <summary>German labels and parameters of the case-management track.</summary>
public static class ProzessKatalog
{
    public static string Bezeichnung(ProzessZustand zustand) => zustand switch
    {
        ProzessZustand.Offen => "Offen",
        ProzessZustand.Anfrage => "Anfrage",
        ProzessZustand.Klaerung => "Klärung",
        ProzessZustand.Aktiv => "In Bearbeitung",
        ProzessZustand.Assessment => "Assessment",
        ProzessZustand.Hilfeplanung => "Hilfeplanung",
        ProzessZustand.Umsetzung => "Umsetzung (Linking)",
        ProzessZustand.Monitoring => "Monitoring",
        ProzessZustand.Evaluation => "Evaluation",
        ProzessZustand.Ruhend => "Ruhend",
        ProzessZustand.Wiederaufnahme => "Wiederaufnahme",
        ProzessZustand.Verweisung => "Verweisung (nicht indiziert)",
        ProzessZustand.Abschluss => "Abschluss",
        ProzessZustand.Abbruch => "Abbruch",
        _ => zustand.ToString(),
    };

    public static SchrittDefinition Schritt(ProzessTrigger trigger) => trigger switch
    {
        ProzessTrigger.Klaeren => Einfach(trigger, "Klärung beginnen"),
        ProzessTrigger.Verweisen => new(trigger.ToString(), "An andere Stelle verweisen", [new(ParameterNamen.Grund, "Grund", ParameterTyp.Text, false)]),
        ProzessTrigger.AssessmentBeginnen => Einfach(trigger, "Assessment beginnen"),
        ProzessTrigger.HilfeplanungBeginnen => Einfach(trigger, "Hilfeplanung beginnen"),
        ProzessTrigger.UmsetzungBeginnen => Einfach(trigger, "Umsetzung beginnen"),
        ProzessTrigger.MonitoringBeginnen => Einfach(trigger, "Monitoring beginnen"),
        ProzessTrigger.UmsetzungFortsetzen => Einfach(trigger, "Umsetzung fortsetzen"),
        ProzessTrigger.HilfeplanungAnpassen => Einfach(trigger, "Hilfeplanung anpassen"),
        ProzessTrigger.EvaluationBeginnen => Einfach(trigger, "Evaluation beginnen"),
        ProzessTrigger.Abschliessen => new(trigger.ToString(), "Fall abschließen", [ParameterDefinition.Auswahl<Abschlussgrund>(ParameterNamen.Abschlussgrund, "Abschlussgrund", true, Bezeichnung)]),
        ProzessTrigger.Ruhen => new(trigger.ToString(), "Fall ruhend stellen", [new(ParameterNamen.Grund, "Grund", ParameterTyp.Text, false)]),
        ProzessTrigger.Fortsetzen => Einfach(trigger, "Fall fortsetzen"),
        ProzessTrigger.Abbrechen => new(trigger.ToString(), "Fall abbrechen", [ParameterDefinition.Auswahl<Abbruchgrund>(ParameterNamen.Abbruchgrund, "Abbruchgrund", true, Bezeichnung)]),
        ProzessTrigger.Wiederaufnehmen => Einfach(trigger, "Fall wieder aufnehmen"),
        _ => Einfach(trigger, trigger.ToString()),
    };

    public static string Bezeichnung(Abschlussgrund grund) => grund switch
    {
        Abschlussgrund.ZieleErreicht => "Ziele erreicht",
        Abschlussgrund.ZieleTeilweiseErreicht => "Ziele teilweise erreicht",
        Abschlussgrund.UebergabeInRegelsystem => "Übergabe in das Regelsystem",
        Abschlussgrund.KeinBedarfMehr => "Kein Bedarf mehr",
        _ => "Sonstiges",
    };

    public static string Bezeichnung(Abbruchgrund grund) => grund switch
    {
        Abbruchgrund.EinwilligungWiderrufen => "Einwilligung widerrufen",
        Abbruchgrund.Wegzug => "Wegzug",
        Abbruchgrund.KeinKontakt => "Kein Kontakt mehr",
        Abbruchgrund.Ausreise => "Ausreise",
        _ => "Sonstiges",
    };

    private static SchrittDefinition Einfach(ProzessTrigger trigger, string bezeichnung) => SchrittDefinition.Einfach(trigger.ToString(), bezeichnung);
}
