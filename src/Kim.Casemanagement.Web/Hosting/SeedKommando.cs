using System.Diagnostics;
using System.Globalization;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Infrastructure.Database;
using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Kim.Casemanagement.Web.Hosting;

/// <summary>
/// <c>seed --clients N --years Y --seed S [--heute JJJJ-MM-TT] [--ohne-validierung]</c>: migrates, generates N clients with one Fall
/// each through the real state machines, bulk-loads them (binary COPY, one transaction) into a database without Fälle, then
/// replays every stored Fall through the domain and reports the guard violations (exit code 1 if there is any).
/// </summary>
internal static class SeedKommando
{
    public const string Name = "seed";

    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

    public static async Task<int> AusfuehrenAsync(string[] args, WebApplicationBuilder builder, ILoggerFactory loggerFactory)
    {
        if (!TryZahl(args, "--clients", 1000, out var klienten) || !TryZahl(args, "--years", 8, out var jahre) || !TryZahl(args, "--seed", 42, out var seed))
        {
            await Console.Error.WriteLineAsync("Aufruf: seed --clients N --years Y --seed S [--heute JJJJ-MM-TT] [--ohne-validierung]");
            return 2;
        }

        var heute = new Kalender(TimeProvider.System).Heute.AddDays(-1);
        if (Wert(args, "--heute") is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out heute))
        {
            await Console.Error.WriteLineAsync("--heute erwartet ein Datum im Format JJJJ-MM-TT.");
            return 2;
        }

        // Ctrl+C rolls the load back (one transaction) instead of killing the process half-way.
        using var abbruch = new CancellationTokenSource();
        ConsoleCancelEventHandler beiStrgC = (_, e) =>
        {
            e.Cancel = true;
            abbruch.Cancel();
        };
        Console.CancelKeyPress += beiStrgC;
        try
        {
            return await SeedenAsync(args, builder, loggerFactory, klienten, jahre, seed, heute, abbruch.Token);
        }
        catch (OperationCanceledException) when (abbruch.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Abgebrochen. Ein unterbrochenes Laden wird vollständig zurückgerollt.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= beiStrgC;
        }
    }

    private static async Task<int> SeedenAsync(string[] args, WebApplicationBuilder builder, ILoggerFactory loggerFactory, int klienten, int jahre, int seed, DateOnly heute, CancellationToken ct)
    {
        var optionen = Options.Create(builder.Configuration.GetSection(DatenbankOptionen.Abschnitt).Get<DatenbankOptionen>() ?? new DatenbankOptionen());
        await using var datenbank = new Datenbank(builder.Configuration, optionen, loggerFactory);
        var owner = datenbank.OwnerConnectionString;
        await new SqlMigrator(loggerFactory.CreateLogger<SqlMigrator>()).MigrateAsync(owner, ct);
        if (await DemodatenLader.HatFaelleAsync(owner, ct))
        {
            await Console.Error.WriteLineAsync("Die Datenbank enthält bereits Fälle. Demodaten werden nur in eine Datenbank ohne Fälle geladen.");
            return 1;
        }

        var (konten, namen) = await DemodatenLader.VorhandeneKontenLesenAsync(owner, "standard", ct);
        DemodatenOptionen demo;
        try
        {
            demo = new DemodatenOptionen { Klienten = klienten, Jahre = jahre, Seed = seed, Heute = heute, VorhandeneKonten = konten, VergebeneBenutzernamen = namen };
            demo.Pruefen();
        }
        catch (ArgumentOutOfRangeException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var konsole = AnsiConsole.Console;
        konsole.MarkupLine(string.Create(De, $"[bold]Demodaten[/]: {klienten:N0} Klient*innen über {jahre} Jahre bis {heute:dd.MM.yyyy}, Seed {seed}"));
        var uhr = Stopwatch.StartNew();
        LadeErgebnis? ergebnis = null;
        Validierungsergebnis? validierung = null;
        await konsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var erzeugt = ctx.AddTask("Erzeugen (Zustandsautomaten)", maxValue: klienten);
                var geladen = ctx.AddTask("Laden (COPY)", maxValue: klienten);
                var generator = new DemodatenGenerator(demo);
                ergebnis = await DemodatenLader.LadenAsync(owner, generator, new Fortschritt<DemodatenFortschritt>(f =>
                {
                    erzeugt.Value = f.Erzeugt;
                    geladen.Value = f.Geladen;
                }), ct);
                erzeugt.Value = klienten;
                geladen.Value = klienten;
                if (!args.Contains("--ohne-validierung"))
                {
                    var pruefen = ctx.AddTask("Validieren (Nachspielen)", maxValue: klienten);
                    validierung = await DemodatenValidierung.PruefenAsync(owner, new Fortschritt<(int Geprueft, int Gesamt)>(f => pruefen.Value = f.Geprueft), ct);
                    pruefen.Value = klienten;
                }
            });

        Zusammenfassung(konsole, ergebnis!, validierung, uhr.Elapsed);
        return validierung is { Fehlerfrei: false } ? 1 : 0;
    }

    private static void Zusammenfassung(IAnsiConsole konsole, LadeErgebnis e, Validierungsergebnis? v, TimeSpan gesamt)
    {
        var tabelle = new Table().AddColumn("Was").AddColumn(new TableColumn("Anzahl").RightAligned());
        void Zeile(string was, long anzahl) => tabelle.AddRow(Markup.Escape(was), anzahl.ToString("N0", De));
        Zeile("Klient*innen / Fälle", e.Faelle);
        Zeile("Ereignisse", e.Ereignisse);
        Zeile("Einwilligungen", e.Einwilligungen);
        Zeile("  davon widerrufen", e.EinwilligungenWiderrufen);
        Zeile("Ziele", e.Ziele);
        Zeile("Wiedervorlagen", e.Wiedervorlagen);
        Zeile("  davon offen", e.WiedervorlagenOffen);
        Zeile("Vertretungen", e.Vertretungen);
        Zeile("Überleitungen", e.Ueberleitungen);
        Zeile("Notizen", e.Notizen);
        Zeile("Kompetenzprofil-Übergaben", e.Uebergaben);
        Zeile("Teams (neu)", e.Teams);
        Zeile("Konten (neu)", e.Konten);
        foreach (var (zustand, anzahl) in e.FaelleJeProzesszustand.OrderByDescending(p => p.Value))
        {
            Zeile("Fälle in " + zustand, anzahl);
        }

        konsole.Write(tabelle);
        konsole.MarkupLine(string.Create(De, $"Erzeugen und Laden: [bold]{e.Gesamt.TotalSeconds:N1} s[/] (Simulation {e.ErzeugungRechenzeit.TotalSeconds:N1} s Rechenzeit, COPY {e.Schreiben.TotalSeconds:N1} s, Indizes und Fremdschlüssel {e.Indizes.TotalSeconds:N1} s)"));
        if (v is not null)
        {
            konsole.MarkupLine(string.Create(De, $"Validierung: {v.Faelle:N0} Fälle, {v.Ereignisse:N0} Ereignisse nachgespielt in {v.Dauer.TotalSeconds:N1} s: ")
                + (v.Fehlerfrei ? "[green]0 Wächterverletzungen[/]" : string.Create(De, $"[red]{v.VerstoesseGesamt:N0} Verstöße[/]")));
            foreach (var (art, anzahl) in v.Verstoesse.OrderByDescending(p => p.Value))
            {
                konsole.MarkupLine(string.Create(De, $"  {Markup.Escape(art)}: {anzahl:N0}"));
            }

            foreach (var beispiel in v.Beispiele.Take(10))
            {
                konsole.MarkupLine("  [grey]" + Markup.Escape(beispiel) + "[/]");
            }
        }

        using var prozess = Process.GetCurrentProcess();
        konsole.MarkupLine(string.Create(De, $"Gesamt: {gesamt.TotalSeconds:N1} s (CPU-Zeit dieses Prozesses {prozess.TotalProcessorTime.TotalSeconds:N1} s, ohne PostgreSQL)"));
    }

    private static bool TryZahl(string[] args, string name, int standard, out int wert)
    {
        wert = standard;
        var text = Wert(args, name);
        return text is null || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out wert);
    }

    private static string? Wert(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Reports on the calling thread (Spectre's progress tasks are thread-safe); <see cref="Progress{T}"/> would post.</summary>
    private sealed class Fortschritt<T>(Action<T> melden) : IProgress<T>
    {
        public void Report(T value) => melden(value);
    }
}
