using Kim.Casemanagement.Application.Faelle.Einwilligungen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;

namespace Kim.Casemanagement.Application.Faelle.Aufnahme;

/// <summary>Intake: a new Klient with a Fall, where the client stands on each track, and the first consents.</summary>
public sealed record AufnahmeBefehl(
    KlientAngaben Klient,
    DateOnly Aufnahmedatum,
    string? FallmanagerId,
    AufenthaltZustand Aufenthaltsstatus,
    DateOnly? AufenthaltSeit,
    Schutzform? Schutzform,
    DateOnly? AufenthaltGueltigBis,
    string? Rechtsgrundlage,
    LeistungenZustand Leistungsstatus,
    DateOnly? LeistungenSeit,
    BildungZustand Bildungsstand,
    DateOnly? BildungSeit,
    Sprachniveau? Deutschniveau,
    IReadOnlyList<EinwilligungAngaben>? Einwilligungen,
    DateOnly? Art13InformiertAm,
    string? Notiz);
