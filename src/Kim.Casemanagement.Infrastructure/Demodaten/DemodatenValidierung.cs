using System.Diagnostics;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The validation pass: reads every stored Fall with its client, consents, goals, referrals and events, and replays it through
/// the domain (<see cref="FallNachspielen"/>). Fälle are read in chunks; each chunk is replayed on all cores while the next one is
/// read. Works on any database, but intakes recorded through the API with facts outside the event log (a language level at
/// intake, for instance) may replay differently; generated data carries every such fact in its events.
/// </summary>
public static class DemodatenValidierung
{
    private const int Blockgroesse = 2000;

    public static async Task<Validierungsergebnis> PruefenAsync(string connectionString, IProgress<(int Geprueft, int Gesamt)>? fortschritt, CancellationToken ct)
    {
        var uhr = Stopwatch.StartNew();
        await using var verbindung = new NpgsqlConnection(connectionString);
        await verbindung.OpenAsync(ct);
        var kopf = await KoepfeLesenAsync(verbindung, ct);
        var gesamt = new Befund();
        var geprueft = 0;
        fortschritt?.Report((0, kopf.Count));
        Task? vorheriger = null;
        for (var von = 0; von < kopf.Count; von += Blockgroesse)
        {
            var block = kopf.GetRange(von, Math.Min(Blockgroesse, kopf.Count - von));
            await DetailsLesenAsync(verbindung, block, ct);
            if (vorheriger is not null)
            {
                await vorheriger;
            }

            vorheriger = Task.Run(
                () =>
                {
                    var befunde = new Befund[Math.Max(1, Environment.ProcessorCount)];
                    Parallel.For(
                        0,
                        befunde.Length,
                        new ParallelOptions { CancellationToken = ct },
                        w =>
                        {
                            var befund = befunde[w] = new Befund();
                            for (var i = w; i < block.Count; i += befunde.Length)
                            {
                                FallNachspielen.Pruefen(block[i], befund);
                                block[i].Ereignisse.Clear();
                            }
                        });
                    lock (gesamt)
                    {
                        foreach (var b in befunde)
                        {
                            gesamt.Hinzufuegen(b);
                        }
                    }

                    fortschritt?.Report((Interlocked.Add(ref geprueft, block.Count), kopf.Count));
                },
                ct);
        }

        if (vorheriger is not null)
        {
            await vorheriger;
        }

        return new Validierungsergebnis(gesamt.Faelle, gesamt.Ereignisse, gesamt.Nachgespielt, gesamt.Verstoesse, gesamt.Beispiele, uhr.Elapsed);
    }

    /// <summary>Replays generated Fälle without a database (the same checks as after loading).</summary>
    public static Validierungsergebnis Pruefen(IEnumerable<FallDatensatz> faelle)
    {
        ArgumentNullException.ThrowIfNull(faelle);
        var uhr = Stopwatch.StartNew();
        var befund = new Befund();
        foreach (var d in faelle)
        {
            FallNachspielen.Pruefen(FallAkte.Aus(d), befund);
        }

        return new Validierungsergebnis(befund.Faelle, befund.Ereignisse, befund.Nachgespielt, befund.Verstoesse, befund.Beispiele, uhr.Elapsed);
    }

    private static async Task<List<FallAkte>> KoepfeLesenAsync(NpgsqlConnection verbindung, CancellationToken ct)
    {
        const string Sql = """
            SELECT f.id, f.mandant, f.aktenzeichen, f.fallmanager_id, f.team_id, f.art13_informiert_am, f.kompetenzprofil::text, f.ereignis_anzahl,
                   f.prozess_zustand, f.aufenthalt_zustand, f.leistungen_zustand, f.bildung_zustand, f.aufenthalt_schutzform,
                   k.id, k.mandant, k.vorname, k.nachname, k.geburtsdatum, k.geschlecht, k.herkunftsland, k.einreisedatum, k.haushalt_id,
                   k.minderjaehrige_kinder, k.erstellt_am
            FROM faelle f JOIN klienten k ON k.id = f.klient_id
            ORDER BY f.aktenzeichen
            """;
        var liste = new List<FallAkte>();
        await using var befehl = new NpgsqlCommand(Sql, verbindung);
        await using var r = await befehl.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var klient = new KlientZeile(
                r.GetGuid(13), r.GetString(14), r.GetString(15), r.GetString(16), r.GetFieldValue<DateOnly>(17), Enum.Parse<Geschlecht>(r.GetString(18)), r.GetString(19),
                r.IsDBNull(20) ? null : r.GetFieldValue<DateOnly>(20), r.IsDBNull(21) ? null : r.GetGuid(21), r.GetInt32(22), r.GetFieldValue<DateTimeOffset>(23));
            liste.Add(new FallAkte(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetGuid(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.GetString(6), r.GetInt32(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11),
                r.IsDBNull(12) ? null : Enum.Parse<Schutzform>(r.GetString(12)), klient));
        }

        return liste;
    }

    private static async Task DetailsLesenAsync(NpgsqlConnection verbindung, List<FallAkte> block, CancellationToken ct)
    {
        var nachId = block.ToDictionary(a => a.Id);
        var ids = block.Select(a => a.Id).ToArray();

        await LesenAsync(verbindung, "SELECT fall_id, nr, spur, ueberleitung_id, trigger, von_zustand, nach_zustand, fachliches_datum, erfasst_am, akteur, notiz, parameter::text, ausgeloest_durch FROM fall_ereignisse WHERE fall_id = ANY(@ids) ORDER BY fall_id, nr", ids, r =>
            nachId[r.GetGuid(0)].Ereignisse.Add(new EreignisZeile(
                r.GetGuid(0), r.GetInt32(1), Enum.Parse<Spur>(r.GetString(2)), r.IsDBNull(3) ? null : r.GetGuid(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.GetString(6), r.GetFieldValue<DateOnly>(7), r.GetFieldValue<DateTimeOffset>(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetString(11),
                r.IsDBNull(12) ? null : r.GetInt32(12))), ct);

        await LesenAsync(verbindung, "SELECT id, fall_id, empfaenger, datenkategorien, zweck, gueltig_ab, gueltig_bis, formular_referenz, erfasst_am, erfasst_von, widerrufen_am, widerrufen_von FROM einwilligungen WHERE fall_id = ANY(@ids)", ids, r =>
            nachId[r.GetGuid(1)].Einwilligungen.Add(new EinwilligungZeile(
                r.GetGuid(0), r.GetGuid(1), Enum.Parse<Empfaenger>(r.GetString(2)), (Datenkategorie)r.GetInt32(3), r.GetString(4), r.GetFieldValue<DateOnly>(5),
                r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.GetString(9),
                r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10), r.IsDBNull(11) ? null : r.GetString(11))), ct);

        await LesenAsync(verbindung, "SELECT id, fall_id, was, bis_wann, wer, messgroesse, vereinbart_am, bewertung, bewertet_am FROM ziele WHERE fall_id = ANY(@ids)", ids, r =>
            nachId[r.GetGuid(1)].Ziele.Add(new ZielZeile(
                r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetFieldValue<DateOnly>(6),
                r.IsDBNull(7) ? null : Enum.Parse<ZielBewertung>(r.GetString(7)), r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8))), ct);

        await LesenAsync(verbindung, "SELECT id, fall_id, empfaenger, anliegen, zustand, seit, erstellt_am, erstellt_von FROM ueberleitungen WHERE fall_id = ANY(@ids)", ids, r =>
            nachId[r.GetGuid(1)].Ueberleitungen.Add(new UeberleitungZeile(
                r.GetGuid(0), r.GetGuid(1), Enum.Parse<Behoerde>(r.GetString(2)), r.GetString(3), Enum.Parse<UeberleitungZustand>(r.GetString(4)), r.GetFieldValue<DateOnly>(5),
                r.GetFieldValue<DateTimeOffset>(6), r.GetString(7))), ct);
    }

    private static async Task LesenAsync(NpgsqlConnection verbindung, string sql, Guid[] ids, Action<NpgsqlDataReader> zeile, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        befehl.Parameters.AddWithValue("ids", ids);
        await using var r = await befehl.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            zeile(r);
        }
    }
}
