namespace Kim.Casemanagement.Application.Faelle.FaelleSuchen;

/// <summary>Search and filter for the caseload list.</summary>
/// <param name="Suche">Part of the name or the file number.</param>
/// <param name="Phase">Case-management phase (a ProzessZustand name).</param>
/// <param name="Spur">Track to filter by state (with <paramref name="Zustand"/>).</param>
/// <param name="Zustand">State name on <paramref name="Spur"/>.</param>
/// <param name="FaelligeWiedervorlagen">Only Fälle with a follow-up due today or earlier.</param>
/// <param name="OhneKontaktSeitTagen">Only Fälle without recorded contact for at least this many days.</param>
/// <param name="FallmanagerId">Only Fälle led by this user.</param>
/// <param name="OhneFallmanager">Only Fälle without a lead case manager (the team lead's intake queue).</param>
/// <param name="Sortierung">aktenzeichen, name, geaendert, wiedervorlage.</param>
/// <param name="Absteigend">Sort descending.</param>
/// <param name="Seite">1-based page.</param>
/// <param name="Groesse">Page size (1..200).</param>
public sealed record FallSuche(
    string? Suche = null,
    string? Phase = null,
    string? Spur = null,
    string? Zustand = null,
    bool FaelligeWiedervorlagen = false,
    int? OhneKontaktSeitTagen = null,
    string? FallmanagerId = null,
    bool OhneFallmanager = false,
    string Sortierung = "geaendert",
    bool Absteigend = true,
    int Seite = 1,
    int Groesse = 25);
