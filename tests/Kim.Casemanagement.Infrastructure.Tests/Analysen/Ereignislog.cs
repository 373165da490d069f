using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// A hand-made event log, written straight into a migrated test database as the owner role: clients, Fälle (with the
/// current process state), referrals and events. Every trace starts with an intake event (no from-state); each further
/// state is one step from the previous one.
/// </summary>
internal sealed class Ereignislog
{
    public const string Mandant = "Teststadt";

    private readonly List<LogFall> _faelle = [];

    public IReadOnlyList<LogFall> Faelle => _faelle;

    public static DateOnly D(int jahr, int monat, int tag) => new(jahr, monat, tag);

    public LogFall Fall(DateOnly aufgenommenAm, DateOnly? geburtsdatum = null, DateOnly? einreise = null, Guid? team = null, string mandant = Mandant)
    {
        var fall = new LogFall(Guid.NewGuid(), mandant, aufgenommenAm, geburtsdatum ?? D(1990, 1, 1), einreise, team);
        _faelle.Add(fall);
        return fall;
    }

    /// <summary>The events as the analyses' abstraction (the reference algorithms' input).</summary>
    public IReadOnlyList<AnalyseEreignis> AlsAnalyseEreignisse() =>
        _faelle.SelectMany(f => f.Ereignisse.Select(e => new AnalyseEreignis(
            f.Id, e.Nr, e.Spur, e.UeberleitungId, e.UeberleitungId is { } u ? f.Ueberleitungen.Single(x => x.Id == u).Empfaenger : null, e.Von, e.Nach, e.Datum))).ToList();

    public bool IstOffen(Guid fallId) => _faelle.Single(f => f.Id == fallId).IstOffen;

    public async Task SpeichernAsync(string connectionString)
    {
        await using var verbindung = new NpgsqlConnection(connectionString);
        await verbindung.OpenAsync();
        await using var tx = await verbindung.BeginTransactionAsync();
        var erfasst = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        await using (var befehl = new NpgsqlCommand(
            """
            INSERT INTO klienten (id, mandant, vorname, nachname, geburtsdatum, geschlecht, herkunftsland, einreisedatum, minderjaehrige_kinder, erstellt_am)
            SELECT id, m, 'Test', 'Person', g, 'Weiblich', 'Syrien', e, 0, @erfasst FROM unnest(@id, @m, @g, @e) AS x(id, m, g, e)
            """, verbindung, tx))
        {
            befehl.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = _faelle.Select(f => f.KlientId).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("m", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = _faelle.Select(f => f.Mandant).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("g", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = _faelle.Select(f => f.Geburtsdatum).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = _faelle.Select(f => (object?)f.Einreise ?? DBNull.Value).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("erfasst", erfasst));
            await befehl.ExecuteNonQueryAsync();
        }

        await using (var befehl = new NpgsqlCommand(
            """
            INSERT INTO faelle (id, mandant, aktenzeichen, klient_id, fallmanager_id, team_id, aufgenommen_am, erstellt_am, geaendert_am, version, ereignis_anzahl,
                                prozess_zustand, prozess_seit, aufenthalt_zustand, aufenthalt_seit, aufenthalt_wohnsitzauflage, leistungen_zustand, leistungen_seit,
                                bildung_zustand, bildung_seit, bildung_ik_wiederholungen, bildung_ik_abgeschlossen, kompetenzprofil)
            SELECT id, m, 'T-' || id::text, k, 'fm.a', t, a, @erfasst, @erfasst, 1, n, pz, ps, 'KeinStatus', a, false, 'KeinLeistungsbezug', a, 'KeineBeratung', a, 0, false, '{}'::jsonb
            FROM unnest(@id, @m, @k, @t, @a, @n, @pz, @ps) AS x(id, m, k, t, a, n, pz, ps)
            """, verbindung, tx))
        {
            befehl.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = _faelle.Select(f => f.Id).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("m", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = _faelle.Select(f => f.Mandant).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("k", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = _faelle.Select(f => f.KlientId).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = _faelle.Select(f => (object?)f.Team ?? DBNull.Value).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("a", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = _faelle.Select(f => f.AufgenommenAm).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("n", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = _faelle.Select(f => f.Ereignisse.Count).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("pz", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = _faelle.Select(f => f.ProzessZustand).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("ps", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = _faelle.Select(f => f.ProzessSeit).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("erfasst", erfasst));
            await befehl.ExecuteNonQueryAsync();
        }

        var ueberleitungen = _faelle.SelectMany(f => f.Ueberleitungen.Select(u => (Fall: f, u.Id, u.Empfaenger))).ToList();
        await using (var befehl = new NpgsqlCommand(
            """
            INSERT INTO ueberleitungen (id, fall_id, empfaenger, anliegen, zustand, seit, erstellt_am, erstellt_von)
            SELECT id, f, e, 'Test', 'Angefragt', @seit, @erfasst, 'fm.a' FROM unnest(@id, @f, @e) AS x(id, f, e)
            """, verbindung, tx))
        {
            befehl.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ueberleitungen.Select(u => u.Id).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("f", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ueberleitungen.Select(u => u.Fall.Id).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ueberleitungen.Select(u => u.Empfaenger).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("seit", D(2025, 1, 1)));
            befehl.Parameters.Add(new NpgsqlParameter("erfasst", erfasst));
            await befehl.ExecuteNonQueryAsync();
        }

        var ereignisse = _faelle.SelectMany(f => f.Ereignisse.Select(e => (Fall: f, E: e))).ToList();
        await using (var befehl = new NpgsqlCommand(
            """
            INSERT INTO fall_ereignisse (fall_id, nr, spur, ueberleitung_id, trigger, von_zustand, nach_zustand, fachliches_datum, erfasst_am, akteur, notiz, parameter)
            SELECT f, nr, s, u, t, v, z, d, @erfasst, a, 'Notiz mit Namen Test Person', p::jsonb
            FROM unnest(@f, @nr, @s, @u, @t, @v, @z, @d, @a, @p) AS x(f, nr, s, u, t, v, z, d, a, p)
            """, verbindung, tx))
        {
            befehl.Parameters.Add(new NpgsqlParameter("f", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ereignisse.Select(x => x.Fall.Id).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("nr", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = ereignisse.Select(x => x.E.Nr).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ereignisse.Select(x => x.E.Spur.ToString()).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("u", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ereignisse.Select(x => (object?)x.E.UeberleitungId ?? DBNull.Value).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ereignisse.Select(x => x.E.Trigger).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ereignisse.Select(x => (object?)x.E.Von ?? DBNull.Value).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("z", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ereignisse.Select(x => x.E.Nach).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = ereignisse.Select(x => x.E.Datum).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("a", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ereignisse.Select(x => x.E.Akteur).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ereignisse.Select(x => x.E.Parameter).ToArray() });
            befehl.Parameters.Add(new NpgsqlParameter("erfasst", erfasst));
            await befehl.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }
}

/// <summary>One Fall of the hand-made log.</summary>
internal sealed class LogFall(Guid id, string mandant, DateOnly aufgenommenAm, DateOnly geburtsdatum, DateOnly? einreise, Guid? team)
{
    private static readonly string[] Beendet = ["Abschluss", "Abbruch", "Verweisung"];
    private string? _prozessZustand;
    private DateOnly? _prozessSeit;

    public Guid Id { get; } = id;

    public Guid KlientId { get; } = Guid.NewGuid();

    public string Mandant { get; } = mandant;

    public DateOnly AufgenommenAm { get; } = aufgenommenAm;

    public DateOnly Geburtsdatum { get; } = geburtsdatum;

    public DateOnly? Einreise { get; } = einreise;

    public Guid? Team { get; } = team;

    public List<LogEreignis> Ereignisse { get; } = [];

    public List<(Guid Id, string Empfaenger)> Ueberleitungen { get; } = [];

    /// <summary>The current process state: set explicitly, else the last process event, else Anfrage since intake.</summary>
    public string ProzessZustand => _prozessZustand ?? LetzterProzessschritt()?.Nach ?? "Anfrage";

    public DateOnly ProzessSeit => _prozessSeit ?? LetzterProzessschritt()?.Datum ?? AufgenommenAm;

    public bool IstOffen => !Beendet.Contains(ProzessZustand);

    /// <summary>A trace on a track: the first state is the intake.</summary>
    public LogFall Spur(Spur spur, params (string Zustand, DateOnly Datum)[] schritte)
    {
        string? vorher = null;
        foreach (var (zustand, datum) in schritte)
        {
            Schritt(spur, vorher is null ? "Aufnahme" : "Schritt", vorher, zustand, datum);
            vorher = zustand;
        }

        return this;
    }

    /// <summary>One event with everything set by hand.</summary>
    public LogFall Schritt(Spur spur, string trigger, string? von, string nach, DateOnly datum, string akteur = "fm.a", string parameter = "{}", Guid? ueberleitungId = null)
    {
        Ereignisse.Add(new LogEreignis(Ereignisse.Count + 1, spur, ueberleitungId, trigger, von, nach, datum, akteur, parameter));
        return this;
    }

    /// <summary>A referral to <paramref name="empfaenger"/> with its states.</summary>
    public LogFall Ueberleitung(string empfaenger, params (string Zustand, DateOnly Datum)[] schritte)
    {
        var id = Guid.NewGuid();
        Ueberleitungen.Add((id, empfaenger));
        string? vorher = "Entwurf";
        foreach (var (zustand, datum) in schritte)
        {
            Schritt(Domain.Common.Spur.Ueberleitung, "Schritt", vorher, zustand, datum, ueberleitungId: id);
            vorher = zustand;
        }

        return this;
    }

    public LogFall Prozessstand(string zustand, DateOnly seit)
    {
        _prozessZustand = zustand;
        _prozessSeit = seit;
        return this;
    }

    private LogEreignis? LetzterProzessschritt() =>
        Ereignisse.Where(e => e.Spur == Domain.Common.Spur.Prozess).OrderBy(e => e.Datum).ThenBy(e => e.Nr).LastOrDefault();
}

/// <summary>One event of the hand-made log.</summary>
internal sealed record LogEreignis(int Nr, Spur Spur, Guid? UeberleitungId, string Trigger, string? Von, string Nach, DateOnly Datum, string Akteur, string Parameter);
