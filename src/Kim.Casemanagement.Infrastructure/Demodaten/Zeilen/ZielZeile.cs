using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>ziele</c>.</summary>
public sealed record ZielZeile(
    Guid Id,
    Guid FallId,
    string Was,
    DateOnly BisWann,
    string Wer,
    string? Messgroesse,
    DateOnly VereinbartAm,
    ZielBewertung? Bewertung,
    DateOnly? BewertetAm);
