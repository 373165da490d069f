using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Datenschutz.Sperrung;

/// <summary>
/// Holds (Sperrung, Art. 18 DSGVO, § 84 Abs. 3 SGB X), kept by the Datenschutz role: set one on a Fall of the tenant
/// (reason, optional end date not in the past; 409 while one is active), lift it (reason; 409 when none is active),
/// list them. Setting and lifting lock the Fall's row in their transaction and raise its version, so that they
/// serialise with every write to the Fall and with its erasure (docs/adr/0008-sperrung.md). A Fall that does not exist
/// or belongs to another tenant is 404. Audit entries carry the hold's id and end date, never its reason.
/// </summary>
public sealed class SperrungHandler(IFallSperren sperren, IAktuellerBenutzer benutzer, IKalender kalender, IAuditProtokoll audit)
{
    public const int GrundMaxLaenge = 2000;
    public const int AktenzeichenMaxLaenge = 50;
    public const int HoechstensJahre = 30;

    private const string Setzen = "Datenschutz.SperreSetzen";
    private const string Aufheben = "Datenschutz.SperreAufheben";
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

    public Task<SperreDetail> SetzenAsync(Guid fallId, string? grund, DateOnly? bis, CancellationToken ct) => SetzenAsync(fallId, null, grund, bis, ct);

    /// <summary>The same for the Fall of the tenant with this file number (the page); a German field message (<c>aktenzeichen</c>) when there is none.</summary>
    public Task<SperreDetail> SetzenNachAktenzeichenAsync(string? aktenzeichen, string? grund, DateOnly? bis, CancellationToken ct) => SetzenAsync(null, aktenzeichen, grund, bis, ct);

    private async Task<SperreDetail> SetzenAsync(Guid? fall, string? aktenzeichen, string? grund, DateOnly? bis, CancellationToken ct)
    {
        PruefeRolle();
        var heute = kalender.Heute;
        var fehler = new Dictionary<string, string[]>();
        var az = fall is null ? Aktenzeichen(aktenzeichen, fehler) : null;
        var text = Grund(grund, "Bitte geben Sie den Grund der Sperrung an.", fehler);
        if (bis is { } ende && ende < heute)
        {
            fehler["bis"] = ["Das Ende der Sperrung darf nicht in der Vergangenheit liegen."];
        }
        else if (bis is { } spaet && spaet > heute.AddYears(HoechstensJahre))
        {
            fehler["bis"] = [$"Das Ende der Sperrung darf höchstens {HoechstensJahre} Jahre in der Zukunft liegen."];
        }

        Melden(fehler, "Die Sperrung ist unvollständig.");
        var fallId = fall ?? await sperren.FallIdAsync(benutzer.Mandant, az!, ct)
            ?? throw new DomainException("Der Fall wurde nicht gefunden.", new Dictionary<string, string[]> { ["aktenzeichen"] = ["Es gibt keinen Fall mit diesem Aktenzeichen."] });
        await using var vorgang = await OeffnenAsync(fallId, Setzen, heute, ct);
        if (vorgang.Offen is { IstAktiv: true } aktiv)
        {
            audit.Vormerken(Setzen, "verweigert: bereits gesperrt", fallId, vorgang.KlientId);
            throw new KonfliktException(string.Create(De, $"Der Fall {vorgang.Aktenzeichen} ist bereits gesperrt ({Zeitraum(aktiv)}). ")
                + "Heben Sie die bestehende Sperre auf, bevor Sie eine neue setzen.");
        }

        var jetzt = kalender.Jetzt;
        if (vorgang.Offen is { } abgelaufen)
        {
            // Expired but never lifted: closed now, so that the history shows where the new hold takes over.
            audit.Vormerken(Aufheben, $"{abgelaufen.Id}; abgelaufen, abgelöst", fallId, vorgang.KlientId);
            await vorgang.AufhebenAsync(string.Create(De, $"Abgelaufen am {abgelaufen.Bis:dd.MM.yyyy}; durch eine neue Sperre abgelöst."), benutzer.Id, jetzt, ct);
        }

        var neu = new NeueSperre(Guid.CreateVersion7(jetzt), text, bis, benutzer.Id, jetzt);
        audit.Vormerken(Setzen, string.Create(CultureInfo.InvariantCulture, $"{neu.Id}; bis {(bis is { } b ? b.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "auf Weiteres")}"), fallId, vorgang.KlientId);
        var gesetzt = await vorgang.SetzenAsync(neu, ct);
        await vorgang.AbschliessenAsync(ct);
        return gesetzt;
    }

    public async Task<SperreDetail> AufhebenAsync(Guid fallId, string? grund, CancellationToken ct)
    {
        PruefeRolle();
        var fehler = new Dictionary<string, string[]>();
        var text = Grund(grund, "Bitte geben Sie den Grund der Aufhebung an.", fehler);
        Melden(fehler, "Die Aufhebung ist unvollständig.");
        await using var vorgang = await OeffnenAsync(fallId, Aufheben, kalender.Heute, ct);
        if (vorgang.Offen is not { IstAktiv: true } aktiv)
        {
            audit.Vormerken(Aufheben, "verweigert: nicht gesperrt", fallId, vorgang.KlientId);
            throw new KonfliktException(vorgang.Offen is { Bis: { } abgelaufen }
                ? string.Create(De, $"Der Fall {vorgang.Aktenzeichen} ist nicht gesperrt: die Sperre ist am {abgelaufen:dd.MM.yyyy} abgelaufen.")
                : $"Der Fall {vorgang.Aktenzeichen} ist nicht gesperrt.");
        }

        audit.Vormerken(Aufheben, aktiv.Id.ToString(), fallId, vorgang.KlientId);
        var aufgehoben = await vorgang.AufhebenAsync(text, benutzer.Id, kalender.Jetzt, ct);
        await vorgang.AbschliessenAsync(ct);
        return aufgehoben;
    }

    public async Task<Seite<SperreDetail>> SuchenAsync(SperrenFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        PruefeRolle();
        if (filter.Seite is < 1 or > 100_000 || filter.Groesse is < 1 or > SperrenFilter.MaxGroesse)
        {
            throw new DomainException("Ungültige Seite.", new Dictionary<string, string[]> { ["seite"] = [$"Seite ab 1, Größe 1 bis {SperrenFilter.MaxGroesse}."] });
        }

        audit.Vormerken("Datenschutz.Sperren", filter.Aktiv switch { true => "aktiv", false => "nicht aktiv", null => null }, filter.FallId, null);
        return await sperren.SuchenAsync(benutzer.Mandant, filter, kalender.Heute, ct);
    }

    private static string? Aktenzeichen(string? aktenzeichen, Dictionary<string, string[]> fehler)
    {
        var az = Texte.Normalisieren(aktenzeichen);
        if (string.IsNullOrEmpty(az))
        {
            fehler["aktenzeichen"] = ["Bitte geben Sie das Aktenzeichen des Falls an (z. B. KIM-2026-000123)."];
        }
        else if (!Texte.IstGueltigerKurztext(az, AktenzeichenMaxLaenge))
        {
            fehler["aktenzeichen"] = [$"Das Aktenzeichen darf höchstens {AktenzeichenMaxLaenge} Zeichen lang sein und keine Steuerzeichen enthalten."];
        }

        return az;
    }

    private static string Zeitraum(SperreDetail sperre) =>
        string.Create(De, $"seit {TimeZoneInfo.ConvertTime(sperre.GesetztAm, Berlin):dd.MM.yyyy}, {(sperre.Bis is { } b ? string.Create(De, $"bis {b:dd.MM.yyyy}") : "bis auf Weiteres")}");

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static string Grund(string? grund, string fehlt, Dictionary<string, string[]> fehler)
    {
        var text = Texte.Normalisieren(grund);
        if (string.IsNullOrEmpty(text))
        {
            fehler["grund"] = [fehlt];
        }
        else if (!Texte.IstGueltigerFreitext(text, GrundMaxLaenge))
        {
            fehler["grund"] = [$"Der Grund darf höchstens {GrundMaxLaenge} Zeichen lang sein und keine Steuerzeichen enthalten."];
        }

        return text ?? string.Empty;
    }

    private static void Melden(Dictionary<string, string[]> fehler, string titel)
    {
        if (fehler.Count > 0)
        {
            throw new DomainException(titel, fehler);
        }
    }

    /// <summary>The Fall under its row lock; 404 (the same answer as for any Fall one may not see) when it is missing or another tenant's.</summary>
    private async Task<ISperrvorgang> OeffnenAsync(Guid fallId, string aktion, DateOnly heute, CancellationToken ct)
    {
        var vorgang = await sperren.OeffnenAsync(fallId, heute, ct);
        if (vorgang is null || vorgang.Mandant != benutzer.Mandant)
        {
            if (vorgang is not null)
            {
                await vorgang.DisposeAsync();
            }

            audit.Vormerken(aktion, "Fall nicht vorhanden", fallId, null);
            throw new NichtGefundenException("Der Fall wurde nicht gefunden.");
        }

        return vorgang;
    }

    private void PruefeRolle()
    {
        if (!benutzer.HatRolle(Rolle.Datenschutz))
        {
            throw new ZugriffVerweigertException("Sperrungen verwaltet nur der Datenschutz.");
        }
    }
}
