using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Entscheidungen;

/// <summary>
/// The Lenkungsgruppe records its decisions and sees whether they worked: the Fälle taken in from the day a decision
/// applies, compared with those taken in during the same number of days before (at most <see cref="HoechstensTage"/>
/// each), through <see cref="AnalysenHandler.VergleichAsync"/> (both selections under the analyses' suppression). Role
/// Lenkungsgruppe only, the caller's tenant only; every call audited.
/// </summary>
public sealed class EntscheidungenHandler(IEntscheidungen entscheidungen, AnalysenHandler analysen, IAktuellerBenutzer benutzer, IKalender kalender, IAuditProtokoll audit)
{
    /// <summary>The longest period compared on each side of a decision (two years).</summary>
    public const int HoechstensTage = 730;

    /// <summary>The longest text of a decision.</summary>
    public const int TitelHoechstens = 300;

    public async Task<Entscheidung> ErfassenAsync(string? titel, string? behoerde, DateOnly? giltAb, IReadOnlyList<string>? themen, CancellationToken ct)
    {
        Pruefen();
        var fehler = new Dictionary<string, string[]>();
        var text = titel?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > TitelHoechstens)
        {
            fehler["titel"] = [string.Create(CultureInfo.InvariantCulture, $"Bitte beschreiben Sie die Entscheidung (1 bis {TitelHoechstens} Zeichen, ohne Namen von Personen).")];
        }

        EntscheidungsBehoerde b = default;
        if (behoerde is null || !Enum.TryParse(behoerde, ignoreCase: false, out b) || !Enum.IsDefined(b) || int.TryParse(behoerde, out _))
        {
            fehler["behoerde"] = [$"Bitte wählen Sie die Behörde: {string.Join(", ", Enum.GetNames<EntscheidungsBehoerde>())}."];
        }

        var heute = kalender.Heute;
        if (giltAb is not { } tag)
        {
            fehler["giltAb"] = ["Bitte geben Sie an, ab wann die Entscheidung gilt."];
        }
        else if (tag.Year < 2000 || tag > heute.AddYears(1))
        {
            fehler["giltAb"] = ["Das Datum muss zwischen dem 01.01.2000 und einem Jahr nach heute liegen."];
        }

        var kategorien = new List<ThemaKategorie>();
        foreach (var t in themen ?? [])
        {
            if (!Enum.TryParse<ThemaKategorie>(t, ignoreCase: false, out var k) || !Enum.IsDefined(k) || int.TryParse(t, out _))
            {
                fehler["themen"] = [$"Unbekannte Kategorie. Erlaubt: {string.Join(", ", Enum.GetNames<ThemaKategorie>())}."];
                break;
            }

            if (!kategorien.Contains(k))
            {
                kategorien.Add(k);
            }
        }

        if (fehler.Count > 0)
        {
            throw new DomainException("Die Entscheidung ist unvollständig oder ungültig.", fehler);
        }

        var entscheidung = new Entscheidung(Guid.NewGuid(), benutzer.Mandant, text, b, giltAb!.Value, kategorien, kalender.Jetzt);
        audit.Vormerken("Entscheidung.Erfassen", string.Create(CultureInfo.InvariantCulture, $"{entscheidung.Id};{b};{entscheidung.GiltAb:yyyy-MM-dd}"), null, null);
        await entscheidungen.HinzufuegenAsync(entscheidung, ct);
        return entscheidung;
    }

    public async Task<IReadOnlyList<Entscheidung>> ListeAsync(CancellationToken ct)
    {
        Pruefen();
        audit.Vormerken("Entscheidung.Liste", null, null, null);
        return await entscheidungen.ListeAsync(benutzer.Mandant, ct);
    }

    /// <exception cref="NichtGefundenException">No decision with this id in the caller's tenant.</exception>
    public async Task<EntscheidungsVergleich> VergleichAsync(Guid id, CancellationToken ct)
    {
        Pruefen();
        var e = await entscheidungen.LadenAsync(id, benutzer.Mandant, ct);
        if (e is null)
        {
            audit.Vormerken("Entscheidung.Vergleich", "nicht vorhanden", null, null);
            throw new NichtGefundenException("Die Entscheidung wurde nicht gefunden.");
        }

        var tage = Math.Clamp(kalender.Heute.DayNumber - e.GiltAb.DayNumber + 1, 1, HoechstensTage);
        var nachher = new AnalyseFilter(Von: e.GiltAb, Bis: e.GiltAb.AddDays(tage - 1));
        var vorher = new AnalyseFilter(Von: e.GiltAb.AddDays(-tage), Bis: e.GiltAb.AddDays(-1));
        var de = CultureInfo.GetCultureInfo("de-DE");
        var vergleich = await analysen.VergleichAsync(
            vorher, nachher,
            string.Create(de, $"vorher (Aufnahme {vorher.Von:dd.MM.yyyy} bis {vorher.Bis:dd.MM.yyyy})"),
            string.Create(de, $"nachher (Aufnahme {nachher.Von:dd.MM.yyyy} bis {nachher.Bis:dd.MM.yyyy})"),
            AnalysenHandler.VergleichsErlaeuterung,
            ct);
        return new EntscheidungsVergleich(e, vorher.Von!.Value, vorher.Bis!.Value, nachher.Von!.Value, nachher.Bis!.Value, vergleich);
    }

    public static string Bezeichnung(EntscheidungsBehoerde b) => b switch
    {
        EntscheidungsBehoerde.Auslaenderbehoerde => "Ausländerbehörde",
        EntscheidungsBehoerde.Jobcenter => "Jobcenter",
        EntscheidungsBehoerde.Bildungsberatung => "Bildungsberatung",
        _ => "Fallmanagement (KIM)",
    };

    private void Pruefen()
    {
        if (!benutzer.IstAngemeldet || !benutzer.HatRolle(Rolle.Lenkungsgruppe))
        {
            throw new ZugriffVerweigertException("Entscheidungen sind der Lenkungsgruppe vorbehalten.");
        }
    }
}
