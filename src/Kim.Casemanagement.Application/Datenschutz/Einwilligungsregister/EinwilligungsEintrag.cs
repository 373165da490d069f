namespace Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;

/// <summary>One row of the consent register: file number, recipient, categories, purpose, validity, withdrawal; <see cref="Gueltig"/> now.</summary>
public sealed record EinwilligungsEintrag(
    Guid Id,
    Guid FallId,
    string Aktenzeichen,
    string Empfaenger,
    IReadOnlyList<string> Datenkategorien,
    string Zweck,
    DateOnly GueltigAb,
    DateOnly? GueltigBis,
    string FormularReferenz,
    DateTimeOffset ErfasstAm,
    string ErfasstVon,
    DateTimeOffset? WiderrufenAm,
    string? WiderrufenVon,
    bool Gueltig);
