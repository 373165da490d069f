using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>fall_ereignisse</c> (the database assigns <c>id</c>); the parameters as jsonb text.</summary>
public sealed record EreignisZeile(
    Guid FallId,
    int Nr,
    Spur Spur,
    Guid? UeberleitungId,
    string Trigger,
    string? VonZustand,
    string NachZustand,
    DateOnly FachlichesDatum,
    DateTimeOffset ErfasstAm,
    string Akteur,
    string? Notiz,
    string ParameterJson,
    int? AusgeloestDurch);
