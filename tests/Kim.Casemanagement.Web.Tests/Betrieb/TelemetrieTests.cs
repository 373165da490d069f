using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Benachrichtigungen;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kim.Casemanagement.Web.Tests.Betrieb;

/// <summary>
/// A journey (intake of a person with a distinctive name, birth date and a free-text note, a deputy, a step, a search
/// for the name) with OpenTelemetry's in-memory exporters added to the app's own providers: spans and metrics exist for
/// the transition and the notice, and nothing exported — span names, tags, events, metric names, descriptions, tags —
/// contains the person's name, birth date or the note. The Prometheus scrape endpoint answers on its own loopback port
/// with the same metrics, also free of them, and the app's public port has no such endpoint.
/// </summary>
public sealed class TelemetrieTests : IAsyncLifetime
{
    private const string Vorname = "Telemetriya";
    private const string Nachname = "Spurenfreiova";
    private const string Geburtsdatum = "1987-09-23";
    private const string Notiz = "Freitext-Notiz-Telemetrie-7731";

    private readonly List<Activity> _spuren = [];
    private readonly List<Metric> _metriken = [];
    private readonly int _prometheusPort = NginxProxy.FreierPort();
    private TestDatabase _database = null!;
    private KimWebFactory _app = null!;

    public async Task InitializeAsync()
    {
        _database = await (await PostgresTestCluster.GetAsync()).CreateDatabaseAsync("telemetrie");
        var einstellungen = KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString);
        einstellungen["Telemetrie:Aktiv"] = "true";
        einstellungen["Telemetrie:PrometheusPort"] = _prometheusPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app = new KimWebFactory(einstellungen, dienste: s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spuren))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metriken)));
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Journey_ExportsSpansAndMetricsForTheTransitionAndTheNotice_WithoutTheClientsPersonalData()
    {
        var fm = await _app.KontoAsync("fm.telemetrie", Rolle.Fallmanagement, "Team A");
        var kollegin = await _app.KontoAsync("fm.telemetrie.kollegin", Rolle.Fallmanagement, "Team A");
        using var client = await _app.AngemeldetAsync(fm);
        var fallId = await client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: Vorname, nachname: Nachname, geburtsdatum: Geburtsdatum));
        var heute = BenachrichtigungsFixture.HeuteInBerlin();
        (await client.PostAsJsonAsync($"/api/faelle/{fallId}/vertretungen", new { benutzerId = kollegin.Id, von = heute, bis = heute.AddDays(7) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync($"/api/faelle/{fallId}/schritte", new { spur = "Leistungen", trigger = "AsylbLGBewilligen", fachlichesDatum = heute, notiz = Notiz })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/faelle?suche={Nachname}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The person's data is in the database (so that its absence below means something).
        (await SqlHilfen.TextAsync(_database.OwnerConnectionString, $"SELECT count(*) FROM benachrichtigungen WHERE fall_id = '{fallId}'")).ShouldNotBe("0");

        var tracer = _app.Services.GetRequiredService<TracerProvider>();
        var messer = _app.Services.GetRequiredService<MeterProvider>();
        var bis = DateTime.UtcNow.AddSeconds(20);
        while (!Kopie(_spuren).Any(s => s.DisplayName == "Benachrichtigungen verteilen") && DateTime.UtcNow < bis)
        {
            await Task.Delay(200);
        }

        tracer.ForceFlush().ShouldBeTrue();
        _metriken.Clear();
        // The in-memory reader collects; the result is false because the Prometheus reader (pull) does not push.
        messer.ForceFlush();
        var spuren = Kopie(_spuren);
        var metriken = Kopie(_metriken);
        metriken.ShouldNotBeEmpty();

        // Spans: the step's request (route template), in its trace the step (track and trigger) and the database. The
        // activity sources are process-wide: other tests' hosts in this process show up too, so the trace is this one's.
        var anfrage = spuren.ShouldHaveSingleItem_(s => (string?)s.GetTagItem("url.path") == $"/api/faelle/{fallId}/schritte");
        anfrage.GetTagItem("http.route").ShouldBe("/api/faelle/{fallId:guid}/schritte");
        var schritt = spuren.ShouldHaveSingleItem_(s => s.DisplayName == "Schritt ausführen" && s.TraceId == anfrage.TraceId);
        schritt.GetTagItem("kim.spur").ShouldBe("Leistungen");
        schritt.GetTagItem("kim.trigger").ShouldBe("AsylbLGBewilligen");
        spuren.ShouldContain(s => s.Source.Name == "Npgsql" && s.TraceId == anfrage.TraceId);
        var runde = spuren.First(s => s.DisplayName == "Benachrichtigungen verteilen");
        ((int)runde.GetTagItem("kim.benachrichtigungen")!).ShouldBeGreaterThanOrEqualTo(1);

        // Metrics: transitions per track, notice lag, dispatcher rounds and cursor lag, requests, the database pool.
        Summe(metriken, "kim.uebergaenge", ("kim.spur", "Leistungen")).ShouldBeGreaterThanOrEqualTo(1);
        Anzahl(metriken, "kim.benachrichtigung.verzug").ShouldBeGreaterThanOrEqualTo(1);
        Anzahl(metriken, "kim.verteiler.rueckstand").ShouldBeGreaterThanOrEqualTo(1);
        Summe(metriken, "kim.verteiler.runden", ("kim.ergebnis", "ok")).ShouldBeGreaterThanOrEqualTo(1);
        metriken.ShouldContain(m => m.Name == "http.server.request.duration");
        metriken.ShouldContain(m => m.MeterName == "Npgsql" && m.Name.StartsWith("db.client.connection", StringComparison.Ordinal));

        var export = Text(spuren, metriken);
        export.ShouldContain("Leistungen"); // the scan reads the tags
        KeinePersonenbezug(export, "Export");

        // Prometheus: its own loopback listener serves the same metrics; the app's port has no /metrics.
        using var scrape = new HttpClient();
        var prometheus = await scrape.GetStringAsync(new Uri($"http://127.0.0.1:{_prometheusPort}/metrics"));
        prometheus.ShouldContain("kim_uebergaenge");
        KeinePersonenbezug(prometheus, "Prometheus");
        using var oeffentlich = _app.NeuerClient();
        (await oeffentlich.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Found); // to the login page, like any unknown path
        (await client.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A copy of an exporter's list (the exporter appends from other threads, without a lock).</summary>
    private static List<T> Kopie<T>(List<T> liste)
    {
        for (var versuch = 0; ; versuch++)
        {
            try
            {
                return [.. liste];
            }
            catch (Exception e) when (versuch < 20 && e is InvalidOperationException or ArgumentException)
            {
                Thread.Sleep(10);
            }
        }
    }

    private static void KeinePersonenbezug(string text, string wo)
    {
        foreach (var verboten in new[] { Vorname, Nachname, Geburtsdatum, "23.09.1987", "1987/09/23", Notiz })
        {
            text.Contains(verboten, StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{wo} enthält „{verboten}“");
        }
    }

    /// <summary>Everything exported as text: span names, sources, tags, events, status; metric names, units, descriptions, tags.</summary>
    private static string Text(List<Activity> spuren, List<Metric> metriken)
    {
        var text = new StringBuilder();
        foreach (var s in spuren)
        {
            text.Append(s.DisplayName).Append('|').Append(s.OperationName).Append('|').Append(s.Source.Name).Append('|').Append(s.StatusDescription).Append('\n');
            foreach (var t in s.TagObjects)
            {
                text.Append(t.Key).Append('=').Append(t.Value).Append('\n');
            }

            foreach (var e in s.Events)
            {
                text.Append(e.Name).Append('\n');
                foreach (var t in e.Tags)
                {
                    text.Append(t.Key).Append('=').Append(t.Value).Append('\n');
                }
            }

            foreach (var b in s.Baggage)
            {
                text.Append(b.Key).Append('=').Append(b.Value).Append('\n');
            }
        }

        foreach (var m in metriken)
        {
            text.Append(m.Name).Append('|').Append(m.Unit).Append('|').Append(m.Description).Append('|').Append(m.MeterName).Append('\n');
            foreach (ref readonly var p in m.GetMetricPoints())
            {
                foreach (var t in p.Tags)
                {
                    text.Append(t.Key).Append('=').Append(t.Value).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static long Summe(List<Metric> metriken, string name, (string Schluessel, string Wert) tag)
    {
        long summe = 0;
        foreach (var m in metriken.Where(m => m.Name == name))
        {
            foreach (ref readonly var p in m.GetMetricPoints())
            {
                foreach (var t in p.Tags)
                {
                    if (t.Key == tag.Schluessel && (string?)t.Value == tag.Wert)
                    {
                        summe += p.GetSumLong();
                    }
                }
            }
        }

        return summe;
    }

    private static long Anzahl(List<Metric> metriken, string name)
    {
        long anzahl = 0;
        foreach (var m in metriken.Where(m => m.Name == name))
        {
            foreach (ref readonly var p in m.GetMetricPoints())
            {
                anzahl += p.GetHistogramCount();
            }
        }

        return anzahl;
    }
}

internal static class SpurHilfen
{
    /// <summary>The one span matching, with the span names in the message when there is none or more than one.</summary>
    public static Activity ShouldHaveSingleItem_(this List<Activity> spuren, Func<Activity, bool> bedingung)
    {
        var treffer = spuren.Where(bedingung).ToList();
        treffer.Count.ShouldBe(1, "Spans: " + string.Join(", ", spuren.Select(s => s.DisplayName).Distinct()));
        return treffer[0];
    }
}
