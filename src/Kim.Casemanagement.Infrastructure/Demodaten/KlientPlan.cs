using Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>A client as planned before the simulation: person, household, country, situation and intake day.</summary>
internal sealed record KlientPlan(
    int Haushalt,
    int Mitglied,
    string Vorname,
    string Nachname,
    DateOnly Geburtsdatum,
    Geschlecht Geschlecht,
    Herkunftsland Land,
    DateOnly Einreisedatum,
    Guid? HaushaltId,
    int MinderjaehrigeKinder,
    Szenario Szenario,
    DateOnly Aufnahmedatum)
{
    /// <summary>Running number in intake order (0-based); the file number is <c>Index + 1</c>.</summary>
    public int Index { get; init; }
}
