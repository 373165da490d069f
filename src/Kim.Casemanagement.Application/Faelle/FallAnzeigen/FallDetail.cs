using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Faelle.FallAnzeigen;

/// <summary>
/// One Fall as the API and UI show it: client, tracks with possible and blocked steps, and the case file's records.
/// <see cref="Sicht"/> is <c>Voll</c> for case management and team leads, <c>Partner</c> for a partner authority, who
/// gets only the consented parts (their track, the referrals addressed to them, and client data and profile if the
/// consent names them); the other parts are null or empty. <see cref="Sperre"/> is set while the Fall is held (Art. 18
/// DSGVO): it is then read-only, every step is listed as blocked with the hold as its reason.
/// </summary>
public sealed record FallDetail(
    Guid Id,
    string Aktenzeichen,
    int Version,
    string Sicht,
    KlientDetail? Klient,
    string? FallmanagerId,
    Guid? TeamId,
    DateOnly AufgenommenAm,
    DateTimeOffset GeaendertAm,
    DateOnly? Art13InformiertAm,
    DateOnly? LetzterKontaktAm,
    IReadOnlyList<SpurDetail> Spuren,
    AufenthaltDetail? Aufenthalt,
    LeistungenDetail? Leistungen,
    BildungDetail? Bildung,
    Kompetenzprofil? Kompetenzprofil,
    IReadOnlyList<EinwilligungDetail> Einwilligungen,
    IReadOnlyList<ZielDetail> Ziele,
    IReadOnlyList<WiedervorlageDetail> Wiedervorlagen,
    IReadOnlyList<VertretungDetail> Vertretungen,
    Abstractions.FallSperrvermerk? Sperre = null);

public sealed record KlientDetail(Guid Id, string Vorname, string Nachname, DateOnly Geburtsdatum, int Alter, string Geschlecht, string Herkunftsland, DateOnly? Einreisedatum, Guid? HaushaltId, int MinderjaehrigeKinder, bool JungeErwachsene, bool ZieldimensionI);

public sealed record SpurDetail(string Spur, string SpurBezeichnung, Guid? UeberleitungId, string? Empfaenger, string? Anliegen, string Zustand, string ZustandBezeichnung, IReadOnlyList<string> Oberzustaende, DateOnly Seit, IReadOnlyList<SchrittDetail> ErlaubteSchritte, IReadOnlyList<SchrittDetail> BlockierteSchritte);

public sealed record SchrittDetail(string Trigger, string Bezeichnung, IReadOnlyList<string> Gruende, IReadOnlyList<ParameterDefinition> Parameter);

public sealed record AufenthaltDetail(string? Schutzform, string? Rechtsgrundlage, DateOnly? TitelGueltigAb, DateOnly? GueltigBis, bool Wohnsitzauflage, string? Nebenbestimmungen, DateOnly? RechtmaessigSeit, DateOnly? GeduldetSeit, DateOnly? ChancenaufenthaltsrechtSeit);

public sealed record LeistungenDetail(DateOnly? KooperationsplanAm, string? Massnahme, DateOnly? BeschaeftigtSeit, int? Wochenstunden);

public sealed record BildungDetail(string? IntegrationskursArt, bool IntegrationskursAbgeschlossen, int IntegrationskursWiederholungen, string? Massnahmebezeichnung);

public sealed record EinwilligungDetail(Guid Id, string Empfaenger, IReadOnlyList<string> Datenkategorien, string Zweck, DateOnly GueltigAb, DateOnly? GueltigBis, string FormularReferenz, DateTimeOffset ErfasstAm, DateTimeOffset? WiderrufenAm, bool Gueltig);

public sealed record ZielDetail(Guid Id, string Was, DateOnly BisWann, string Wer, string? Messgroesse, DateOnly VereinbartAm, string? Bewertung, DateOnly? BewertetAm);

public sealed record WiedervorlageDetail(Guid Id, DateOnly Faellig, string Betreff, string Art, string? ZustaendigId, DateTimeOffset? ErledigtAm);

public sealed record VertretungDetail(Guid Id, string BenutzerId, DateOnly Von, DateOnly Bis);
