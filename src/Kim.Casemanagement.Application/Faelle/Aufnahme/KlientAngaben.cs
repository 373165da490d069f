using Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Application.Faelle.Aufnahme;

/// <summary>The person's data at intake.</summary>
public sealed record KlientAngaben(
    string Vorname,
    string Nachname,
    DateOnly Geburtsdatum,
    Geschlecht Geschlecht,
    string Herkunftsland,
    DateOnly? Einreisedatum,
    Guid? HaushaltId,
    int MinderjaehrigeKinder);
