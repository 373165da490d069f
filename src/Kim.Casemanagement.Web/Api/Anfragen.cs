using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Web.Api;

/// <summary>Body of POST /api/faelle/{id}/schritte.</summary>
public sealed record SchrittAnfrage(Spur Spur, string Trigger, DateOnly FachlichesDatum, Dictionary<string, string?>? Parameter, string? Notiz, Guid? UeberleitungId, int? Version);

/// <summary>Body of writes that only need the expected version.</summary>
public sealed record VersionAnfrage(int? Version);

/// <summary>Body of PUT /api/faelle/{id}/art13-information.</summary>
public sealed record Art13Anfrage(DateOnly Am, int? Version);

/// <summary>Body of PUT /api/faelle/{id}/kompetenzprofil.</summary>
public sealed record KompetenzprofilAnfrage(Kompetenzprofil Profil, DateOnly Am, int? Version);

/// <summary>Body of POST /api/faelle/{id}/ziele.</summary>
public sealed record ZielAnfrage(string Was, DateOnly BisWann, string Wer, string? Messgroesse, DateOnly VereinbartAm, int? Version);

/// <summary>Body of POST /api/faelle/{id}/ziele/{zielId}/bewertung.</summary>
public sealed record ZielBewertungAnfrage(ZielBewertung Bewertung, DateOnly Am, int? Version);

/// <summary>Body of POST /api/faelle/{id}/wiedervorlagen.</summary>
public sealed record WiedervorlageAnfrage(DateOnly Faellig, string Betreff, string? ZustaendigId, int? Version);

/// <summary>Body of POST /api/faelle/{id}/notizen.</summary>
public sealed record NotizAnfrage(string Text, DateOnly? KontaktAm, int? Version);

/// <summary>Body of POST /api/faelle/{id}/ueberleitungen.</summary>
public sealed record UeberleitungAnfrage(Behoerde Empfaenger, string Anliegen, DateOnly FachlichesDatum, string? Notiz, int? Version);

/// <summary>Body of POST /api/faelle/{id}/einwilligungen.</summary>
public sealed record EinwilligungAnfrage(
    Kim.Casemanagement.Domain.Einwilligungen.Empfaenger Empfaenger,
    IReadOnlyList<Kim.Casemanagement.Domain.Einwilligungen.Datenkategorie> Datenkategorien,
    string Zweck,
    DateOnly GueltigAb,
    DateOnly? GueltigBis,
    string FormularReferenz,
    int? Version);

/// <summary>The new version after a write.</summary>
public sealed record VersionAntwort(int Version);

/// <summary>Body of POST /api/faelle/{id}/zuweisung.</summary>
public sealed record ZuweisungAnfrage(string? FallmanagerId, int? Version);

/// <summary>Body of POST /api/faelle/{id}/vertretungen.</summary>
public sealed record VertretungAnfrage(string? BenutzerId, DateOnly Von, DateOnly Bis, int? Version);
