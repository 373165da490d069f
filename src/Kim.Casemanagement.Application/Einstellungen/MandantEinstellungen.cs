using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Common;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Application.Einstellungen;

/// <summary>
/// The settings per Mandant (issue 18 item 3): minimum group size k, case-manager FTE and ideal flow of the analyses, and
/// the four lead times of the deadline scheduler. Each is the Mandant's override (<c>mandant_einstellungen</c>), else the
/// installation's default (<see cref="AnalysenOptionen"/>, <see cref="TerminVorlaufOptionen"/>).
/// <para>
/// <b>Cache</b>: the effective settings of a Mandant are kept in memory for <see cref="Zwischenspeicherdauer"/> (30 s,
/// monotonic clock). A change through this instance drops its entry at once; another instance of the application sees
/// the change at the latest when its entry runs out (a short lifetime instead of a cross-instance signal: settings change
/// rarely, and a minute's delay is harmless). The deadline scheduler reads the rows fresh on every run
/// (<see cref="AlleFrischAsync"/>); the stored analysis report carries <see cref="WirksameEinstellungen.Version"/> and is
/// not shown once the settings it was computed under have changed.
/// </para>
/// <para>
/// <b>Rules</b> (<see cref="Pruefen"/>): k at least the installation's <c>Analysen:Mindestgroesse</c> (the data protection
/// floor: a Kommune may suppress more, never less) and at most 1000; FTE above 0 (at most 100,000); every state of an
/// ideal flow a state of its track (<see cref="AnalysenOptionenPruefung.IdealverlaufPruefen"/>); lead times 1–52 weeks or
/// 1–365 days. A refusal names every wrong field in German and stores nothing.
/// </para>
/// </summary>
public sealed class MandantEinstellungen(IMandantEinstellungenSpeicher speicher, IOptions<AnalysenOptionen> analysen, IOptions<TerminVorlaufOptionen> termine, TimeProvider zeit)
{
    /// <summary>How long an instance keeps a Mandant's effective settings (see the class summary).</summary>
    public static readonly TimeSpan Zwischenspeicherdauer = TimeSpan.FromSeconds(30);

    /// <summary>The version of settings that come from the installation alone (no stored row).</summary>
    public const string StandardVersion = "standard";

    private const int MaxPfade = 50;
    private const int MaxZustaendeJePfad = 50;

    private readonly ConcurrentDictionary<string, (WirksameEinstellungen Wert, long Bis)> _zwischenspeicher = new(StringComparer.Ordinal);

    /// <summary>The installation's settings (what a Mandant without overrides gets).</summary>
    public WirksameEinstellungen Standard(string mandant) => Bilden(mandant, null);

    /// <summary>The installation's minimum group size: the floor of every Mandant's k.</summary>
    public int MindestgroesseUntergrenze => analysen.Value.Mindestgroesse;

    /// <summary>The effective settings of a Mandant (cached, see the class summary).</summary>
    public async Task<WirksameEinstellungen> WirksamAsync(string mandant, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(mandant);
        var jetzt = Stopwatch.GetTimestamp();
        if (_zwischenspeicher.TryGetValue(mandant, out var eintrag) && eintrag.Bis > jetzt)
        {
            return eintrag.Wert;
        }

        var wert = Bilden(mandant, await speicher.LesenAsync(mandant, ct));
        _zwischenspeicher[mandant] = (wert, jetzt + (long)(Zwischenspeicherdauer.TotalSeconds * Stopwatch.Frequency));
        return wert;
    }

    /// <summary>The effective settings of every Mandant with a stored row, read now (not cached); the others: <see cref="Standard"/>.</summary>
    public async Task<IReadOnlyDictionary<string, WirksameEinstellungen>> AlleFrischAsync(CancellationToken ct)
    {
        var zeilen = await speicher.AlleAsync(ct);
        return zeilen.ToDictionary(z => z.Mandant, z => Bilden(z.Mandant, z), StringComparer.Ordinal);
    }

    /// <summary>
    /// The effective settings of a Mandant as stored now (read past the cache, which it refreshes): what the settings page
    /// and the API show, so that the version a change sends back is never an older instance's.
    /// </summary>
    public async Task<WirksameEinstellungen> AktuellAsync(string mandant, CancellationToken ct)
    {
        Verwerfen(mandant);
        return await WirksamAsync(mandant, ct);
    }

    /// <summary>The refusal of a save whose expected version is no longer the stored one.</summary>
    public const string KonfliktText = "Die Einstellungen dieser Kommune wurden inzwischen geändert (von einer anderen Person oder in einem anderen Fenster). Ihre Änderung ist nicht gespeichert. Bitte prüfen Sie die jetzt geltenden Werte und speichern Sie erneut.";

    /// <summary>The stored row a version names: <see cref="StandardVersion"/> none, else the change time in UTC ticks; anything else is a 400.</summary>
    public static Versionserwartung? Erwartung(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var text = version.Trim();
        if (text == StandardVersion)
        {
            return new Versionserwartung(null);
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new Versionserwartung(new DateTimeOffset(ticks, TimeSpan.Zero))
            : throw new DomainException(
                "Die Version der Einstellungen ist ungültig.",
                new Dictionary<string, string[]> { ["version"] = [$"Erwartet wird die Version, die das Lesen der Einstellungen genannt hat („{StandardVersion}“ oder eine Zahl)."] });
    }

    /// <summary>Drops this instance's cached settings of a Mandant.</summary>
    public void Verwerfen(string mandant) => _zwischenspeicher.TryRemove(mandant, out _);

    /// <summary>What is wrong with the overrides, per field (API names), in German; empty when they may be stored.</summary>
    public IReadOnlyDictionary<string, string[]> Pruefen(MandantUeberschreibungen werte)
    {
        ArgumentNullException.ThrowIfNull(werte);
        var fehler = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fehler(string feld, string text)
        {
            if (!fehler.TryGetValue(feld, out var liste))
            {
                fehler[feld] = liste = [];
            }

            liste.Add(text);
        }

        var untergrenze = analysen.Value.Mindestgroesse;
        if (werte.Mindestgroesse is { } k && (k < untergrenze || k > 1000))
        {
            Fehler("mindestgroesse", k < untergrenze
                ? string.Create(CultureInfo.InvariantCulture, $"Die Mindestgruppengröße darf nicht unter {untergrenze} liegen, der Untergrenze dieser Installation (Datenschutz). Sie kann nur erhöht werden.")
                : "Die Mindestgruppengröße darf höchstens 1000 sein.");
        }

        if (werte.Vollzeitstellen is { } vz && (vz <= 0 || vz > 100_000 || decimal.Round(vz, 2) != vz))
        {
            Fehler("vollzeitstellen", "Die Zahl der Vollzeitstellen muss größer als 0 sein (höchstens zwei Nachkommastellen, höchstens 100.000).");
        }

        foreach (var (spur, ideal) in werte.Idealverlauf ?? new Dictionary<Spur, IdealverlaufSpur>())
        {
            var feld = $"idealverlauf.{spur}";
            if (!Enum.IsDefined(spur))
            {
                Fehler("idealverlauf", $"„{spur}“ ist keine Spur.");
                continue;
            }

            if (ideal is null)
            {
                Fehler(feld, "Für die Spur fehlt der Idealverlauf (Pfade und Wartezustände).");
                continue;
            }

            ideal.Pfade ??= [];
            ideal.Wartezustaende ??= [];
            if (ideal.Pfade.Count > MaxPfade || ideal.Pfade.Any(p => p is null || p.Split('>').Length > MaxZustaendeJePfad) || ideal.Wartezustaende.Count > 200)
            {
                Fehler(feld, string.Create(CultureInfo.InvariantCulture, $"Höchstens {MaxPfade} Pfade mit je höchstens {MaxZustaendeJePfad} Zuständen."));
                continue;
            }

            if (ideal.Pfade.Any(p => p.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Length < 2))
            {
                Fehler(feld, "Jeder Pfad nennt mindestens zwei Zustände, getrennt durch „>“ (z. B. „Anfrage>Klaerung“).");
            }

            foreach (var f in AnalysenOptionenPruefung.IdealverlaufPruefen(spur, ideal))
            {
                Fehler(feld, f);
            }
        }

        Vorlauf("titelVorlaufWochen", werte.TitelVorlaufWochen, 52, "Wochen", "Der Vorlauf für den Ablauf eines Aufenthaltstitels");
        Vorlauf("einwilligungVorlaufTage", werte.EinwilligungVorlaufTage, 365, "Tagen", "Der Vorlauf für den Ablauf einer Einwilligung");
        Vorlauf("kooperationsplanVorlaufTage", werte.KooperationsplanVorlaufTage, 365, "Tagen", "Der Vorlauf für die Überprüfung des Kooperationsplans");
        Vorlauf("chancenaufenthaltsrechtVorlaufWochen", werte.ChancenaufenthaltsrechtVorlaufWochen, 52, "Wochen", "Der Vorlauf für das Ende des Chancen-Aufenthaltsrechts");
        return fehler.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal);

        void Vorlauf(string feld, int? wert, int hoechstens, string einheit, string was)
        {
            if (wert is { } w && (w < 1 || w > hoechstens))
            {
                Fehler(feld, string.Create(CultureInfo.InvariantCulture, $"{was} muss zwischen 1 und {hoechstens} {einheit} liegen."));
            }
        }
    }

    /// <summary>
    /// Checks and stores a Mandant's overrides (a full replacement: a field left empty goes back to the installation's
    /// default), drops the cached entry and returns the effective settings before and after. A refusal
    /// (<see cref="DomainException"/> with German messages per field) stores nothing.
    /// </summary>
    /// <remarks>
    /// With <paramref name="erwarteteVersion"/> (the <see cref="WirksameEinstellungen.Version"/> the caller read) the
    /// change is stored only if nobody saved in between, checked in the storing statement itself; otherwise a
    /// <see cref="KonfliktException"/> (409), nothing stored. Without one the save replaces whatever is stored (last save
    /// wins), as for API clients that send no version.
    /// </remarks>
    public async Task<(WirksameEinstellungen Vorher, WirksameEinstellungen Nachher)> AendernAsync(string mandant, MandantUeberschreibungen werte, string von, string? erwarteteVersion, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(mandant);
        ArgumentException.ThrowIfNullOrEmpty(von);
        ArgumentNullException.ThrowIfNull(werte);
        var erwartet = Erwartung(erwarteteVersion);
        var fehler = Pruefen(werte);
        if (fehler.Count > 0)
        {
            throw new DomainException("Die Einstellungen wurden nicht gespeichert: Bitte korrigieren Sie die markierten Angaben.", fehler);
        }

        var vorher = Bilden(mandant, await speicher.LesenAsync(mandant, ct));
        var gespeichert = await speicher.SpeichernAsync(mandant, Bereinigt(werte), zeit.GetUtcNow(), von, erwartet, ct);
        Verwerfen(mandant);
        if (!gespeichert)
        {
            throw new KonfliktException(KonfliktText);
        }

        var nachher = await WirksamAsync(mandant, ct);
        return (vorher, nachher);
    }

    /// <summary>
    /// The audit detail of a change: the fields whose override changed, old → new ("Standard" for the installation's
    /// default), ideal flows by track only. Settings, no personal data.
    /// </summary>
    public static string Aenderungen(WirksameEinstellungen vorher, WirksameEinstellungen nachher)
    {
        ArgumentNullException.ThrowIfNull(vorher);
        ArgumentNullException.ThrowIfNull(nachher);
        var a = vorher.Ueberschreibungen;
        var n = nachher.Ueberschreibungen;
        var teile = new List<string>();
        void Feld<T>(string name, T? alt, T? neu, T wirksamAlt, T wirksamNeu)
            where T : struct
        {
            if (!Equals(alt, neu))
            {
                teile.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {(alt is { } x ? x.ToString() : $"Standard ({wirksamAlt})")} -> {(neu is { } y ? y.ToString() : $"Standard ({wirksamNeu})")}"));
            }
        }

        Feld("Mindestgroesse", a.Mindestgroesse, n.Mindestgroesse, vorher.Mindestgroesse, nachher.Mindestgroesse);
        if (a.Vollzeitstellen != n.Vollzeitstellen)
        {
            teile.Add(string.Create(CultureInfo.InvariantCulture, $"Vollzeitstellen: {a.Vollzeitstellen?.ToString("0.##", CultureInfo.InvariantCulture) ?? "Standard"} -> {n.Vollzeitstellen?.ToString("0.##", CultureInfo.InvariantCulture) ?? "Standard"}"));
        }

        foreach (var spur in Enum.GetValues<Spur>())
        {
            var alt = a.Idealverlauf?.GetValueOrDefault(spur);
            var neu = n.Idealverlauf?.GetValueOrDefault(spur);
            if (Text(alt) != Text(neu))
            {
                teile.Add($"Idealverlauf.{spur}: {Text(alt) ?? "Standard"} -> {Text(neu) ?? "Standard"}");
            }
        }

        Feld("TitelVorlaufWochen", a.TitelVorlaufWochen, n.TitelVorlaufWochen, vorher.TitelVorlaufWochen, nachher.TitelVorlaufWochen);
        Feld("EinwilligungVorlaufTage", a.EinwilligungVorlaufTage, n.EinwilligungVorlaufTage, vorher.EinwilligungVorlaufTage, nachher.EinwilligungVorlaufTage);
        Feld("KooperationsplanVorlaufTage", a.KooperationsplanVorlaufTage, n.KooperationsplanVorlaufTage, vorher.KooperationsplanVorlaufTage, nachher.KooperationsplanVorlaufTage);
        Feld("ChancenaufenthaltsrechtVorlaufWochen", a.ChancenaufenthaltsrechtVorlaufWochen, n.ChancenaufenthaltsrechtVorlaufWochen, vorher.ChancenaufenthaltsrechtVorlaufWochen, nachher.ChancenaufenthaltsrechtVorlaufWochen);
        return teile.Count == 0 ? "keine Änderung" : string.Join("; ", teile);

        static string? Text(IdealverlaufSpur? i) => i is null ? null : string.Join(" | ", i.Pfade) + (i.Wartezustaende.Count > 0 ? " (warten: " + string.Join(",", i.Wartezustaende) + ")" : string.Empty);
    }

    private static MandantUeberschreibungen Bereinigt(MandantUeberschreibungen w) => w with
    {
        Idealverlauf = w.Idealverlauf is null or { Count: 0 } ? null
            : w.Idealverlauf.ToDictionary(
                i => i.Key,
                i => new IdealverlaufSpur
                {
                    Pfade = i.Value.Pfade.Select(p => string.Join('>', p.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))).ToList(),
                    Wartezustaende = i.Value.Wartezustaende.Select(z => z.Trim()).Distinct(StringComparer.Ordinal).ToList(),
                }),
    };

    private WirksameEinstellungen Bilden(string mandant, GespeicherteUeberschreibungen? zeile)
    {
        var a = analysen.Value;
        var t = termine.Value;
        var u = zeile?.Werte ?? MandantUeberschreibungen.Keine;
        var ideal = new Dictionary<Spur, IdealverlaufSpur>();
        foreach (var spur in Enum.GetValues<Spur>())
        {
            ideal[spur] = u.Idealverlauf?.GetValueOrDefault(spur) ?? a.Idealverlauf.GetValueOrDefault(spur) ?? AnalysenStandards.Idealverlauf(spur);
        }

        return new WirksameEinstellungen(
            mandant,
            // The floor holds even for a row stored before the installation raised its own k.
            Math.Max(u.Mindestgroesse ?? a.Mindestgroesse, a.Mindestgroesse),
            u.Vollzeitstellen ?? a.Vollzeitstellen,
            ideal,
            u.TitelVorlaufWochen ?? t.TitelVorlaufWochen,
            u.EinwilligungVorlaufTage ?? t.EinwilligungVorlaufTage,
            u.KooperationsplanVorlaufTage ?? t.KooperationsplanVorlaufTage,
            u.ChancenaufenthaltsrechtVorlaufWochen ?? t.ChancenaufenthaltsrechtVorlaufWochen,
            u,
            zeile?.GeaendertAm,
            zeile is null ? StandardVersion : zeile.GeaendertAm.UtcTicks.ToString(CultureInfo.InvariantCulture));
    }
}
