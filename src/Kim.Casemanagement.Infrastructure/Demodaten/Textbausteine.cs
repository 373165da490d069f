namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>German text blocks for notes, goals, follow-ups and referrals. Generic wording: no real persons, no real cases.</summary>
internal static class Textbausteine
{
    public static readonly string[] NotizenAufnahme =
    [
        "Erstgespräch geführt. Anliegen: aufenthaltsrechtliche Situation klären und einen Sprachkurs finden.",
        "Erstgespräch mit Sprachmittlung. Mehrere Stellen beteiligt, Unterlagen teilweise vorhanden.",
        "Aufnahme nach Hinweis der Migrationsberatung. Komplexer Unterstützungsbedarf bei Arbeit und Wohnen.",
        "Erstkontakt in der offenen Sprechstunde. Termin für das Klärungsgespräch vereinbart.",
        "Weiterleitung durch das Jobcenter. Klient*in wünscht Begleitung bei Behördenterminen.",
        "Erstgespräch geführt; Schulzeugnisse und Berufsnachweise aus dem Herkunftsland liegen in Kopie vor.",
    ];

    public static readonly string[] NotizenKontakt =
    [
        "Telefonat: Unterlagen für den Antrag besprochen, fehlende Nachweise werden nachgereicht.",
        "Termin wahrgenommen. Fortschritte im Sprachkurs, Anwesenheit regelmäßig.",
        "Klient*in nicht erreichbar, neuer Termin schriftlich angeboten.",
        "Hausbesuch: Wohnsituation beengt, Unterstützung bei der Wohnungssuche vereinbart.",
        "Rücksprache mit der Ausländerbehörde zum Stand des Verfahrens.",
        "Unterlagen zur Anerkennung des Berufsabschlusses vollständig und weitergeleitet.",
        "Kinderbetreuung für den Kursbesuch organisiert (Kita-Platz ab dem nächsten Monat).",
        "Gemeinsamer Termin mit dem Jobcenter: nächste Schritte im Kooperationsplan abgestimmt.",
        "Klient*in berichtet von gesundheitlichen Belastungen; Hinweis auf Beratungsangebote gegeben.",
        "Bewerbungsunterlagen gemeinsam überarbeitet, zwei Bewerbungen versandt.",
        "Sprachmittlung für den nächsten Termin angefragt.",
        "Kurzer Austausch per Telefon: Termin bei der Bildungsberatung wahrgenommen.",
    ];

    public static readonly (string Was, string Wer, string? Messgroesse)[] Ziele =
    [
        ("Integrationskurs mit dem Zertifikat B1 abschließen", "Klient*in, Bildungsberatung", "Zertifikat Deutsch-Test für Zuwanderer B1"),
        ("Aufenthaltsrechtliche Perspektive klären und den Antrag vollständig stellen", "Klient*in mit Fallmanagement", "Antrag bei der Ausländerbehörde eingereicht"),
        ("Arbeitsaufnahme mit mindestens 20 Wochenstunden", "Klient*in, Jobcenter", "Arbeitsvertrag liegt vor"),
        ("Anerkennung des ausländischen Berufsabschlusses beantragen", "Klient*in, Bildungsberatung", "Antrag bei der zuständigen Stelle gestellt"),
        ("Eigene Wohnung finden und beziehen", "Klient*in mit Fallmanagement", "Mietvertrag unterschrieben"),
        ("Kita-Platz für das jüngste Kind sichern", "Klient*in", "Betreuungsvertrag liegt vor"),
        ("Ausbildungsplatz für das kommende Ausbildungsjahr finden", "Klient*in, Jobcenter", "Ausbildungsvertrag abgeschlossen"),
        ("Pass oder Passersatzpapier beschaffen", "Klient*in", "Nachweis bei der Ausländerbehörde vorgelegt"),
        ("Alphabetisierungskurs regelmäßig besuchen und abschließen", "Klient*in, Kursträger", "Teilnahmebescheinigung"),
        ("Schulden regulieren und einen Termin bei der Schuldnerberatung wahrnehmen", "Klient*in", "Beratungstermin wahrgenommen"),
        ("Gesundheitliche Versorgung sicherstellen: Hausarztpraxis finden", "Klient*in mit Fallmanagement", "Erster Termin wahrgenommen"),
        ("Berufssprachkurs B2 beginnen", "Klient*in, Jobcenter", "Kursbeginn bestätigt"),
    ];

    public static readonly string[] Wiedervorlagen =
    [
        "Termin mit Klient*in vorbereiten",
        "Nachweise für den Antrag nachfordern",
        "Rückmeldung des Kursträgers abfragen",
        "Stand des Verfahrens bei der Ausländerbehörde erfragen",
        "Bewerbungsstand besprechen",
        "Zwischengespräch zum Hilfeplan",
    ];

    public static readonly string[] AnliegenAuslaenderbehoerde =
    [
        "Beratung zur Verlängerung des Aufenthaltstitels",
        "Prüfung einer Aufenthaltserlaubnis nach § 25b AufenthG",
        "Klärung der Identität und Unterstützung bei der Passbeschaffung",
        "Prüfung einer Beschäftigungserlaubnis",
    ];

    public static readonly string[] AnliegenJobcenter =
    [
        "Übernahme in die Betreuung nach dem Rechtskreiswechsel",
        "Vermittlung in eine Maßnahme zur Aktivierung",
        "Prüfung einer Förderung der beruflichen Weiterbildung",
        "Abstimmung des Kooperationsplans",
    ];

    public static readonly string[] AnliegenBildungsberatung =
    [
        "Beratung zum Integrationskurs und zur Kursplatzsuche",
        "Anerkennungsberatung für den ausländischen Berufsabschluss",
        "Vermittlung in einen Berufssprachkurs",
        "Beratung zum Schulabschluss für junge Erwachsene",
    ];

    public static readonly string[] RuhenGruende =
    [
        "Krankheit", "Elternzeit", "Längerer Aufenthalt im Ausland", "Klient*in vorübergehend nicht erreichbar", "Vorrang einer Therapie",
    ];

    public static readonly string[] VerweisenGruende =
    [
        "Kein komplexer Unterstützungsbedarf: Verweis an die Migrationsberatung für Erwachsene",
        "Zuständigkeit des Jugendmigrationsdienstes",
        "Anliegen betrifft nur eine Stelle: Verweis an die Fachberatung",
    ];

    public static readonly string[] UnterbrechenGruende =
    [
        "Krankheit", "Schwangerschaft", "Arbeitsaufnahme", "Umzug", "Kursausfall beim Träger",
    ];

    public static readonly string[] AblehnenGruende =
    [
        "Nicht zuständig", "Kapazitäten ausgeschöpft", "Voraussetzungen nicht erfüllt",
    ];

    public static readonly string[] Ausbildungsberufe =
    [
        "Pflegefachfrau/Pflegefachmann", "Elektroniker/-in für Energie- und Gebäudetechnik", "Kaufmann/-frau im Einzelhandel",
        "Fachkraft für Lagerlogistik", "Anlagenmechaniker/-in SHK", "Medizinische/-r Fachangestellte/-r", "Koch/Köchin",
        "Berufskraftfahrer/-in", "Friseur/-in", "Kfz-Mechatroniker/-in",
    ];

    public static readonly string[] Qualifizierungen =
    [
        "Gabelstaplerschein", "Pflegebasiskurs", "EDV-Grundlagen", "Teilqualifizierung Lagerlogistik", "Hygieneschulung Gastronomie",
        "Sicherheitsschein nach § 34a GewO",
    ];

    public static readonly string[] Studiengaenge =
    [
        "Informatik (B.Sc.)", "Soziale Arbeit (B.A.)", "Maschinenbau (B.Sc.)", "Pharmazie (Staatsexamen)", "Wirtschaftswissenschaften (B.Sc.)",
    ];

    public static readonly string[] Schulabschluesse =
    [
        "Hauptschulabschluss nach Klasse 9", "Hauptschulabschluss nach Klasse 10", "Mittlerer Schulabschluss (FOR)",
    ];

    public static readonly string[] Berufe =
    [
        "Elektroniker", "Kfz-Mechaniker", "Friseurin", "Schneiderin", "Krankenpfleger", "Bäcker", "Schweißer", "Tischler", "Koch", "Maurer",
        "Buchhalterin", "Erzieherin",
    ];

    public static readonly string[] AkademischeBerufe =
    [
        "Lehrerin (Lehramt)", "Bauingenieur", "Ärztin", "Apotheker", "Betriebswirtin (Bachelor)", "Informatiker (Bachelor)", "Juristin",
        "Zahnarzt", "Architektin", "Agraringenieur",
    ];

    public static readonly string[] SonstigeRechtsgrundlagen =
    [
        "§ 30 AufenthG (Ehegattennachzug)", "§ 32 AufenthG (Kindernachzug)", "§ 36 Abs. 2 AufenthG (sonstiger Familiennachzug)",
        "§ 18a AufenthG (Fachkraft mit Berufsausbildung)", "§ 18b AufenthG (Fachkraft mit akademischer Ausbildung)",
        "§ 16a AufenthG (Berufsausbildung)", "§ 19c AufenthG (Beschäftigung)",
    ];

    public static readonly string[] Nebenbestimmungen =
    [
        "Erwerbstätigkeit erlaubt.", "Beschäftigung nur mit Erlaubnis der Ausländerbehörde.", "Selbständige Tätigkeit nicht gestattet.",
    ];
}
