using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>ueberleitungen</c>.</summary>
public sealed record UeberleitungZeile(
    Guid Id,
    Guid FallId,
    Behoerde Empfaenger,
    string Anliegen,
    UeberleitungZustand Zustand,
    DateOnly Seit,
    DateTimeOffset ErstelltAm,
    string ErstelltVon);
