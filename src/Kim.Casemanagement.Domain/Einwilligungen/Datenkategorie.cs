namespace Kim.Casemanagement.Domain.Einwilligungen;

/// <summary>The data categories a consent names. A consent must name at least one; "everything" is not a category.</summary>
[Flags]
public enum Datenkategorie
{
    Keine = 0,
    Stammdaten = 1,
    Aufenthalt = 2,
    Leistungen = 4,
    Bildung = 8,
    Kompetenzprofil = 16,

    /// <summary>Health data: a special category under Art. 9 DSGVO.</summary>
    Gesundheit = 32,
}
