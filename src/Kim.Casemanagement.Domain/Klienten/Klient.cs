using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Domain.Klienten;

/// <summary>A person in KIM case management.</summary>
public sealed class Klient
{
    private Klient()
    {
        Vorname = Nachname = Herkunftsland = string.Empty;
    }

    private Klient(Guid id, string vorname, string nachname, DateOnly geburtsdatum, Geschlecht geschlecht, string herkunftsland, DateOnly? einreisedatum, Guid? haushaltId, int minderjaehrigeKinder, DateTimeOffset erstelltAm)
    {
        Id = id;
        Vorname = vorname;
        Nachname = nachname;
        Geburtsdatum = geburtsdatum;
        Geschlecht = geschlecht;
        Herkunftsland = herkunftsland;
        Einreisedatum = einreisedatum;
        HaushaltId = haushaltId;
        MinderjaehrigeKinder = minderjaehrigeKinder;
        ErstelltAm = erstelltAm;
    }

    public Guid Id { get; private set; }

    public string Vorname { get; private set; }

    public string Nachname { get; private set; }

    public DateOnly Geburtsdatum { get; private set; }

    public Geschlecht Geschlecht { get; private set; }

    /// <summary>Country of origin (German short name, e.g. "Syrien").</summary>
    public string Herkunftsland { get; private set; }

    /// <summary>Date of entry into Germany, if known.</summary>
    public DateOnly? Einreisedatum { get; private set; }

    /// <summary>Groups clients of one household.</summary>
    public Guid? HaushaltId { get; private set; }

    /// <summary>Number of minor children in the household (relevant for § 25b).</summary>
    public int MinderjaehrigeKinder { get; private set; }

    public DateTimeOffset ErstelltAm { get; private set; }

    public static Klient Erfassen(Guid id, string vorname, string nachname, DateOnly geburtsdatum, Geschlecht geschlecht, string herkunftsland, DateOnly? einreisedatum, Guid? haushaltId, int minderjaehrigeKinder, DateOnly heute, DateTimeOffset jetzt)
    {
        var d = Pruefen(new KlientStammdaten(vorname, nachname, geburtsdatum, geschlecht, herkunftsland, einreisedatum, minderjaehrigeKinder), heute, []);
        return new Klient(id, d.Vorname, d.Nachname, d.Geburtsdatum, d.Geschlecht, d.Herkunftsland, d.Einreisedatum, haushaltId, d.MinderjaehrigeKinder, jetzt);
    }

    /// <summary>The master data a person can have corrected (Art. 16 DSGVO), as stored now.</summary>
    public KlientStammdaten Stammdaten => new(Vorname, Nachname, Geburtsdatum, Geschlecht, Herkunftsland, Einreisedatum, MinderjaehrigeKinder);

    /// <summary>
    /// Corrects the master data with the rules of intake (Art. 16 DSGVO). Returns the fields that changed with their old
    /// values, for the audit trail only; nothing changes when the input is invalid.
    /// </summary>
    /// <param name="weitereFehler">Further field errors found by the caller (e.g. against the Fall's dates), reported together with these.</param>
    internal IReadOnlyList<StammdatenAenderung> Berichtigen(KlientStammdaten neu, DateOnly heute, Dictionary<string, string[]> weitereFehler)
    {
        ArgumentNullException.ThrowIfNull(neu);
        var d = Pruefen(neu, heute, weitereFehler);
        var alt = Stammdaten;
        var aenderungen = new List<StammdatenAenderung>();
        void Vergleichen(string feld, string? vorher, string? nachher)
        {
            if (!string.Equals(vorher, nachher, StringComparison.Ordinal))
            {
                aenderungen.Add(new StammdatenAenderung(feld, vorher));
            }
        }

        Vergleichen(KlientStammdaten.Felder.Vorname, alt.Vorname, d.Vorname);
        Vergleichen(KlientStammdaten.Felder.Nachname, alt.Nachname, d.Nachname);
        Vergleichen(KlientStammdaten.Felder.Geburtsdatum, Iso(alt.Geburtsdatum), Iso(d.Geburtsdatum));
        Vergleichen(KlientStammdaten.Felder.Geschlecht, alt.Geschlecht.ToString(), d.Geschlecht.ToString());
        Vergleichen(KlientStammdaten.Felder.Herkunftsland, alt.Herkunftsland, d.Herkunftsland);
        Vergleichen(KlientStammdaten.Felder.Einreisedatum, Iso(alt.Einreisedatum), Iso(d.Einreisedatum));
        Vergleichen(KlientStammdaten.Felder.MinderjaehrigeKinder, alt.MinderjaehrigeKinder.ToString(System.Globalization.CultureInfo.InvariantCulture), d.MinderjaehrigeKinder.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Vorname = d.Vorname;
        Nachname = d.Nachname;
        Geburtsdatum = d.Geburtsdatum;
        Geschlecht = d.Geschlecht;
        Herkunftsland = d.Herkunftsland;
        Einreisedatum = d.Einreisedatum;
        MinderjaehrigeKinder = d.MinderjaehrigeKinder;
        return aenderungen;

        static string? Iso(DateOnly? datum) => datum?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rules of intake: normalised texts, names of letters, plausible dates; German messages per field.</summary>
    private static KlientStammdaten Pruefen(KlientStammdaten d, DateOnly heute, Dictionary<string, string[]> errors)
    {
        var vorname = Texte.Normalisieren(d.Vorname) ?? string.Empty;
        var nachname = Texte.Normalisieren(d.Nachname) ?? string.Empty;
        var herkunftsland = Texte.Normalisieren(d.Herkunftsland) ?? string.Empty;
        if (!Texte.IstGueltigerName(vorname))
        {
            errors[KlientStammdaten.Felder.Vorname] = [$"Der Vorname muss aus Buchstaben bestehen (1 bis {Texte.NameMaxLaenge} Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt)."];
        }

        if (!Texte.IstGueltigerName(nachname))
        {
            errors[KlientStammdaten.Felder.Nachname] = [$"Der Nachname muss aus Buchstaben bestehen (1 bis {Texte.NameMaxLaenge} Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt)."];
        }

        if (!Texte.IstGueltigerName(herkunftsland))
        {
            errors[KlientStammdaten.Felder.Herkunftsland] = ["Das Herkunftsland muss angegeben werden (nur Buchstaben)."];
        }

        if (d.Geburtsdatum > heute || d.Geburtsdatum < heute.AddYears(-120))
        {
            errors[KlientStammdaten.Felder.Geburtsdatum] = ["Das Geburtsdatum muss in der Vergangenheit liegen und darf höchstens 120 Jahre zurückliegen."];
        }

        if (d.Einreisedatum is { } einreise && (einreise < d.Geburtsdatum || einreise > heute))
        {
            errors[KlientStammdaten.Felder.Einreisedatum] = ["Das Einreisedatum muss zwischen Geburtsdatum und heute liegen."];
        }

        if (d.MinderjaehrigeKinder is < 0 or > 30)
        {
            errors[KlientStammdaten.Felder.MinderjaehrigeKinder] = ["Die Zahl der minderjährigen Kinder muss zwischen 0 und 30 liegen."];
        }

        if (!Enum.IsDefined(d.Geschlecht))
        {
            errors[KlientStammdaten.Felder.Geschlecht] = ["Unbekannter Wert für das Geschlecht."];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Die Angaben zur Person sind unvollständig oder ungültig.", errors);
        }

        return d with { Vorname = vorname, Nachname = nachname, Herkunftsland = herkunftsland };
    }

    /// <summary>Age in whole years on a given day.</summary>
    public int AlterAm(DateOnly datum)
    {
        var alter = datum.Year - Geburtsdatum.Year;
        if (datum < Geburtsdatum.AddYears(alter))
        {
            alter--;
        }

        return alter;
    }

    /// <summary>Young adult (18-27) on the day, the target group of the NRW initiatives named in source 000.</summary>
    public bool IstJungeErwachseneAm(DateOnly datum, Rechtsregeltabelle regeln)
    {
        ArgumentNullException.ThrowIfNull(regeln);
        var alter = AlterAm(datum);
        return alter >= regeln.Wert(Regeln.JungeErwachseneVonJahre, datum) && alter <= regeln.Wert(Regeln.JungeErwachseneBisJahre, datum);
    }

    /// <summary>Zieldimension I: within the first years after entry (source 001).</summary>
    public bool IstInZieldimensionIAm(DateOnly datum, Rechtsregeltabelle regeln)
    {
        ArgumentNullException.ThrowIfNull(regeln);
        return Einreisedatum is { } einreise && einreise.AddYears(regeln.Wert(Regeln.ZieldimensionIJahre, datum)) > datum;
    }
}
