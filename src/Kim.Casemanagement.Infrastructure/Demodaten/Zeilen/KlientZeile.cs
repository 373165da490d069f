using Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>klienten</c>.</summary>
public sealed record KlientZeile(
    Guid Id,
    string Mandant,
    string Vorname,
    string Nachname,
    DateOnly Geburtsdatum,
    Geschlecht Geschlecht,
    string Herkunftsland,
    DateOnly? Einreisedatum,
    Guid? HaushaltId,
    int MinderjaehrigeKinder,
    DateTimeOffset ErstelltAm);
