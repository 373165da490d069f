using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Klienten = Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Web.Api;

/// <summary>Body of POST /api/faelle/{id}/schritte.</summary>
public sealed record SchrittAnfrage(Spur Spur, string Trigger, DateOnly FachlichesDatum, Dictionary<string, string?>? Parameter, string? Notiz, Guid? UeberleitungId, int? Version);

/// <summary>Body of writes that only need the expected version.</summary>
public sealed record VersionAnfrage(int? Version);

/// <summary>Body of PUT /api/faelle/{id}/klient: the corrected master data, all of them (Art. 16 DSGVO); only the entry date may be empty.</summary>
public sealed record KlientBerichtigungAnfrage(string? Vorname, string? Nachname, DateOnly? Geburtsdatum, Klienten.Geschlecht? Geschlecht, string? Herkunftsland, DateOnly? Einreisedatum, int? MinderjaehrigeKinder, int? Version)
{
    /// <summary>
    /// The master data; a missing required field becomes a value the domain rejects with its German field message, so
    /// that every check runs after the access decision (404 before 400, as on every write to a Fall).
    /// </summary>
    public Klienten.KlientStammdaten AlsStammdaten() =>
        new(Vorname ?? string.Empty, Nachname ?? string.Empty, Geburtsdatum ?? DateOnly.MinValue, Geschlecht ?? (Klienten.Geschlecht)(-1), Herkunftsland ?? string.Empty, Einreisedatum, MinderjaehrigeKinder ?? -1);
}

/// <summary>Answer of PUT /api/faelle/{id}/klient: the Fall's version and the names of the corrected fields (empty when nothing differed).</summary>
public sealed record KlientBerichtigungAntwort(int Version, IReadOnlyList<string> GeaenderteFelder);

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
