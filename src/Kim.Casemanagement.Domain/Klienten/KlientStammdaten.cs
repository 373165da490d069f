namespace Kim.Casemanagement.Domain.Klienten;

/// <summary>The master data of a person as entered at intake or in a correction (Art. 16 DSGVO).</summary>
public sealed record KlientStammdaten(
    string Vorname,
    string Nachname,
    DateOnly Geburtsdatum,
    Geschlecht Geschlecht,
    string Herkunftsland,
    DateOnly? Einreisedatum,
    int MinderjaehrigeKinder)
{
    /// <summary>The field names (as in the API and in field errors) and their German labels, in form order.</summary>
    public static class Felder
    {
        public const string Vorname = "vorname";
        public const string Nachname = "nachname";
        public const string Geburtsdatum = "geburtsdatum";
        public const string Geschlecht = "geschlecht";
        public const string Herkunftsland = "herkunftsland";
        public const string Einreisedatum = "einreisedatum";
        public const string MinderjaehrigeKinder = "minderjaehrigeKinder";

        public static string Bezeichnung(string feld) => feld switch
        {
            Vorname => "Vorname",
            Nachname => "Nachname",
            Geburtsdatum => "Geburtsdatum",
            Geschlecht => "Geschlecht",
            Herkunftsland => "Herkunftsland",
            Einreisedatum => "Einreisedatum",
            MinderjaehrigeKinder => "Zahl der minderjährigen Kinder",
            _ => feld,
        };
    }
}

/// <summary>One corrected field and its value before the correction (for the audit trail only, never the case file).</summary>
public sealed record StammdatenAenderung(string Feld, string? Vorher);
