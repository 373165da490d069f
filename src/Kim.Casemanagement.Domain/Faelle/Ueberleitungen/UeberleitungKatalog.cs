namespace Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

/// <summary>German labels and parameters of referrals.</summary>
public static class UeberleitungKatalog
{
    public static string Bezeichnung(UeberleitungZustand zustand) => zustand switch
    {
        UeberleitungZustand.Entwurf => "Entwurf",
        UeberleitungZustand.Angefragt => "Angefragt",
        UeberleitungZustand.Angenommen => "Angenommen",
        UeberleitungZustand.Abgelehnt => "Abgelehnt",
        UeberleitungZustand.Erledigt => "Erledigt",
        UeberleitungZustand.Zurueckgezogen => "Zurückgezogen",
        _ => zustand.ToString(),
    };

    public static SchrittDefinition Schritt(UeberleitungTrigger trigger) => trigger switch
    {
        UeberleitungTrigger.Anfragen => SchrittDefinition.Einfach(trigger.ToString(), "Überleitung anfragen"),
        UeberleitungTrigger.Annehmen => SchrittDefinition.Einfach(trigger.ToString(), "Überleitung annehmen"),
        UeberleitungTrigger.Ablehnen => new(trigger.ToString(), "Überleitung ablehnen", [new(ParameterNamen.Grund, "Grund", ParameterTyp.Text, false)]),
        UeberleitungTrigger.Erledigen => SchrittDefinition.Einfach(trigger.ToString(), "Überleitung erledigt"),
        UeberleitungTrigger.Zurueckziehen => SchrittDefinition.Einfach(trigger.ToString(), "Überleitung zurückziehen"),
        _ => SchrittDefinition.Einfach(trigger.ToString(), trigger.ToString()),
    };
}
