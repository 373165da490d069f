using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Benachrichtigungen;
using Kim.Casemanagement.Application.Einstellungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>
/// Deadlines and follow-ups, checked in the background: Wiedervorlagen coming due; permit expiry (creates a Wiedervorlage
/// "Verlängerung beantragen" the configured weeks ahead); consent expiry; Kooperationsplan review (period from the rule
/// table); the § 104c 18-month clock (rule table). Safe with N instances (one runs at a time: advisory lock) and
/// idempotent across restarts: each notice carries a key that is stored with it, Wiedervorlagen carry a key per Fall.
/// A held Fall (Sperrung, Art. 18 DSGVO) is skipped: it is read-only, so no Wiedervorlage is created and no notice sent
/// for it; what falls due meanwhile follows once the hold is lifted or has run out (docs/adr/0008-sperrung.md).
/// The lead times are those of each Fall's Kommune (<see cref="MandantEinstellungen"/>: its override, else the
/// installation's <see cref="TerminOptionen"/>), read fresh at the start of every run; the SQL preselection joins the same
/// overrides (<c>mandant_einstellungen</c>, migration 0022) and falls back to the installation's value.
/// </summary>
public sealed partial class TerminPruefung(
    IServiceScopeFactory scopes, Datenbank datenbank, TimeProvider zeit, IOptions<TerminOptionen> optionen, MandantEinstellungen einstellungen, ILogger<TerminPruefung> logger) : BackgroundService
{
    public const long SperrSchluessel = 0x4B494D5F5445524D;
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de-DE");

    private static readonly string[] Titelzustaende =
        ["AufenthaltserlaubnisSchutz", "Aufenthaltserlaubnis24", "Aufenthaltserlaubnis25a", "Aufenthaltserlaubnis25b", "Aufenthaltserlaubnis16g", "AufenthaltserlaubnisSonstige", "Duldung", "DuldungUngeklaerteIdentitaet", "Ausbildungsduldung", "Beschaeftigungsduldung"];

    /// <summary>A held Fall (alias <c>f</c>) gets no reminder and no follow-up: the one definition of an active hold, today.</summary>
    private static readonly string Gesperrt = Datenschutz.FallSperrung.Gesperrt("f.id", "@heute");

    /// <summary>The closed process states (track registry): no deadline reminders for a closed Fall.</summary>
    private static readonly string[] Beendet = [.. Spurregister.Prozess.BeendeteZustaende];

    /// <summary>One run over all deadlines; returns how many notices were written (0 when another instance holds the lock).</summary>
    public async Task<int> LaufAsync(CancellationToken ct)
    {
        await using var sperre = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using (var versuch = new NpgsqlCommand($"SELECT pg_try_advisory_lock({SperrSchluessel})", sperre))
        {
            if (!(bool)(await versuch.ExecuteScalarAsync(ct))!)
            {
                return 0;
            }
        }

        try
        {
            var je = await einstellungen.AlleFrischAsync(ct);
            var standard = einstellungen.Standard(MandantenStandard);
            WirksameEinstellungen V(Fall fall) => je.GetValueOrDefault(fall.Mandant) ?? standard;
            var heute = await HeuteAsync(ct);
            var summe = 0;
            summe += await WiedervorlagenFaelligAsync(heute, ct);
            summe += await FaelleAsync(
                "Titelablauf",
                "SELECT f.id FROM faelle f LEFT JOIN mandant_einstellungen me ON me.mandant = f.mandant WHERE f.aufenthalt_gueltig_bis IS NOT NULL "
                + "AND f.aufenthalt_gueltig_bis - coalesce(me.titel_vorlauf_wochen * 7, @vorlauf) <= @heute AND f.aufenthalt_zustand = ANY(@titel) AND f.prozess_zustand <> ALL(@beendet) AND NOT " + Gesperrt,
                c => { c.Parameters.AddWithValue("vorlauf", standard.TitelVorlaufWochen * 7); c.Parameters.AddWithValue("titel", Titelzustaende); },
                heute,
                (fall, regeln) =>
                {
                    var bis = fall.Aufenthalt.GueltigBis!.Value;
                    var wochen = V(fall).TitelVorlaufWochen;
                    if (bis.AddDays(-7 * wochen) > heute)
                    {
                        return null;
                    }

                    return (WiedervorlageArt.Titelablauf, $"titelablauf:{bis:yyyy-MM-dd}", Max(bis.AddDays(-7 * wochen), heute),
                        string.Create(De, $"Verlängerung beantragen: Aufenthaltstitel/Duldung gültig bis {bis:dd.MM.yyyy}"));
                },
                ct);
            summe += await FaelleAsync(
                "Kooperationsplan",
                "SELECT id FROM faelle f WHERE leistungen_kooperationsplan_am IS NOT NULL AND prozess_zustand <> ALL(@beendet) AND NOT " + Gesperrt,
                _ => { },
                heute,
                (fall, regeln) =>
                {
                    var am = fall.Leistungen.KooperationsplanAm!.Value;
                    var faellig = am.AddMonths(regeln.Wert(Regeln.KooperationsplanUeberpruefungMonate, heute));
                    var vorlauf = V(fall).KooperationsplanVorlaufTage;
                    return faellig.AddDays(-vorlauf) > heute ? null
                        : (WiedervorlageArt.Kooperationsplan, $"kooperationsplan:{am:yyyy-MM-dd}", Max(faellig.AddDays(-vorlauf), heute),
                            string.Create(De, $"Kooperationsplan überprüfen (spätestens {faellig:dd.MM.yyyy})"));
                },
                ct);
            summe += await FaelleAsync(
                "Chancenaufenthaltsrecht",
                "SELECT id FROM faelle f WHERE aufenthalt_zustand = 'Chancenaufenthaltsrecht' AND aufenthalt_chancen_seit IS NOT NULL AND prozess_zustand <> ALL(@beendet) AND NOT " + Gesperrt,
                _ => { },
                heute,
                (fall, regeln) =>
                {
                    var seit = fall.Aufenthalt.ChancenaufenthaltsrechtSeit!.Value;
                    var ende = seit.AddMonths(regeln.Wert(Regeln.Paragraph104cLaufzeitMonate, heute));
                    var wochen = V(fall).ChancenaufenthaltsrechtVorlaufWochen;
                    return ende.AddDays(-7 * wochen) > heute ? null
                        : (WiedervorlageArt.Chancenaufenthaltsrecht, $"104c:{seit:yyyy-MM-dd}", Max(ende.AddDays(-7 * wochen), heute),
                            string.Create(De, $"Chancen-Aufenthaltsrecht endet am {ende:dd.MM.yyyy}: Übergang nach § 25a/§ 25b prüfen"));
                },
                ct);
            summe += await EinwilligungenAsync(heute, standard.EinwilligungVorlaufTage, fall => V(fall).EinwilligungVorlaufTage, ct);

            // Housekeeping in the same single-instance round, each with its period from the rule table: idempotency keys,
            // ended sessions and old notices, Fälle past their retention; audit segments (the step has its own lock as well, for the
            // audit-aufbewahrung command; absent where audit is not registered).
            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Idempotenz.IdempotenzSpeicher>().AufraeumenAsync(ct);
                await scope.ServiceProvider.GetRequiredService<Aufbewahrung.KurzzeitAufbewahrung>().LoeschenAsync(ct);

                // Fälle past their retention period (ADR 0007): a cheap query while none is due; its own lock as well.
                await scope.ServiceProvider.GetRequiredService<Datenschutz.FallLoeschung>().LaufAsync(probelauf: false, ct);
                if (scope.ServiceProvider.GetService<Audit.AuditAufbewahrung>() is { } aufbewahrung)
                {
                    await aufbewahrung.LaufAsync(trocken: false, geplant: true, ct);
                }
            }

            return summe;
        }
        finally
        {
            await using var frei = new NpgsqlCommand($"SELECT pg_advisory_unlock({SperrSchluessel})", sperre);
            await frei.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!optionen.Value.Aktiv)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var lauf = Application.Common.KimTelemetrie.JobBeginnen("Terminpruefung");
                var anzahl = await LaufAsync(stoppingToken);
                lauf.Ende();
                if (anzahl > 0)
                {
                    LogLauf(logger, anzahl);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or DbUpdateException or InvalidOperationException or TimeoutException)
            {
                LogFehler(logger, e.GetType().Name);
            }

            try
            {
                await Task.Delay(optionen.Value.Intervall, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The name the installation's own settings are built under (only their lead times are read here).</summary>
    private const string MandantenStandard = "standard";

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // A Fall's change time never goes backwards (a clock step between instances must not reorder its history).
    private static DateTimeOffset Spaeter(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task<DateOnly> HeuteAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<IKalender>().Heute;
    }

    /// <summary>Follow-ups that are due: a notice to the person responsible (or the Fall's people), once.</summary>
    private async Task<int> WiedervorlagenFaelligAsync(DateOnly heute, CancellationToken ct)
    {
        var faellige = await IdsAsync(
            """
            SELECT DISTINCT w.fall_id FROM wiedervorlagen w JOIN faelle f ON f.id = w.fall_id
            WHERE w.erledigt_am IS NULL AND w.faellig <= @heute AND f.prozess_zustand <> ALL(@beendet)
              AND NOT EXISTS (SELECT 1 FROM termin_meldungen t WHERE t.schluessel LIKE 'wv:' || w.id::text || '|%')
              AND NOT
            """ + " " + Gesperrt,
            _ => { },
            heute,
            ct);
        var summe = 0;
        foreach (var fallId in faellige)
        {
            summe += await FallBearbeitenAsync(fallId, (fall, regeln, benachrichtigungen, sammlung) =>
            {
                foreach (var w in fall.Wiedervorlagen.Where(w => w.IstOffen && w.Faellig <= heute))
                {
                    var text = string.Create(De, $"{w.Betreff} (fällig am {w.Faellig:dd.MM.yyyy})");
                    if (w.ZustaendigId is { } zustaendig)
                    {
                        sammlung.Vormerken(new NeueBenachrichtigung(zustaendig, fall.Id, "Wiedervorlage", $"Wiedervorlage fällig: {fall.Aktenzeichen}", text, $"/Faelle/{fall.Id}", $"wv:{w.Id}|{zustaendig}"));
                    }
                    else
                    {
                        benachrichtigungen.Termin(fall, "Wiedervorlage", $"Wiedervorlage fällig: {fall.Aktenzeichen}", text, $"wv:{w.Id}");
                    }
                }
            }, ct);
        }

        return summe;
    }

    /// <summary>Fälle selected by SQL: a Wiedervorlage with a per-Fall key (so it exists once) and a once-only notice.</summary>
    private async Task<int> FaelleAsync(
        string art,
        string sql,
        Action<NpgsqlCommand> parameter,
        DateOnly heute,
        Func<Fall, Rechtsregeltabelle, (WiedervorlageArt Art, string Schluessel, DateOnly Faellig, string Betreff)?> regel,
        CancellationToken ct)
    {
        var summe = 0;
        foreach (var fallId in await IdsAsync(sql, parameter, heute, ct))
        {
            summe += await FallBearbeitenAsync(fallId, (fall, regeln, benachrichtigungen, _) =>
            {
                if (regel(fall, regeln) is not { } termin)
                {
                    return;
                }

                var wv = fall.WiedervorlageAnlegen(Guid.CreateVersion7(), termin.Faellig, termin.Betreff, termin.Art, termin.Schluessel, null, Spaeter(fall.GeaendertAm, zeit.GetUtcNow()));
                // Keyed like a due follow-up (the Wiedervorlage is due at once), so that it is announced once, not twice.
                benachrichtigungen.Termin(fall, art, $"{termin.Betreff[..Math.Min(60, termin.Betreff.Length)]} – {fall.Aktenzeichen}", termin.Betreff, $"wv:{wv.Id}");
            }, ct);
        }

        return summe;
    }

    private async Task<int> EinwilligungenAsync(DateOnly heute, int standardTage, Func<Fall, int> vorlauf, CancellationToken ct)
    {
        var summe = 0;
        var ids = await IdsAsync(
            """
            SELECT DISTINCT e.fall_id FROM einwilligungen e JOIN faelle f ON f.id = e.fall_id LEFT JOIN mandant_einstellungen me ON me.mandant = f.mandant
            WHERE e.gueltig_bis IS NOT NULL AND e.widerrufen_am IS NULL AND e.gueltig_bis >= @heute AND e.gueltig_bis - coalesce(me.einwilligung_vorlauf_tage, @vorlauf) <= @heute
              AND f.prozess_zustand <> ALL(@beendet) AND NOT
            """ + " " + Gesperrt,
            c => c.Parameters.AddWithValue("vorlauf", standardTage),
            heute,
            ct);
        foreach (var fallId in ids)
        {
            summe += await FallBearbeitenAsync(fallId, (fall, _, benachrichtigungen, _) =>
            {
                var vorlaufTage = vorlauf(fall);
                foreach (var e in fall.Einwilligungen.Where(e => e.WiderrufenAm is null && e.GueltigBis is { } bis && bis >= heute && bis.AddDays(-vorlaufTage) <= heute))
                {
                    var betreff = string.Create(De, $"Einwilligung ({e.Empfaenger}) läuft am {e.GueltigBis:dd.MM.yyyy} ab: erneuern oder Weitergabe beenden");
                    var wv = fall.WiedervorlageAnlegen(Guid.CreateVersion7(), heute, betreff, WiedervorlageArt.Einwilligungsablauf, $"einwilligung:{e.Id}", null, Spaeter(fall.GeaendertAm, zeit.GetUtcNow()));
                    benachrichtigungen.Termin(fall, "Einwilligungsablauf", $"Einwilligung läuft ab – {fall.Aktenzeichen}", betreff, $"wv:{wv.Id}");
                }
            }, ct);
        }

        return summe;
    }

    private async Task<HashSet<string>> GesendetAsync(string[] schluessel, CancellationToken ct)
    {
        var gesendet = new HashSet<string>(StringComparer.Ordinal);
        if (schluessel.Length == 0)
        {
            return gesendet;
        }

        await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using var befehl = new NpgsqlCommand("SELECT schluessel FROM termin_meldungen WHERE schluessel = ANY(@s)", verbindung);
        befehl.Parameters.AddWithValue("s", schluessel);
        await using var reader = await befehl.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            gesendet.Add(reader.GetString(0));
        }

        return gesendet;
    }

    private async Task<List<Guid>> IdsAsync(string sql, Action<NpgsqlCommand> parameter, DateOnly heute, CancellationToken ct)
    {
        await using var verbindung = await datenbank.DataSource.OpenConnectionAsync(ct);
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        befehl.Parameters.AddWithValue("heute", heute);
        befehl.Parameters.AddWithValue("beendet", Beendet);
        parameter(befehl);
        var ids = new List<Guid>();
        await using var reader = await befehl.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Loads one Fall in its own scope (unit of work), applies the change, saves; a concurrent change makes it wait for the next run.</summary>
    private async Task<int> FallBearbeitenAsync(Guid fallId, Action<Fall, Rechtsregeltabelle, BenachrichtigungsRegeln, IBenachrichtigungen> aenderung, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var repository = sp.GetRequiredService<IFallRepository>();
        var sammlung = sp.GetRequiredService<IBenachrichtigungen>();
        var fall = await repository.LadenAsync(fallId, ct);
        if (fall is null || repository.AktiveSperre(fall) is not null)
        {
            // Gone, or held since it was selected (read-only): nothing to do (the save would refuse it as well).
            return 0;
        }

        var version = fall.Version;
        aenderung(fall, sp.GetRequiredService<Rechtsregeltabelle>(), sp.GetRequiredService<BenachrichtigungsRegeln>(), sammlung);
        if (sammlung is BenachrichtigungsSammlung s)
        {
            s.SchonGesendeteVerwerfen(await GesendetAsync(sammlung.Offen.Select(b => b.Schluessel).OfType<string>().ToArray(), ct));
        }

        var anzahl = sammlung.Offen.Count;
        if (anzahl == 0 && fall.Version == version)
        {
            // Everything was done in an earlier run (or by another instance): nothing to save.
            return 0;
        }

        sp.GetRequiredService<IAuditProtokoll>().Vormerken("System.Termine", null, fall.Id, fall.KlientId);
        try
        {
            await repository.SpeichernAsync(fall, ct);
        }
        catch (Application.Common.KonfliktException)
        {
            // Changed meanwhile, held meanwhile (FallGesperrtException), or another instance created the same keyed
            // Wiedervorlage at the same moment: next run.
            return 0;
        }

        return anzahl;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline run wrote {Anzahl} notices.")]
    private static partial void LogLauf(ILogger logger, int anzahl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline run failed ({Fehler}); next run as scheduled.")]
    private static partial void LogFehler(ILogger logger, string fehler);
}
