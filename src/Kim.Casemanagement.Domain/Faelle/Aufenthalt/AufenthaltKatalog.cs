namespace Kim.Casemanagement.Domain.Faelle.Aufenthalt;

/// <summary>German labels and parameters of the residence track.</summary>
public static class AufenthaltKatalog
{
    /// <summary>States a Fall may start in at intake (the status the client already has).</summary>
    public static readonly IReadOnlyList<AufenthaltZustand> Startzustaende =
    [
        AufenthaltZustand.KeinStatus, AufenthaltZustand.Asylgesuch, AufenthaltZustand.Ankunftsnachweis, AufenthaltZustand.Aufenthaltsgestattung,
        AufenthaltZustand.Schutzstatus, AufenthaltZustand.Ausreisepflichtig, AufenthaltZustand.Duldung, AufenthaltZustand.DuldungUngeklaerteIdentitaet,
        AufenthaltZustand.Ausbildungsduldung, AufenthaltZustand.Beschaeftigungsduldung, AufenthaltZustand.AufenthaltserlaubnisSchutz,
        AufenthaltZustand.Aufenthaltserlaubnis24, AufenthaltZustand.Aufenthaltserlaubnis25a, AufenthaltZustand.Aufenthaltserlaubnis25b,
        AufenthaltZustand.Aufenthaltserlaubnis16g, AufenthaltZustand.Chancenaufenthaltsrecht, AufenthaltZustand.AufenthaltserlaubnisSonstige,
        AufenthaltZustand.Niederlassungserlaubnis,
    ];

    public static string Bezeichnung(AufenthaltZustand zustand) => zustand switch
    {
        AufenthaltZustand.KeinStatus => "Kein Status erfasst",
        AufenthaltZustand.Asylverfahren => "Asylverfahren",
        AufenthaltZustand.Asylgesuch => "Asylgesuch",
        AufenthaltZustand.Ankunftsnachweis => "Ankunftsnachweis",
        AufenthaltZustand.Aufenthaltsgestattung => "Aufenthaltsgestattung (§ 55 AsylG)",
        AufenthaltZustand.Schutzstatus => "Schutzstatus zuerkannt",
        AufenthaltZustand.Ausreisepflichtig => "Ausreisepflichtig",
        AufenthaltZustand.Geduldet => "Geduldet",
        AufenthaltZustand.Duldung => "Duldung (§ 60a AufenthG)",
        AufenthaltZustand.DuldungUngeklaerteIdentitaet => "Duldung bei ungeklärter Identität (§ 60b AufenthG)",
        AufenthaltZustand.Ausbildungsduldung => "Ausbildungsduldung (§ 60c AufenthG)",
        AufenthaltZustand.Beschaeftigungsduldung => "Beschäftigungsduldung (§ 60d AufenthG)",
        AufenthaltZustand.Aufenthaltstitel => "Befristeter Aufenthaltstitel",
        AufenthaltZustand.AufenthaltserlaubnisSchutz => "Aufenthaltserlaubnis (§ 25 Abs. 1-3 AufenthG)",
        AufenthaltZustand.Aufenthaltserlaubnis24 => "Aufenthaltserlaubnis (§ 24 AufenthG, vorübergehender Schutz)",
        AufenthaltZustand.Aufenthaltserlaubnis25a => "Aufenthaltserlaubnis (§ 25a AufenthG)",
        AufenthaltZustand.Aufenthaltserlaubnis25b => "Aufenthaltserlaubnis (§ 25b AufenthG)",
        AufenthaltZustand.Aufenthaltserlaubnis16g => "Aufenthaltserlaubnis zur Berufsausbildung (§ 16g AufenthG)",
        AufenthaltZustand.Chancenaufenthaltsrecht => "Chancen-Aufenthaltsrecht (§ 104c AufenthG)",
        AufenthaltZustand.AufenthaltserlaubnisSonstige => "Sonstige Aufenthaltserlaubnis",
        AufenthaltZustand.VerlaengerungBeantragt => "Verlängerung beantragt",
        AufenthaltZustand.Fiktionsbescheinigung => "Fiktionsbescheinigung (§ 81 Abs. 4 AufenthG)",
        AufenthaltZustand.Niederlassungserlaubnis => "Niederlassungserlaubnis",
        AufenthaltZustand.Eingebuergert => "Eingebürgert (§ 10 StAG)",
        AufenthaltZustand.Ausgereist => "Ausgereist",
        _ => zustand.ToString(),
    };

    /// <summary>The legal basis recorded for a permit of the given kind (the "sonstige" kind takes it as a parameter).</summary>
    public static string? Rechtsgrundlage(AufenthaltZustand art, Schutzform? schutzform) => art switch
    {
        AufenthaltZustand.AufenthaltserlaubnisSchutz => schutzform switch
        {
            Schutzform.Asylberechtigung => "§ 25 Abs. 1 AufenthG",
            Schutzform.Fluechtlingseigenschaft => "§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG",
            Schutzform.SubsidiaererSchutz => "§ 25 Abs. 2 Satz 1 Alt. 2 AufenthG",
            Schutzform.Abschiebungsverbot => "§ 25 Abs. 3 AufenthG",
            _ => "§ 25 AufenthG",
        },
        AufenthaltZustand.Aufenthaltserlaubnis24 => "§ 24 AufenthG",
        AufenthaltZustand.Aufenthaltserlaubnis25a => "§ 25a AufenthG",
        AufenthaltZustand.Aufenthaltserlaubnis25b => "§ 25b AufenthG",
        AufenthaltZustand.Aufenthaltserlaubnis16g => "§ 16g AufenthG",
        AufenthaltZustand.Chancenaufenthaltsrecht => "§ 104c AufenthG",
        AufenthaltZustand.Niederlassungserlaubnis => "§ 9 / § 26 Abs. 3 AufenthG",
        AufenthaltZustand.Duldung => "§ 60a AufenthG",
        AufenthaltZustand.DuldungUngeklaerteIdentitaet => "§ 60b AufenthG",
        AufenthaltZustand.Ausbildungsduldung => "§ 60c AufenthG",
        AufenthaltZustand.Beschaeftigungsduldung => "§ 60d AufenthG",
        AufenthaltZustand.Aufenthaltsgestattung => "§ 55 AsylG",
        _ => null,
    };

    public static SchrittDefinition Schritt(AufenthaltTrigger trigger) => trigger switch
    {
        AufenthaltTrigger.AsylSuchen => Einfach(trigger, "Asylgesuch erfassen"),
        AufenthaltTrigger.AnkunftsnachweisAusstellen => Einfach(trigger, "Ankunftsnachweis ausgestellt"),
        AufenthaltTrigger.AsylantragStellen => Einfach(trigger, "Asylantrag gestellt (Aufenthaltsgestattung)"),
        AufenthaltTrigger.Anerkennen => new(trigger.ToString(), "Schutzstatus zuerkannt (Anerkennung)", [ParameterDefinition.Auswahl<Schutzform>(ParameterNamen.Schutzform, "Schutzform", true, Bezeichnung)]),
        AufenthaltTrigger.AbschiebungsverbotFeststellen => Einfach(trigger, "Abschiebungsverbot festgestellt (§ 60 Abs. 5/7)"),
        AufenthaltTrigger.AsylantragAblehnen => Einfach(trigger, "Asylantrag bestandskräftig abgelehnt"),
        AufenthaltTrigger.AufenthaltserlaubnisErteilen => Titel(trigger, "Aufenthaltserlaubnis erteilt"),
        AufenthaltTrigger.DuldungErteilen => Duldung(trigger, "Duldung erteilt / verlängert"),
        AufenthaltTrigger.DuldungUngeklaerteIdentitaetErteilen => Duldung(trigger, "Duldung bei ungeklärter Identität (§ 60b)"),
        AufenthaltTrigger.IdentitaetKlaeren => Einfach(trigger, "Identität geklärt"),
        AufenthaltTrigger.AusbildungsduldungErteilen => Duldung(trigger, "Ausbildungsduldung erteilt (§ 60c)"),
        AufenthaltTrigger.BeschaeftigungsduldungErteilen => Duldung(trigger, "Beschäftigungsduldung erteilt (§ 60d)"),
        AufenthaltTrigger.Paragraph16gErteilen => Titel(trigger, "Aufenthaltserlaubnis § 16g erteilt"),
        AufenthaltTrigger.Paragraph25aErteilen => Titel(trigger, "Aufenthaltserlaubnis § 25a erteilt"),
        AufenthaltTrigger.Paragraph25bErteilen => Titel(trigger, "Aufenthaltserlaubnis § 25b erteilt"),
        AufenthaltTrigger.ChancenaufenthaltsrechtErteilen => Titel(trigger, "Chancen-Aufenthaltsrecht § 104c erteilt"),
        AufenthaltTrigger.ChancenaufenthaltsrechtAblaufen => Duldung(trigger, "Chancen-Aufenthaltsrecht abgelaufen (zurück in die Duldung)"),
        AufenthaltTrigger.Paragraph24Erteilen => Titel(trigger, "Aufenthaltserlaubnis § 24 erteilt (vorübergehender Schutz)"),
        AufenthaltTrigger.SonstigeAufenthaltserlaubnisErteilen => new(
            trigger.ToString(),
            "Sonstige Aufenthaltserlaubnis erteilt",
            [new(ParameterNamen.Rechtsgrundlage, "Rechtsgrundlage (z. B. § 18a AufenthG)", ParameterTyp.Text, true, Max: 100), .. TitelParameter]),
        AufenthaltTrigger.VerlaengerungBeantragen => Einfach(trigger, "Verlängerung beantragt"),
        AufenthaltTrigger.FiktionsbescheinigungAusstellen => Einfach(trigger, "Fiktionsbescheinigung ausgestellt"),
        AufenthaltTrigger.Verlaengern => new(trigger.ToString(), "Aufenthaltstitel verlängert", [new(ParameterNamen.GueltigBis, "Gültig bis", ParameterTyp.Datum, true)]),
        AufenthaltTrigger.NiederlassungserlaubnisErteilen => Einfach(trigger, "Niederlassungserlaubnis erteilt"),
        AufenthaltTrigger.Einbuergern => new(
            trigger.ToString(),
            "Eingebürgert",
            [ParameterDefinition.Auswahl<LebensunterhaltAusnahme>(ParameterNamen.LebensunterhaltAusnahme, "Ausnahme vom Erfordernis der Lebensunterhaltssicherung", false, Bezeichnung)]),
        AufenthaltTrigger.Ausreisen => Einfach(trigger, "Ausgereist"),
        _ => Einfach(trigger, trigger.ToString()),
    };

    public static string Bezeichnung(Schutzform schutzform) => schutzform switch
    {
        Schutzform.Asylberechtigung => "Asylberechtigung (Art. 16a GG)",
        Schutzform.Fluechtlingseigenschaft => "Flüchtlingseigenschaft (§ 3 AsylG)",
        Schutzform.SubsidiaererSchutz => "Subsidiärer Schutz (§ 4 AsylG)",
        Schutzform.Abschiebungsverbot => "Abschiebungsverbot (§ 60 Abs. 5/7 AufenthG)",
        _ => schutzform.ToString(),
    };

    public static string Bezeichnung(LebensunterhaltAusnahme ausnahme) => ausnahme switch
    {
        LebensunterhaltAusnahme.NichtZuVertreten => "Leistungsbezug nicht zu vertreten (alte Rechtslage)",
        LebensunterhaltAusnahme.Vollzeit20Von24Monaten => "Vollzeiterwerbstätigkeit in 20 der letzten 24 Monate",
        LebensunterhaltAusnahme.EhegatteVollzeitMitKind => "Ehegatte/Lebenspartner in Vollzeit, mit minderjährigem Kind",
        LebensunterhaltAusnahme.Anwerbeabkommen => "Eingereist als Gastarbeiter/Vertragsarbeitnehmer",
        _ => ausnahme.ToString(),
    };

    private static readonly ParameterDefinition[] TitelParameter =
    [
        new(ParameterNamen.GueltigBis, "Gültig bis", ParameterTyp.Datum, true),
        new(ParameterNamen.Wohnsitzauflage, "Wohnsitzauflage (§ 12a AufenthG)", ParameterTyp.JaNein, false),
        new(ParameterNamen.Nebenbestimmungen, "Nebenbestimmungen", ParameterTyp.Text, false),
    ];

    private static SchrittDefinition Titel(AufenthaltTrigger trigger, string bezeichnung) => new(trigger.ToString(), bezeichnung, TitelParameter);

    private static SchrittDefinition Duldung(AufenthaltTrigger trigger, string bezeichnung) =>
        new(trigger.ToString(), bezeichnung, [new(ParameterNamen.GueltigBis, "Gültig bis", ParameterTyp.Datum, false)]);

    private static SchrittDefinition Einfach(AufenthaltTrigger trigger, string bezeichnung) => SchrittDefinition.Einfach(trigger.ToString(), bezeichnung);
}
