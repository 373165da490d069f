using System.Data;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Analysen.Projektion;

/// <summary>
/// The per-Fall projection of the event log (ADR 0004), held in memory by each instance and refreshed incrementally from
/// the database: every refresh reads the cohort attributes of all Fälle (one row each) and the events of only those Fälle
/// whose event count (<c>faelle.ereignis_anzahl</c>, written in the same transaction as the events) differs from the one
/// projected, plus the Themen; all in one repeatable-read snapshot. Each refresh publishes a new immutable snapshot; a
/// request works on the snapshot it started with.
/// </summary>
public sealed class AnalysenProjektion(NpgsqlDataSource dataSource, IKalender kalender) : IAnalysenProjektion, IDisposable
{
    /// <summary>Above this share of changed Fälle the events are read in one scan instead of by Fall.</summary>
    private const double AnteilVollscan = 0.2;

    private readonly ProjektionsKatalog _katalog = new();
    private readonly SemaphoreSlim _einzeln = new(1, 1);
    /// <summary>
    /// Cheap fingerprint of what the projection is read from: every write to a Fall raises its version, every event its
    /// event count (both in the writing transaction, so a late commit is seen too), Themen have versions, referrals are
    /// counted. Client data (birth and entry date) have no version: they are reread by the full round at the latest.
    /// </summary>
    private const string FingerabdruckSql = """
        SELECT (SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(sum(ereignis_anzahl), 0) FROM faelle)
               || ':' || (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM themen)
               || ':' || (SELECT count(*) FROM ueberleitungen)
        """;

    private volatile Zustand? _zustand;

    public void Dispose() => _einzeln.Dispose();

    public AnalysenProjektionsStand? Aktuell => _zustand is { } z ? new AnalysenProjektionsStand(z.Daten, z.Stand) : null;

    /// <summary>
    /// The background round: rereads when there is no projection yet, when the fingerprint changed, or when the last full
    /// round is older than <paramref name="spaetestens"/>; otherwise only confirms the "Stand". Returns the number of Fälle
    /// whose events were (re)projected, or null when it did not reread.
    /// </summary>
    public async Task<int?> AktualisierenWennNoetigAsync(TimeSpan spaetestens, CancellationToken ct)
    {
        if (_zustand is { } z && kalender.Jetzt - z.GelesenAm < spaetestens)
        {
            var jetzt = kalender.Jetzt;
            await using var befehl = dataSource.CreateCommand(FingerabdruckSql);
            if ((string)(await befehl.ExecuteScalarAsync(ct))! == z.Fingerabdruck)
            {
                await _einzeln.WaitAsync(ct);
                try
                {
                    if (ReferenceEquals(_zustand, z))
                    {
                        _zustand = z with { Stand = jetzt };
                    }
                }
                finally
                {
                    _einzeln.Release();
                }

                return null;
            }
        }

        return await AktualisierenAsync(ct);
    }

    /// <summary>Reads what changed since the last refresh and publishes a new snapshot; returns the number of Fälle whose events were (re)projected.</summary>
    public async Task<int> AktualisierenAsync(CancellationToken ct)
    {
        await _einzeln.WaitAsync(ct);
        try
        {
            var vorher = _zustand?.Daten;
            var stand = kalender.Jetzt;
            await using var verbindung = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await verbindung.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

            string fingerabdruck;
            await using (var befehl = new NpgsqlCommand(FingerabdruckSql, verbindung, tx))
            {
                fingerabdruck = (string)(await befehl.ExecuteScalarAsync(ct))!;
            }

            var zeilen = await FaelleLesenAsync(verbindung, tx, ct);
            var bekannt = vorher?.VerlaufJeFall ?? [];
            var geaendert = zeilen.Where(z => !bekannt.TryGetValue(z.Id, out var v) || v.EreignisAnzahl != z.EreignisAnzahl).ToDictionary(z => z.Id, z => z.EreignisAnzahl);
            var vollscan = geaendert.Count > zeilen.Count * AnteilVollscan;
            var neu = geaendert.Count == 0 ? [] : await EreignisseProjizierenAsync(verbindung, tx, geaendert, vollscan, ct);
            var themen = await ThemenLesenAsync(verbindung, tx, ct);
            await tx.CommitAsync(ct);

            var faelle = new List<ProjektionsFall>(zeilen.Count);
            foreach (var z in zeilen)
            {
                var verlauf = geaendert.ContainsKey(z.Id)
                    ? neu.TryGetValue(z.Id, out var v) ? v : Projizieren(z.EreignisAnzahl, [])
                    : bekannt[z.Id];
                faelle.Add(new ProjektionsFall(z.Id, z.Mandant, z.TeamId, z.Aufgenommen, z.Offen, z.ProzessSeit, z.Einreise, z.AlterBeiAufnahme, z.HatUeberleitung, verlauf));
            }

            _zustand = new Zustand(new ProjektionsDaten(faelle, themen, _katalog.Einfrieren(), stand), stand, stand, fingerabdruck);
            if (vollscan)
            {
                // The first build reads the whole event log; give the transient memory back rather than keep it as heap.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            return geaendert.Count;
        }
        finally
        {
            _einzeln.Release();
        }
    }

    private static async Task<List<FallZeile>> FaelleLesenAsync(NpgsqlConnection verbindung, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Anonymised Fälle (ADR 0007) have no client: their age at intake and entry date are kept on the Fall.
        await using var befehl = new NpgsqlCommand(
            $"""
            SELECT f.id, f.mandant, f.team_id, f.aufgenommen_am, f.prozess_zustand <> ALL(@beendet), f.prozess_seit,
                   {KohortenSql.Einreisedatum}, {KohortenSql.AlterBeiAufnahme}, f.ereignis_anzahl, EXISTS (SELECT 1 FROM ueberleitungen u WHERE u.fall_id = f.id)
            FROM faelle f LEFT JOIN klienten k ON k.id = f.klient_id
            """, verbindung, tx) { CommandTimeout = AnalysenDaten.ZeitlimitSekunden };
        befehl.Parameters.Add(new NpgsqlParameter("beendet", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = Spurregister.Prozess.BeendeteZustaende.ToArray() });
        var liste = new List<FallZeile>();
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        var mandanten = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await leser.ReadAsync(ct))
        {
            var mandant = leser.GetString(1);
            if (!mandanten.TryGetValue(mandant, out var m))
            {
                mandanten[mandant] = m = mandant;
            }

            liste.Add(new FallZeile(
                leser.GetGuid(0), m, leser.IsDBNull(2) ? null : leser.GetGuid(2), leser.GetFieldValue<DateOnly>(3), leser.GetBoolean(4),
                leser.GetFieldValue<DateOnly>(5), leser.IsDBNull(6) ? null : leser.GetFieldValue<DateOnly>(6), leser.GetInt32(7),
                leser.GetInt32(8), leser.GetBoolean(9)));
        }

        return liste;
    }

    /// <summary>
    /// Reads the events of the changed Fälle (all events when <paramref name="alle"/>) ordered by Fall and projects each
    /// Fall as soon as its events are read, so that only one Fall's rows are held at a time.
    /// </summary>
    private async Task<Dictionary<Guid, FallVerlauf>> EreignisseProjizierenAsync(
        NpgsqlConnection verbindung, NpgsqlTransaction tx, Dictionary<Guid, int> geaendert, bool alle, CancellationToken ct)
    {
        // The closing reason as the key figures label it (Abschluss/Abbruch of the process track only).
        await using var befehl = new NpgsqlCommand(
            $"""
            SELECT e.fall_id, e.nr, e.spur, e.ueberleitung_id, CASE WHEN e.spur = 'Ueberleitung' THEN u.empfaenger END, e.von_zustand, e.nach_zustand,
                   e.fachliches_datum, e.trigger = 'Wiederaufnehmen', CASE WHEN e.spur = 'Prozess' THEN e.akteur END,
                   CASE WHEN e.spur = 'Prozess' AND e.nach_zustand = 'Abschluss' THEN e.parameter->>'abschlussgrund'
                        WHEN e.spur = 'Prozess' AND e.nach_zustand = 'Abbruch' THEN e.parameter->>'abbruchgrund' END
            FROM fall_ereignisse e
            LEFT JOIN ueberleitungen u ON u.id = e.ueberleitung_id
            {(alle ? string.Empty : "WHERE e.fall_id = ANY(@faelle)")}
            ORDER BY e.fall_id
            """, verbindung, tx) { CommandTimeout = AnalysenDaten.ZeitlimitSekunden };
        if (!alle)
        {
            befehl.Parameters.Add(new NpgsqlParameter("faelle", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = geaendert.Keys.ToArray() });
        }

        var texte = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s)
        {
            if (!texte.TryGetValue(s, out var t))
            {
                texte[s] = t = s;
            }

            return t;
        }

        var ergebnis = new Dictionary<Guid, FallVerlauf>();
        var liste = new List<EreignisZeile>();
        Guid? fall = null;
        void Abschliessen()
        {
            if (fall is { } f && geaendert.TryGetValue(f, out var anzahl))
            {
                ergebnis[f] = Projizieren(anzahl, liste);
            }

            liste.Clear();
        }

        await using var leser = await befehl.ExecuteReaderAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            var id = leser.GetGuid(0);
            if (id != fall)
            {
                Abschliessen();
                fall = id;
            }

            liste.Add(new EreignisZeile(
                leser.GetInt32(1), Enum.Parse<Spur>(leser.GetString(2)), leser.IsDBNull(3) ? null : leser.GetGuid(3),
                leser.IsDBNull(4) ? null : Intern(leser.GetString(4)), leser.IsDBNull(5) ? null : Intern(leser.GetString(5)), Intern(leser.GetString(6)),
                leser.GetFieldValue<DateOnly>(7), leser.GetBoolean(8), leser.IsDBNull(9) ? null : Intern(leser.GetString(9)),
                leser.IsDBNull(10) ? null : leser.GetString(10)));
        }

        Abschliessen();
        return ergebnis;
    }

    private static async Task<List<ProjektionsThema>> ThemenLesenAsync(NpgsqlConnection verbindung, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var befehl = new NpgsqlCommand(
            "SELECT id, mandant, fall_id, kategorie, status, (erstellt_am AT TIME ZONE 'Europe/Berlin')::date FROM themen", verbindung, tx)
        { CommandTimeout = AnalysenDaten.ZeitlimitSekunden };
        var liste = new List<ProjektionsThema>();
        await using var leser = await befehl.ExecuteReaderAsync(ct);
        while (await leser.ReadAsync(ct))
        {
            liste.Add(new ProjektionsThema(
                leser.GetGuid(0), leser.GetString(1), leser.IsDBNull(2) ? null : leser.GetGuid(2), leser.GetString(3), leser.GetString(4), leser.GetFieldValue<DateOnly>(5)));
        }

        return liste;
    }

    /// <summary>
    /// Derives a Fall's projection from its events, with the semantics of the SQL port (<see cref="AnalysenDaten"/>): traces
    /// ordered by (fachliches Datum, Nr), across tracks per Fall, per track per (track, referral); variants per track (per
    /// referral on the referral track) without steps that stay in their state; key-figure steps over the process track.
    /// </summary>
    private FallVerlauf Projizieren(int anzahl, List<EreignisZeile> roh)
    {
        roh.Sort((a, b) => a.Datum != b.Datum ? a.Datum.CompareTo(b.Datum) : a.Nr.CompareTo(b.Nr));
        var n = roh.Count;
        var ev = new ProjektionsEreignis[n];
        for (var i = 0; i < n; i++)
        {
            var r = roh[i];
            ev[i].Tag = r.Datum.DayNumber;
            ev[i].Spur = r.Spur;
            ev[i].Knoten = _katalog.Knoten(r.Spur, r.Spur == Spur.Ueberleitung ? r.Gruppe : null, r.Nach);
        }

        for (var i = 0; i < n; i++)
        {
            var letzter = i == n - 1;
            ev[i].KanteQuer = _katalog.Kante(ev[i].Knoten, letzter ? -1 : ev[i + 1].Knoten);
            ev[i].DauerQuer = letzter ? -1 : ev[i + 1].Tag - ev[i].Tag;
        }

        // Traces per track and referral (the map per track, conformance).
        foreach (var spur in Folgen(roh, r => (r.Spur, r.UeberleitungId)))
        {
            for (var j = 0; j < spur.Count; j++)
            {
                var i = spur[j];
                var letzter = j == spur.Count - 1;
                ev[i].StartSpur = j == 0;
                ev[i].KanteSpur = _katalog.Kante(ev[i].Knoten, letzter ? -1 : ev[spur[j + 1]].Knoten);
                ev[i].DauerSpur = letzter ? -1 : ev[spur[j + 1]].Tag - ev[i].Tag;
            }
        }

        // Variant traces: per track, on the referral track per referral.
        var verlaeufe = new List<ProjektionsVerlauf>();
        foreach (var folge in Folgen(roh, r => (r.Spur, r.Spur == Spur.Ueberleitung ? r.UeberleitungId : null)))
        {
            var schritte = folge.Where(i => !string.Equals(roh[i].Von, roh[i].Nach, StringComparison.Ordinal)).Select(i => roh[i].Nach).ToList();
            var pfad = schritte.Count == 0 ? -1 : _katalog.Pfad(string.Join('>', schritte));
            verlaeufe.Add(new ProjektionsVerlauf(roh[folge[0]].Spur, pfad, folge.Max(i => ev[i].Tag) - folge.Min(i => ev[i].Tag)));
        }

        // Key-figure steps: the process track of the Fall in order, each with its predecessor state.
        var prozess = new List<ProjektionsProzessSchritt>();
        string? vor = null;
        foreach (var r in roh.Where(r => r.Spur == Spur.Prozess))
        {
            var z = r.Nach;
            var beendet = IstBeendet(z) && !string.Equals(vor, z, StringComparison.Ordinal);
            var grund = beendet ? _katalog.Grund(Grund(z, r.Grund)) : -1;
            var aktiv = (sbyte)((IstAktiv(z) ? 1 : 0) - (vor is not null && IstAktiv(vor) ? 1 : 0));
            var ruhend = (sbyte)((IstPausiert(z) ? 1 : 0) - (vor is not null && IstPausiert(vor) ? 1 : 0));
            var quartal = new DateOnly(r.Datum.Year, (((r.Datum.Month - 1) / 3) * 3) + 1, 1).DayNumber;
            prozess.Add(new ProjektionsProzessSchritt(quartal, vor is null, r.Wiederaufnahme, beendet, grund, aktiv, ruhend, r.Akteur is { } a ? _katalog.Akteur(a) : -1, vor is not null));
            vor = z;
        }

        var status = roh.Where(r => r.Spur == Spur.Aufenthalt && r.Von is null).Select(r => r.Nach).ToArray();
        return new FallVerlauf(anzahl, ev, status, [.. verlaeufe], [.. prozess]);
    }

    /// <summary>Event indices grouped by <paramref name="schluessel"/>, each group in event order.</summary>
    private static Dictionary<(Spur, Guid?), List<int>>.ValueCollection Folgen(List<EreignisZeile> roh, Func<EreignisZeile, (Spur, Guid?)> schluessel)
    {
        var gruppen = new Dictionary<(Spur, Guid?), List<int>>();
        for (var i = 0; i < roh.Count; i++)
        {
            var k = schluessel(roh[i]);
            if (!gruppen.TryGetValue(k, out var liste))
            {
                gruppen[k] = liste = [];
            }

            liste.Add(i);
        }

        return gruppen.Values;
    }

    private static readonly HashSet<string> Beendet = [.. Spurregister.Prozess.BeendeteZustaende];
    private static readonly HashSet<string> Laufend = [.. Spurregister.Prozess.LaufendeZustaende];
    private static readonly HashSet<string> Pausiert = [.. Spurregister.Prozess.PausierteZustaende];

    private static bool IstBeendet(string z) => Beendet.Contains(z);

    /// <summary>An open process state that is not paused (the track registry's running states).</summary>
    private static bool IstAktiv(string z) => Laufend.Contains(z);

    private static bool IstPausiert(string z) => Pausiert.Contains(z);

    private static string Grund(string z, string? grund) => z switch
    {
        "Abschluss" => "Beendet:Abschluss:" + (grund is not null && Enum.GetNames<Abschlussgrund>().Contains(grund, StringComparer.Ordinal) ? grund : "Sonstiges"),
        "Abbruch" => "Beendet:Abbruch:" + (grund is not null && Enum.GetNames<Abbruchgrund>().Contains(grund, StringComparer.Ordinal) ? grund : "Sonstiges"),
        _ => "Beendet:Verweisung",
    };

    /// <summary>The published snapshot, when it was last known current, when it was last read in full, and the fingerprint it was read at.</summary>
    private sealed record Zustand(ProjektionsDaten Daten, DateTimeOffset Stand, DateTimeOffset GelesenAm, string Fingerabdruck);

    private sealed record FallZeile(
        Guid Id, string Mandant, Guid? TeamId, DateOnly Aufgenommen, bool Offen, DateOnly ProzessSeit, DateOnly? Einreise, int AlterBeiAufnahme, int EreignisAnzahl, bool HatUeberleitung);

    private sealed record EreignisZeile(
        int Nr, Spur Spur, Guid? UeberleitungId, string? Gruppe, string? Von, string Nach, DateOnly Datum, bool Wiederaufnahme, string? Akteur, string? Grund);
}
