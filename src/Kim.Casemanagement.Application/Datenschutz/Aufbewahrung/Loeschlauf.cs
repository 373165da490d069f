namespace Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;

/// <summary>Rows of one table the erasure removed in a run (<see cref="Bezeichnung"/>: the table's German name from the data catalogue).</summary>
public sealed record GeloeschteZeilen(string Tabelle, string Bezeichnung, long Anzahl);

/// <summary>
/// One run of the erasure job with its Löschprotokoll: dates and counts only (table <c>loeschlaeufe</c>). A run without
/// <see cref="BeendetAm"/> is running or was interrupted; its counts are what it completed. <see cref="AufAntrag"/>: one
/// Fall erased on request (Art. 17 DSGVO) instead of a run over the Fälle past their period.
/// </summary>
public sealed record Loeschlauf(
    Guid Id,
    bool Probelauf,
    DateOnly Stichtag,
    DateTimeOffset GestartetAm,
    DateTimeOffset? BeendetAm,
    int Faellig,
    int Gesperrt,
    int Anonymisiert,
    int KlientenGeloescht,
    IReadOnlyList<GeloeschteZeilen> ZeilenGeloescht,
    bool AufAntrag = false);
