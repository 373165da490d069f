namespace Kim.Casemanagement.Application.Faelle.Ereignisse;

/// <summary>One event of the timeline, across all tracks.</summary>
public sealed record EreignisDetail(
    int Nr,
    string Spur,
    Guid? UeberleitungId,
    string Trigger,
    string? VonZustand,
    string? VonBezeichnung,
    string NachZustand,
    string NachBezeichnung,
    DateOnly FachlichesDatum,
    DateTimeOffset ErfasstAm,
    string Akteur,
    string? Notiz,
    IReadOnlyDictionary<string, string> Parameter,
    int? AusgeloestDurch);
