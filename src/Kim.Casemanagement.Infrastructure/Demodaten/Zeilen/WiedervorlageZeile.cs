using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>wiedervorlagen</c>.</summary>
public sealed record WiedervorlageZeile(
    Guid Id,
    Guid FallId,
    DateOnly Faellig,
    string Betreff,
    WiedervorlageArt Art,
    string? Schluessel,
    string? ZustaendigId,
    DateTimeOffset ErstelltAm,
    DateTimeOffset? ErledigtAm,
    string? ErledigtVon);
