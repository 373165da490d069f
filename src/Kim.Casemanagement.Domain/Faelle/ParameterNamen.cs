namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>The API names of step parameters.</summary>
public static class ParameterNamen
{
    public const string GueltigBis = "gueltigBis";
    public const string Wohnsitzauflage = "wohnsitzauflage";
    public const string Nebenbestimmungen = "nebenbestimmungen";
    public const string Rechtsgrundlage = "rechtsgrundlage";
    public const string Schutzform = "schutzform";
    public const string LebensunterhaltAusnahme = "lebensunterhaltAusnahme";
    public const string Wochenstunden = "wochenstunden";
    public const string Massnahmeart = "massnahmeart";
    public const string Bezeichnung = "bezeichnung";
    public const string Grund = "grund";
    public const string Sprachniveau = "sprachniveau";
    public const string AlphabetisierungNoetig = "alphabetisierungNoetig";
    public const string IntegrationskursArt = "art";
    public const string Ergebnis = "ergebnis";
    public const string ZabZeugnisbewertung = "zabZeugnisbewertung";
    public const string Abschlussgrund = "abschlussgrund";
    public const string Abbruchgrund = "abbruchgrund";
}
