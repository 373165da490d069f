using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Analysen;
using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Testing;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit.Abstractions;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// Every Lenkungsgruppe export over generated data (the demo generator, 2,000 Fälle over eight years), as the API and the
/// /Analysen page's links produce it: the XES log (all tracks and each track) and every CSV table, unfiltered and with the
/// page's filters. Neither contains a day of a Fall; no written trace, variant or published count stands for fewer than
/// the minimum group size of Fälle; two exports share no trace id; the CSV holds exactly the figures of the analyses.
/// </summary>
public sealed class ExportAnonymitaetTests(ExportAnonymitaetTests.Demodaten d, ITestOutputHelper ausgabe) : IClassFixture<ExportAnonymitaetTests.Demodaten>
{
    private const int K = 5;

    /// <summary>A calendar day in the forms a file could carry it (ISO, German).</summary>
    private static readonly Regex Tag = new(@"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b", RegexOptions.Compiled);

    /// <summary>CSV columns that count Fälle (or traces or steps of Fälle): each cell must be withheld, empty, 0 or at least k.</summary>
    private static readonly HashSet<string> Zaehlspalten =
    [
        "Eintritte", "Fälle", "Anzahl", "Verläufe", "erreicht", "zensiert (offen oder beendet)", "unter Beobachtung",
        "folgen dem Idealverlauf", "weichen ab", "neu", "wieder aufgenommen", "beendet", "aktiv (Quartalsende)",
        "ruhend (Quartalsende)", "offen (Quartalsende)", "offen", "in der Lenkungsgruppe", "erledigt", "gesamt",
    ];

    /// <summary>The other columns: labels, durations in days (medians of at least k Fälle), shares, FTE. A new column must be sorted into one of the two lists.</summary>
    private static readonly HashSet<string> Andere =
    [
        "Knoten", "Spur", "Zustand", "Bezeichnung", "Zuständig", "Median Verweildauer (Tage)", "80. Perzentil Verweildauer (Tage)",
        "Von", "Nach", "Median (Tage)", "80. Perzentil (Tage)", "Rang", "Verlauf", "Anteil", "Median Durchlaufzeit (Tage)",
        "Meilenstein", "Median Kaplan-Meier (Tage)", "naiver Median nur erreichter Fälle (Tage)", "Tage", "Anteil noch nicht erreicht",
        "Anteil Idealverlauf", "Anteil der Fälle der Spur", "wartet in", "weiter nach", "Quartal", "Vollzeitstellen",
        "offene Fälle je Vollzeitstelle", "Art", "Grund", "Kategorie",
    ];

    public static TheoryData<string> Filter => ["", "zd", "alter", "zeitraum"];

    [Theory]
    [MemberData(nameof(Filter))]
    public async Task Xes_OnTheDemoData_HasNoDayOfAFallAndNoTraceOrVariantBelowK(string filtername)
    {
        var filter = d.Filter(filtername);
        foreach (var spur in new Spur?[] { null, Spur.Prozess, Spur.Aufenthalt, Spur.Leistungen, Spur.Bildung, Spur.Ueberleitung })
        {
            var text = await XesAsync(filter, spur);
            var log = XDocument.Parse(text).Root!;
            var traces = log.Elements("trace").ToList();
            var was = $"Filter {filtername}, Spur {spur}";

            // k-anonymous: every trace equals at least k - 1 others apart from its id; so does every variant.
            traces.GroupBy(Inhalt).ShouldAllBe(g => g.Count() >= K, was);
            traces.GroupBy(t => string.Join(">", t.Elements("event").Select(e => Wert(e, "concept:name")))).ShouldAllBe(g => g.Count() >= K, was);

            // What was left out is counted, 0 or at least k, and with the traces accounts for every Fall with steps.
            var mitSchritten = await d.FaelleMitSchrittenAsync(filter, spur);
            if (!log.Elements("int").Any(a => (string?)a.Attribute("key") == "ausgelasseneFaelle"))
            {
                // Withheld only when the track's Fälle are fewer than k together: then nothing is written.
                traces.ShouldBeEmpty(was);
                mitSchritten.ShouldBeLessThan(K, was);
                continue;
            }

            var ausgelassen = int.Parse(Wert(log, "ausgelasseneFaelle"), CultureInfo.InvariantCulture);
            (ausgelassen == 0 || ausgelassen >= K).ShouldBeTrue($"{was}: {ausgelassen} ausgelassen");
            (traces.Count + ausgelassen).ShouldBe(mitSchritten, was);
            ausgabe.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{was}: {traces.Count} Verläufe geschrieben, {ausgelassen} Fälle in {Wert(log, "ausgelasseneVarianten")} Varianten ausgelassen, {traces.GroupBy(Inhalt).Count()} Gruppen"));
            if (spur is null && filtername.Length == 0)
            {
                traces.Count.ShouldBeGreaterThan(0, "the demo data have frequent variants");
                ausgelassen.ShouldBeGreaterThan(0, "and rare ones");
            }

            // No day: every date is week × 7 days from the fictitious week 0, and the week is the event's own.
            foreach (var e in log.Descendants("event"))
            {
                Wert(e, "time:timestamp").ShouldBe(XesExport.Zeitstempel(int.Parse(Wert(e, "wocheSeitAufnahme"), CultureInfo.InvariantCulture)), was);
            }

            foreach (var tag in Tag.Matches(text).Select(m => m.Value).Distinct())
            {
                var datum = DateOnly.ParseExact(tag, ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture);
                (datum == new DateOnly(1970, 1, 1) || (datum.DayNumber - XesExport.Bezugstag.DayNumber) % 7 == 0).ShouldBeTrue($"{was}: {tag}");
            }

        }
    }

    [Fact]
    public async Task Xes_TwoExportsOfTheDemoData_HaveDifferentTraceIds_AndTheSameContent()
    {
        var erste = XDocument.Parse(await XesAsync(AnalyseFilter.Keiner, null)).Root!.Elements("trace").ToList();
        var zweite = XDocument.Parse(await XesAsync(AnalyseFilter.Keiner, null)).Root!.Elements("trace").ToList();

        erste.Count.ShouldBeGreaterThan(0);
        erste.Select(t => Wert(t, "concept:name")).Intersect(zweite.Select(t => Wert(t, "concept:name"))).ShouldBeEmpty();
        zweite.Select(Inhalt).ShouldBe(erste.Select(Inhalt), "the same data give the same anonymous log, only the ids differ");
        var fallIds = await d.FallIdsAsync();
        erste.Select(t => Wert(t, "concept:name")).ShouldAllBe(id => !fallIds.Contains(id));
    }

    [Theory]
    [MemberData(nameof(Filter))]
    public async Task Csv_OnTheDemoData_HasNoDayAndNoCountBelowK_AndTheFiguresOfTheAnalyses(string filtername)
    {
        var filter = d.Filter(filtername);
        var handler = d.Handler();
        var csv = new CsvExport();
        var geprueft = 0;
        foreach (var name in AnalyseTabellen.Namen)
        {
            foreach (var spur in name is "prozesslandkarte-knoten" or "prozesslandkarte-kanten" or "varianten"
                         ? Enum.GetValues<Spur>().Cast<Spur?>().Prepend(name == "varianten" ? Spur.Prozess : null).Distinct()
                         : [null])
            {
                var tabelle = await handler.TabelleAsync(name, filter, spur, null, default);
                var text = Encoding.UTF8.GetString(csv.Erzeugen(tabelle));
                var was = $"{name}, Filter {filtername}, Spur {spur}";

                Tag.Matches(text).Select(m => m.Value).ShouldBeEmpty(was);
                var zeilen = Lesen(text);
                zeilen[0].ShouldBe(tabelle.Spalten, was);
                zeilen[0].Where(s => !Zaehlspalten.Contains(s) && !Andere.Contains(s)).ShouldBeEmpty($"{was}: unclassified column");
                for (var z = 1; z < zeilen.Count; z++)
                {
                    for (var s = 0; s < zeilen[0].Count; s++)
                    {
                        var zelle = zeilen[z][s];
                        if (Zaehlspalten.Contains(zeilen[0][s]) && zelle is not ("" or AnalyseTabelle.Gesperrt))
                        {
                            var n = long.Parse(zelle, NumberStyles.Integer, CultureInfo.InvariantCulture);
                            (n == 0 || n >= K).ShouldBeTrue($"{was}: {zeilen[0][s]} = {n} in Zeile {z}");
                            geprueft++;
                        }
                    }

                    // The CSV holds the analysis' figures as they are (same cells, German number format).
                    zeilen[z].ShouldBe(tabelle.Zeilen[z - 1].Select(Text).ToList(), was);
                }
            }
        }

        if (filtername.Length == 0)
        {
            geprueft.ShouldBeGreaterThan(100, "the unfiltered demo data publish many counts");
        }
    }

    private async Task<string> XesAsync(AnalyseFilter filter, Spur? spur)
    {
        using var ziel = new MemoryStream();
        await (await d.Handler().XesAsync(filter, spur, false, default))(ziel, default);
        return Encoding.UTF8.GetString(ziel.ToArray());
    }

    private static string Text(object? zelle) => zelle switch
    {
        null => string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.GetCultureInfo("de-DE")),
        _ => zelle.ToString()!,
    };

    /// <summary>Everything a trace says except its id.</summary>
    private static string Inhalt(XElement trace) =>
        string.Join("|", trace.Elements().Where(a => (string?)a.Attribute("key") != "concept:name" || a.Name.LocalName == "event").Select(a => a.ToString(SaveOptions.DisableFormatting)));

    private static string Wert(XElement element, string schluessel) =>
        element.Elements().Single(a => (string?)a.Attribute("key") == schluessel).Attribute("value")!.Value;

    /// <summary>Semicolon CSV with optional double quotes (RFC 4180 style), byte-order mark removed.</summary>
    private static List<List<string>> Lesen(string text)
    {
        text = text.TrimStart('\uFEFF');
        var zeilen = new List<List<string>>();
        var zeile = new List<string>();
        var feld = new StringBuilder();
        var inAnfuehrung = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inAnfuehrung)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    feld.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inAnfuehrung = false;
                }
                else
                {
                    feld.Append(c);
                }
            }
            else if (c == '"')
            {
                inAnfuehrung = true;
            }
            else if (c == ';')
            {
                zeile.Add(feld.ToString());
                feld.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                zeile.Add(feld.ToString());
                feld.Clear();
                zeilen.Add(zeile);
                zeile = [];
            }
            else
            {
                feld.Append(c);
            }
        }

        if (feld.Length > 0 || zeile.Count > 0)
        {
            zeile.Add(feld.ToString());
            zeilen.Add(zeile);
        }

        return zeilen;
    }

    /// <summary>A fresh database with 2,000 generated Fälle, and the analyses on it as the Lenkungsgruppe of its tenant.</summary>
    public sealed class Demodaten : IAsyncLifetime
    {
        public static readonly DateOnly Heute = new(2026, 11, 20);

        private static readonly DemodatenOptionen Optionen = new() { Klienten = 2000, Jahre = 8, Seed = 15, Heute = Heute };

        private TestDatabase? _datenbank;
        private NpgsqlDataSource? _quelle;

        private NpgsqlDataSource Quelle => _quelle ?? throw new InvalidOperationException("Nicht initialisiert.");

        public async Task InitializeAsync()
        {
            var cluster = await PostgresTestCluster.GetAsync();
            _datenbank = await cluster.CreateDatabaseAsync("exporte_demo");
            await DemodatenLader.LadenAsync(_datenbank.OwnerConnectionString, new DemodatenGenerator(Optionen), null, CancellationToken.None);
            _quelle = NpgsqlDataSource.Create(_datenbank.AppConnectionString);
        }

        public AnalyseFilter Filter(string name) => name switch
        {
            "" => AnalyseFilter.Keiner,
            "zd" => new AnalyseFilter(ZieldimensionI: true),
            "alter" => new AnalyseFilter(Altersgruppe: Altersgruppe.JungeErwachsene),
            "zeitraum" => new AnalyseFilter(Von: Heute.AddYears(-4), Bis: Heute.AddYears(-1)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        public AnalysenHandler Handler()
        {
            var o = new AnalysenOptionen { Mindestgroesse = K };
            new AnalysenOptionenPruefung().PostConfigure(null, o);
            return new AnalysenHandler(
                new AnalysenDaten(Quelle), new XesExport(Quelle), new Lenkungsgruppe(Optionen.Mandant), new FesterKalender(Heute), Rechtsregeltabelle.Standard,
                Options.Create(o), new OffenesAudit(), new AnalysenStand(Quelle), KeineAnalysenProjektion.Instanz);
        }

        /// <summary>The Fälle of the selection with at least one step (on the track, if given), counted with the analyses' own cohort SQL.</summary>
        public async Task<int> FaelleMitSchrittenAsync(AnalyseFilter filter, Spur? spur)
        {
            await using var befehl = Quelle.CreateCommand();
            var abfrage = new AnalyseAbfrage(Optionen.Mandant, filter, Heute, KohortenRegel.Abschnitte(Rechtsregeltabelle.Standard));
            var kohorte = KohortenSql.Mit(abfrage, befehl, mitZeitraum: true, mitMerkmalen: true);
            befehl.Parameters.Add(new NpgsqlParameter("t_spur", (object?)spur?.ToString() ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            befehl.CommandText = $"{kohorte}\nSELECT count(*) FROM kohorte k WHERE EXISTS (SELECT 1 FROM fall_ereignisse e WHERE e.fall_id = k.fall_id AND (@t_spur IS NULL OR e.spur = @t_spur))";
            return (int)(long)(await befehl.ExecuteScalarAsync())!;
        }

        public async Task<IReadOnlySet<string>> FallIdsAsync()
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await using var befehl = Quelle.CreateCommand("SELECT id FROM faelle");
            await using var leser = await befehl.ExecuteReaderAsync();
            while (await leser.ReadAsync())
            {
                var id = leser.GetGuid(0);
                ids.Add(id.ToString("N"));
                ids.Add(id.ToString());
            }

            return ids;
        }

        public async Task DisposeAsync()
        {
            if (_quelle is not null)
            {
                await _quelle.DisposeAsync();
            }

            if (_datenbank is not null)
            {
                await _datenbank.DisposeAsync();
            }
        }
    }

    private sealed class Lenkungsgruppe(string mandant) : IAktuellerBenutzer
    {
        public string Id => "lg.test";

        public string Mandant => mandant;

        public bool IstAngemeldet => true;

        public IReadOnlySet<Rolle> Rollen { get; } = new HashSet<Rolle> { Rolle.Lenkungsgruppe };

        public Guid? TeamId => null;

        public Behoerde? Behoerde => null;

        public string? Herkunft => null;
    }
}
