namespace Kim.Casemanagement.Application.Faelle.FaelleSuchen;

/// <summary>One Fall in a caseload list.</summary>
public sealed record FallZeile(
    Guid Id,
    string Aktenzeichen,
    string Vorname,
    string Nachname,
    DateOnly Geburtsdatum,
    string Herkunftsland,
    string? FallmanagerId,
    string Prozess,
    string Aufenthalt,
    string Leistungen,
    string Bildung,
    DateOnly? NaechsteWiedervorlage,
    int FaelligeWiedervorlagen,
    DateOnly? LetzterKontaktAm,
    DateTimeOffset GeaendertAm);
