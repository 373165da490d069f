using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// Builds Fälle through the domain's public behaviour, judged by the standard rule table and a fixed clock.
/// Instants have whole microseconds, the precision of PostgreSQL's timestamptz, so that round trips compare exactly.
/// </summary>
internal static class Testfaelle
{
    public const string Mandant = "Musterstadt";
    public const string Fallmanagerin = "fm.yilmaz";
    public const string ZweckCaseManagement = "Teilnahme am rechtskreisübergreifenden Case Management (KIM)";

    public static readonly DateOnly Heute = new(2026, 3, 2);
    public static readonly DateOnly Aufnahmetag = new(2026, 1, 12);
    public static readonly DateTimeOffset Jetzt = new(2026, 3, 2, 8, 30, 15, 123, 456, TimeSpan.Zero);

    public static SchrittRahmen Rahmen(DateOnly fachlichesDatum, string? notiz = null, DateTimeOffset? jetzt = null, string akteur = Fallmanagerin) =>
        new(fachlichesDatum, akteur, notiz, Rechtsregeltabelle.Standard, jetzt ?? Jetzt, Heute);

    public static Klient NeuerKlient(string vorname = "Amina", string nachname = "Haddad", DateTimeOffset? jetzt = null, Guid? haushaltId = null, int kinder = 0) =>
        Domain.Klienten.Klient.Erfassen(Guid.NewGuid(), vorname, nachname, new DateOnly(1998, 5, 17), Geschlecht.Weiblich, "Syrien", new DateOnly(2015, 9, 1), haushaltId, kinder, Heute, jetzt ?? Jetzt);

    /// <summary>Opens a Fall at intake; without <paramref name="angaben"/> the client has no history on any track.</summary>
    public static Fall Eroeffnen(
        string aktenzeichen,
        Klient? klient = null,
        string? fallmanagerId = Fallmanagerin,
        DateOnly? aufgenommenAm = null,
        Aufnahmeangaben? angaben = null,
        DateTimeOffset? jetzt = null,
        Guid? teamId = null)
    {
        var tag = aufgenommenAm ?? Aufnahmetag;
        var schritt = Rahmen(tag, "Aufnahme im Erstgespräch", jetzt).Schritt(SchrittDefinition.Einfach(Fall.AufnahmeTrigger, "Aufnahme"), null);
        return Fall.Eroeffnen(Guid.NewGuid(), aktenzeichen, Mandant, klient ?? NeuerKlient(jetzt: jetzt), fallmanagerId, teamId, angaben ?? Aufnahmeangaben.OhneVorgeschichte, schritt);
    }

    /// <summary>Fires a step on a track, as a user would on day <paramref name="am"/>.</summary>
    public static void Ausfuehren(this Fall fall, Spur spur, string trigger, DateOnly am, Dictionary<string, string?>? parameter = null, string? notiz = null, DateTimeOffset? jetzt = null, Guid? ueberleitungId = null) =>
        fall.Feuern(spur, trigger, parameter, Rahmen(am, notiz, jetzt), ueberleitungId);

    /// <summary>A consent to case management (needed for the Assessment), valid from intake.</summary>
    public static Einwilligung EinwilligungInCaseManagement(this Fall fall, DateTimeOffset? jetzt = null) =>
        fall.EinwilligungErteilen(
            Guid.NewGuid(),
            Empfaenger.CaseManagement,
            Datenkategorie.Stammdaten | Datenkategorie.Aufenthalt | Datenkategorie.Leistungen | Datenkategorie.Bildung | Datenkategorie.Kompetenzprofil,
            ZweckCaseManagement,
            fall.AufgenommenAm,
            null,
            "EW-" + fall.Aktenzeichen,
            Fallmanagerin,
            jetzt ?? Jetzt);
}
