using Kim.Casemanagement.Domain.Einwilligungen;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>One row of <c>einwilligungen</c>.</summary>
public sealed record EinwilligungZeile(
    Guid Id,
    Guid FallId,
    Empfaenger Empfaenger,
    Datenkategorie Datenkategorien,
    string Zweck,
    DateOnly GueltigAb,
    DateOnly? GueltigBis,
    string FormularReferenz,
    DateTimeOffset ErfasstAm,
    string ErfasstVon,
    DateTimeOffset? WiderrufenAm,
    string? WiderrufenVon);
