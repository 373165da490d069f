using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kim.Casemanagement.Application.Common;

/// <summary>
/// The product's own traces and metrics (System.Diagnostics; OpenTelemetry reads them by <see cref="Name"/>, see
/// Web/Betrieb/TelemetrieKonfiguration). Tags carry only fixed vocabulary — track, trigger, notice kind, job, outcome —
/// never a name, a date, free text or a record id (test: TelemetrieTests).
/// </summary>
public static class KimTelemetrie
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "Kim.Casemanagement";

    /// <summary>Spans of the product: a step (<c>Schritt ausführen</c>), a dispatch round that pushed notices, a job run.</summary>
    public static readonly ActivitySource Quelle = new(Name);

    private static readonly Meter Messer = new(Name);

    private static readonly Counter<long> Uebergaenge = Messer.CreateCounter<long>(
        "kim.uebergaenge", "{Übergang}", "Ausgeführte Übergänge (Ereignisse) je Spur, Folgeregeln eingeschlossen");

    private static readonly Histogram<double> Verzug = Messer.CreateHistogram<double>(
        "kim.benachrichtigung.verzug", "ms", "Vom Commit einer Benachrichtigung bis zur Übergabe an die Verbindungen dieser Instanz");

    private static readonly Histogram<double> Rueckstand = Messer.CreateHistogram<double>(
        "kim.verteiler.rueckstand", "ms", "Cursor-Rückstand des Verteilers: Alter der ältesten neuen Benachrichtigung einer Runde beim Lesen");

    private static readonly Counter<long> Runden = Messer.CreateCounter<long>(
        "kim.verteiler.runden", "{Runde}", "Runden des Verteilers (Ergebnis ok oder fehler)");

    internal static readonly Counter<long> JobLaeufe = Messer.CreateCounter<long>(
        "kim.job.laeufe", "{Lauf}", "Läufe der geplanten Aufgaben (Terminprüfung mit Aufräumen und Löschlauf, Audit-Versiegelung) je Ergebnis");

    internal static readonly Histogram<double> JobDauer = Messer.CreateHistogram<double>(
        "kim.job.dauer", "s", "Dauer der Läufe der geplanten Aufgaben");

    /// <summary>One transition (event) on a track.</summary>
    public static void Uebergang(string spur) => Uebergaenge.Add(1, new KeyValuePair<string, object?>("kim.spur", spur));

    /// <summary>A notice handed to this instance's connections, <paramref name="verzug"/> after its commit.</summary>
    public static void Zugestellt(string art, TimeSpan verzug) =>
        Verzug.Record(Math.Max(0, verzug.TotalMilliseconds), new KeyValuePair<string, object?>("kim.art", art));

    /// <summary>A dispatch round; <paramref name="rueckstand"/>: age of its oldest new notice (null when none).</summary>
    public static void VerteilerRunde(bool ok, TimeSpan? rueckstand)
    {
        Runden.Add(1, new KeyValuePair<string, object?>("kim.ergebnis", ok ? "ok" : "fehler"));
        if (rueckstand is { } r)
        {
            Rueckstand.Record(Math.Max(0, r.TotalMilliseconds));
        }
    }

    /// <summary>Starts a job run's span and returns the run to finish with <see cref="JobLauf.Ende"/> and dispose.</summary>
    public static JobLauf JobBeginnen(string job) => new(job, Quelle.StartActivity("Job " + job));
}

/// <summary>One run of a scheduled job.</summary>
public sealed class JobLauf(string job, Activity? aktivitaet) : IDisposable
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private bool _ok;

    /// <summary>Marks the run as successful (otherwise it counts as failed when disposed).</summary>
    public void Ende() => _ok = true;

    public void Dispose()
    {
        var ergebnis = _ok ? "ok" : "fehler";
        KimTelemetrie.JobLaeufe.Add(1, new KeyValuePair<string, object?>("kim.job", job), new KeyValuePair<string, object?>("kim.ergebnis", ergebnis));
        KimTelemetrie.JobDauer.Record(Stopwatch.GetElapsedTime(_start).TotalSeconds, new KeyValuePair<string, object?>("kim.job", job));
        aktivitaet?.SetTag("kim.ergebnis", ergebnis);
        aktivitaet?.SetStatus(_ok ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        aktivitaet?.Dispose();
    }
}
