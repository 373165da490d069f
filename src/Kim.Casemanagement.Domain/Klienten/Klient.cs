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
        var errors = new Dictionary<string, string[]>();
        vorname = Texte.Normalisieren(vorname) ?? string.Empty;
        nachname = Texte.Normalisieren(nachname) ?? string.Empty;
        herkunftsland = Texte.Normalisieren(herkunftsland) ?? string.Empty;
        if (!Texte.IstGueltigerName(vorname))
        {
            errors["vorname"] = [$"Der Vorname muss aus Buchstaben bestehen (1 bis {Texte.NameMaxLaenge} Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt)."];
        }

        if (!Texte.IstGueltigerName(nachname))
        {
            errors["nachname"] = [$"Der Nachname muss aus Buchstaben bestehen (1 bis {Texte.NameMaxLaenge} Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt)."];
        }

        if (!Texte.IstGueltigerName(herkunftsland))
        {
            errors["herkunftsland"] = ["Das Herkunftsland muss angegeben werden (nur Buchstaben)."];
        }

        if (geburtsdatum > heute || geburtsdatum < heute.AddYears(-120))
        {
            errors["geburtsdatum"] = ["Das Geburtsdatum muss in der Vergangenheit liegen und darf höchstens 120 Jahre zurückliegen."];
        }

        if (einreisedatum is { } einreise && (einreise < geburtsdatum || einreise > heute))
        {
            errors["einreisedatum"] = ["Das Einreisedatum muss zwischen Geburtsdatum und heute liegen."];
        }

        if (minderjaehrigeKinder is < 0 or > 30)
        {
            errors["minderjaehrigeKinder"] = ["Die Zahl der minderjährigen Kinder muss zwischen 0 und 30 liegen."];
        }

        if (!Enum.IsDefined(geschlecht))
        {
            errors["geschlecht"] = ["Unbekannter Wert für das Geschlecht."];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Die Angaben zur Person sind unvollständig oder ungültig.", errors);
        }

        return new Klient(id, vorname, nachname, geburtsdatum, geschlecht, herkunftsland, einreisedatum, haushaltId, minderjaehrigeKinder, jetzt);
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
