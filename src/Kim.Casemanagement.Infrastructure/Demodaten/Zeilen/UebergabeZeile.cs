using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>kompetenzprofil_uebergaben</c>; the profile as jsonb text.</summary>
public sealed record UebergabeZeile(
    Guid Id,
    Guid FallId,
    Behoerde Empfaenger,
    string Anlass,
    DateOnly FachlichesDatum,
    string ProfilJson,
    DateTimeOffset ErstelltAm);
