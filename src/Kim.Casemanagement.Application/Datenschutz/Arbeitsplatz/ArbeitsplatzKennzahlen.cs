using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;
using Kim.Casemanagement.Application.Datenschutz.Protokoll;

namespace Kim.Casemanagement.Application.Datenschutz.Arbeitsplatz;

/// <summary>
/// The key figures of the data-protection officer's start page, all computed from stored data at the time of reading:
/// consents by state, audit rows of the last <see cref="AuditTage"/> days, the latest verification of the chain, Fälle
/// due for erasure and held, and the latest erasure run.
/// </summary>
public sealed record ArbeitsplatzKennzahlen(
    EinwilligungsKennzahlen Einwilligungen,
    long AuditZeilen,
    int AuditTage,
    LetztePruefung? LetztePruefung,
    FaelleZurLoeschung Faelle,
    Loeschlauf? LetzterLoeschlauf);
