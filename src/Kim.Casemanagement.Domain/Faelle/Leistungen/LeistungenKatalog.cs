namespace Kim.Casemanagement.Domain.Faelle.Leistungen;

/// <summary>German labels and parameters of the benefits track.</summary>
public static class LeistungenKatalog
{
    public static readonly IReadOnlyList<LeistungenZustand> Startzustaende =
    [
        LeistungenZustand.KeinLeistungsbezug, LeistungenZustand.AsylbLG, LeistungenZustand.Sgb2Bewilligt, LeistungenZustand.Kooperationsplan,
        LeistungenZustand.ArbeitBedarfsdeckend, LeistungenZustand.Sgb12,
    ];

    public static string Bezeichnung(LeistungenZustand zustand) => zustand switch
    {
        LeistungenZustand.KeinLeistungsbezug => "Kein Leistungsbezug",
        LeistungenZustand.AsylbLG => "Leistungen nach dem AsylbLG (Sozialamt)",
        LeistungenZustand.RechtskreiswechselFaellig => "Rechtskreiswechsel fällig",
        LeistungenZustand.Sgb2 => "SGB II (Jobcenter)",
        LeistungenZustand.Sgb2Beantragt => "SGB II beantragt",
        LeistungenZustand.Sgb2Bewilligt => "SGB II bewilligt",
        LeistungenZustand.Potenzialanalyse => "Potenzialanalyse",
        LeistungenZustand.Kooperationsplan => "Kooperationsplan",
        LeistungenZustand.Schlichtung => "Schlichtung",
        LeistungenZustand.Massnahme => "In einer Maßnahme",
        LeistungenZustand.ArbeitAufstockend => "Arbeit, aufstockend",
        LeistungenZustand.ArbeitBedarfsdeckend => "Arbeit/Ausbildung, bedarfsdeckend",
        LeistungenZustand.Sgb12 => "SGB XII (nicht erwerbsfähig)",
        _ => zustand.ToString(),
    };

    public static SchrittDefinition Schritt(LeistungenTrigger trigger) => trigger switch
    {
        LeistungenTrigger.AsylbLGBewilligen => Einfach(trigger, "AsylbLG-Leistungen bewilligt"),
        LeistungenTrigger.RechtskreiswechselAnstossen => Einfach(trigger, "Rechtskreiswechsel anstoßen"),
        LeistungenTrigger.Sgb2Beantragen => Einfach(trigger, "SGB II beantragt"),
        LeistungenTrigger.Sgb2Bewilligen => Einfach(trigger, "SGB II bewilligt"),
        LeistungenTrigger.Sgb2Ablehnen => new(trigger.ToString(), "SGB-II-Antrag abgelehnt", [Grund]),
        LeistungenTrigger.PotenzialanalyseDurchfuehren => Einfach(trigger, "Potenzialanalyse durchgeführt"),
        LeistungenTrigger.KooperationsplanAbschliessen => Einfach(trigger, "Kooperationsplan vereinbart"),
        LeistungenTrigger.KooperationsplanFortschreiben => Einfach(trigger, "Kooperationsplan überprüft und fortgeschrieben"),
        LeistungenTrigger.SchlichtungEinleiten => Einfach(trigger, "Schlichtung eingeleitet"),
        LeistungenTrigger.MassnahmeBeginnen => new(
            trigger.ToString(),
            "Maßnahme begonnen",
            [new(ParameterNamen.Massnahmeart, "Art der Maßnahme", ParameterTyp.Auswahl, true, Enum.GetValues<Massnahmeart>().Where(a => a != Massnahmeart.Weiterbildung).Select(a => new Auswahlwert(a.ToString(), Bezeichnung(a))).ToArray())]),
        LeistungenTrigger.QualifizierungBeginnen => new(trigger.ToString(), "Qualifizierung/Weiterbildung begonnen", [new(ParameterNamen.Bezeichnung, "Bezeichnung", ParameterTyp.Text, false)]),
        LeistungenTrigger.MassnahmeBeenden => Einfach(trigger, "Maßnahme beendet"),
        LeistungenTrigger.BeschaeftigungAufnehmen => new(trigger.ToString(), "Beschäftigung aufgenommen (Leistungsbezug läuft weiter)", [Wochenstunden]),
        LeistungenTrigger.ArbeitAufnehmenAufstockend => new(trigger.ToString(), "Arbeit aufgenommen, aufstockend", [Wochenstunden]),
        LeistungenTrigger.ArbeitAufnehmenBedarfsdeckend => new(trigger.ToString(), "Arbeit/Ausbildung aufgenommen, bedarfsdeckend", [Wochenstunden]),
        LeistungenTrigger.BeschaeftigungBeenden => Einfach(trigger, "Beschäftigung beendet"),
        LeistungenTrigger.InSgb12Wechseln => Einfach(trigger, "Wechsel in das SGB XII"),
        LeistungenTrigger.LeistungsbezugBeenden => new(trigger.ToString(), "Leistungsbezug beendet", [Grund]),
        _ => Einfach(trigger, trigger.ToString()),
    };

    public static string Bezeichnung(Massnahmeart art) => art switch
    {
        Massnahmeart.Aktivierung => "Aktivierung und berufliche Eingliederung",
        Massnahmeart.Integrationskurs => "Integrationskurs",
        Massnahmeart.Berufssprachkurs => "Berufssprachkurs",
        Massnahmeart.Coaching => "Coaching",
        Massnahmeart.Weiterbildung => "Berufliche Weiterbildung/Qualifizierung",
        _ => art.ToString(),
    };

    private static readonly ParameterDefinition Wochenstunden = new(ParameterNamen.Wochenstunden, "Wochenstunden", ParameterTyp.Zahl, true, Min: 1, Max: 60);

    private static readonly ParameterDefinition Grund = new(ParameterNamen.Grund, "Grund", ParameterTyp.Text, false);

    private static SchrittDefinition Einfach(LeistungenTrigger trigger, string bezeichnung) => SchrittDefinition.Einfach(trigger.ToString(), bezeichnung);
}
