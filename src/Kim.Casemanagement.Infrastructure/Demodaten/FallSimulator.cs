using System.Globalization;
using System.Text.Json;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;
using Kim.Casemanagement.Infrastructure.Persistence;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// Simulates one client's Fall through the real domain, from intake to "today". Every track has at most one pending
/// action; actions are processed in date order (the fachliches Datum only moves forward) and each is recorded "live":
/// on its day, at a daytime instant that only increases. A track action looks at the track's state when it runs, asks the
/// domain (fires, or reads <see cref="Fall.Spuren"/> where several steps compete) and plans the next one. Only what the
/// domain accepts is recorded: a refused step (<see cref="SchrittNichtMoeglichException"/>) is simply not taken.
/// </summary>
internal sealed partial class FallSimulator
{
    private const int SpurNebenbei = -1;

    private static readonly Rechtsregeltabelle Regeltabelle = Rechtsregeltabelle.Standard;

    private readonly KlientPlan _plan;
    private readonly PersonalDaten _personal;
    private readonly DateOnly _heute;
    private readonly string _mandant;
    private readonly Zufall _z;
    private readonly PriorityQueue<Vorhaben, long> _vorhaben = new();
    private readonly int[] _generation = new int[4];
    private readonly List<FallEreignis> _ereignisse = [];
    private readonly List<Notiz> _notizen = [];
    private readonly List<KompetenzprofilUebergabe> _uebergaben = [];
    private readonly HashSet<Guid> _eigeneWiedervorlagen = [];
    private long _laufnummer;
    private Fall _fall = null!;
    private Mitarbeiter _fallmanager = null!;
    private Mitarbeiter? _warteschlange;
    private DateOnly _tag;
    private DateTimeOffset _uhr;
    private bool _offen = true;

    public FallSimulator(KlientPlan plan, PersonalDaten personal, DemodatenOptionen optionen)
    {
        _plan = plan;
        _personal = personal;
        _heute = optionen.Heute;
        _mandant = optionen.Mandant;
        _z = new Zufall(optionen.Seed, Strom.Faelle, plan.Index);
    }

    /// <summary>Steps the simulation tried and the domain refused (for statistics; refused steps leave no trace).</summary>
    public int Abgelehnt { get; private set; }

    private Klient Klient => _fall.Klient;

    public FallDatensatz Simulieren()
    {
        Aufnehmen();
        while (_vorhaben.TryDequeue(out var vorhaben, out var schluessel))
        {
            var tag = DateOnly.FromDayNumber((int)(schluessel >> 32));
            if (tag > _heute)
            {
                break;
            }

            if (vorhaben.Spur != SpurNebenbei && vorhaben.Generation != _generation[vorhaben.Spur])
            {
                continue;
            }

            ZeitSetzen(tag);
            vorhaben.Aktion();
        }

        return Datensatz();
    }

    // ------------------------------------------------------------------ scheduling and clock

    private void Planen(Spur spur, int tage, Action aktion) => Planen((int)spur, _tag.AddDays(Math.Max(0, tage)), aktion);

    private void PlanenAm(Spur spur, DateOnly datum, Action aktion) => Planen((int)spur, datum < _tag ? _tag : datum, aktion);

    private void Nebenbei(int tage, Action aktion) => Planen(SpurNebenbei, _tag.AddDays(Math.Max(0, tage)), aktion);

    private void NebenbeiAm(DateOnly datum, Action aktion) => Planen(SpurNebenbei, datum < _tag ? _tag : datum, aktion);

    private void Planen(int spur, DateOnly datum, Action aktion)
    {
        if (datum > _heute)
        {
            if (spur != SpurNebenbei)
            {
                _generation[spur]++;
            }

            return;
        }

        var generation = spur == SpurNebenbei ? 0 : ++_generation[spur];
        _vorhaben.Enqueue(new Vorhaben(spur, generation, aktion), ((long)datum.DayNumber << 32) | (uint)_laufnummer++);
    }

    /// <summary>Cancels the pending actions of the partner tracks (the Fall is closed).</summary>
    private void SpurenAnhalten()
    {
        _generation[(int)Spur.Prozess]++;
        _generation[(int)Spur.Aufenthalt]++;
        _generation[(int)Spur.Leistungen]++;
        _generation[(int)Spur.Bildung]++;
    }

    private int Tage(int min, int max) => _z.Zahl(min, max);

    private void ZeitSetzen(DateOnly tag)
    {
        if (tag > _tag)
        {
            _tag = tag;
            _uhr = new DateTimeOffset(tag.ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero).AddMinutes(_z.Zahl(0, 180));
        }
    }

    /// <summary>The next recording instant: on the current day (between 06:30 and 20:00 UTC, i.e. the same day in Berlin), strictly increasing.</summary>
    private DateTimeOffset Jetzt()
    {
        var naechste = _uhr.AddSeconds(_z.Zahl(40, 400));
        _uhr = naechste.Hour >= 20 ? _uhr.AddMilliseconds(_z.Zahl(1, 999)) : naechste;
        return _uhr;
    }

    private SchrittRahmen Rahmen(string akteur, string? notiz = null) => new(_tag, akteur, notiz, Regeltabelle, Jetzt(), _tag);

    private Schritt Probe() => Schritt.Probe(_tag, Regeltabelle, _uhr);

    // ------------------------------------------------------------------ firing

    private string Fallmanagement => _warteschlange?.Id ?? _fallmanager.Id;

    private string Akteur(Spur spur)
    {
        if (spur.ZustaendigeBehoerde() is { } behoerde && _z.Ja(0.3) && _fall.HatGueltigeEinwilligung(behoerde.AlsEmpfaenger(), _tag)
            && _personal.Partner.TryGetValue(behoerde, out var partner) && partner.Count > 0)
        {
            return _z.Eins(partner).Id;
        }

        return Fallmanagement;
    }

    private bool Versuche(Spur spur, string trigger, Dictionary<string, string?>? parameter = null, string? notiz = null, Guid? ueberleitungId = null)
    {
        try
        {
            _fall.Feuern(spur, trigger, parameter, Rahmen(Akteur(spur), notiz), ueberleitungId);
        }
        catch (SchrittNichtMoeglichException)
        {
            Abgelehnt++;
            return false;
        }

        Sammeln();
        return true;
    }

    private bool Versuche(ProzessTrigger trigger, Dictionary<string, string?>? parameter = null, string? notiz = null) => Versuche(Spur.Prozess, trigger.ToString(), parameter, notiz);

    private bool Versuche(AufenthaltTrigger trigger, Dictionary<string, string?>? parameter = null, string? notiz = null)
    {
        var vorher = Berechtigt();
        var leistungen = _fall.Leistungen.Zustand;
        if (!Versuche(Spur.Aufenthalt, trigger.ToString(), parameter, notiz))
        {
            return false;
        }

        NachAufenthaltsschritt(vorher, leistungen);
        return true;
    }

    private bool Versuche(LeistungenTrigger trigger, Dictionary<string, string?>? parameter = null, string? notiz = null) => Versuche(Spur.Leistungen, trigger.ToString(), parameter, notiz);

    private bool Versuche(BildungTrigger trigger, Dictionary<string, string?>? parameter = null, string? notiz = null) => Versuche(Spur.Bildung, trigger.ToString(), parameter, notiz);

    /// <summary>Takes the events, notes and hand-overs of the last change and marks the Fall saved, as one request would.</summary>
    private void Sammeln()
    {
        _ereignisse.AddRange(_fall.NeueEreignisse);
        _notizen.AddRange(_fall.NeueNotizen);
        _uebergaben.AddRange(_fall.NeueUebergaben);
        _fall.Gespeichert();
    }

    private static Dictionary<string, string?> P(string name, string? wert) => new(StringComparer.Ordinal) { [name] = wert };

    private static Dictionary<string, string?> P(string name1, string? wert1, string name2, string? wert2) =>
        new(StringComparer.Ordinal) { [name1] = wert1, [name2] = wert2 };

    private static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Zahl(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string JaNein(bool b) => b ? "true" : "false";

    private int Alter => Klient.AlterAm(_tag);

    private bool Berechtigt() => _fall.HatSgb2BerechtigendenAufenthalt(Probe());

    /// <summary>The steps the domain allows now on one track (judged by the rule table at today's date, without parameters).</summary>
    private HashSet<string> Moeglich(Spur spur)
    {
        var ergebnis = new HashSet<string>(StringComparer.Ordinal);
        foreach (var status in _fall.Spuren(Probe()))
        {
            if (status.Spur != spur)
            {
                continue;
            }

            foreach (var schritt in status.Schritte)
            {
                if (schritt.Moeglich)
                {
                    ergebnis.Add(schritt.Trigger);
                }
            }
        }

        return ergebnis;
    }

    // ------------------------------------------------------------------ result

    private FallDatensatz Datensatz()
    {
        var f = _fall;
        var klient = new KlientZeile(Klient.Id, _mandant, Klient.Vorname, Klient.Nachname, Klient.Geburtsdatum, Klient.Geschlecht, Klient.Herkunftsland,
            Klient.Einreisedatum, Klient.HaushaltId, Klient.MinderjaehrigeKinder, Klient.ErstelltAm);
        var fall = new FallZeile
        {
            Id = f.Id,
            Mandant = f.Mandant,
            Aktenzeichen = f.Aktenzeichen,
            KlientId = f.KlientId,
            FallmanagerId = f.FallmanagerId,
            TeamId = f.TeamId,
            AufgenommenAm = f.AufgenommenAm,
            ErstelltAm = f.ErstelltAm,
            GeaendertAm = f.GeaendertAm,
            Version = f.Version,
            EreignisAnzahl = f.EreignisAnzahl,
            Art13InformiertAm = f.Art13InformiertAm,
            LetzterKontaktAm = f.LetzterKontaktAm,
            Prozess = f.Prozess,
            Aufenthalt = f.Aufenthalt,
            Leistungen = f.Leistungen,
            Bildung = f.Bildung,
            KompetenzprofilJson = JsonSerializer.Serialize(f.Kompetenzprofil, JsonWerte.Optionen),
        };

        var ereignisse = new EreignisZeile[_ereignisse.Count];
        for (var i = 0; i < ereignisse.Length; i++)
        {
            var e = _ereignisse[i];
            var parameter = e.Parameter.Count == 0 ? "{}" : JsonSerializer.Serialize(e.Parameter, JsonWerte.Optionen);
            ereignisse[i] = new EreignisZeile(e.FallId, e.Nr, e.Spur, e.UeberleitungId, e.Trigger, e.VonZustand, e.NachZustand, e.FachlichesDatum, e.ErfasstAm, e.Akteur, e.Notiz, parameter, e.AusgeloestDurch);
        }

        // Follow-ups and hand-overs created inside the domain carry random ids; they get reproducible ones here.
        var wiedervorlagen = f.Wiedervorlagen.Select(w => new WiedervorlageZeile(
            _eigeneWiedervorlagen.Contains(w.Id) ? w.Id : _z.Uuid7(w.ErstelltAm), f.Id, w.Faellig, w.Betreff, w.Art, w.Schluessel, w.ZustaendigId, w.ErstelltAm, w.ErledigtAm, w.ErledigtVon)).ToArray();
        var uebergaben = _uebergaben.Select(u => new UebergabeZeile(
            _z.Uuid7(u.ErstelltAm), f.Id, u.Empfaenger, u.Anlass, u.FachlichesDatum, JsonSerializer.Serialize(u.Profil, JsonWerte.Optionen), u.ErstelltAm)).ToArray();

        return new FallDatensatz(
            klient,
            fall,
            ereignisse,
            f.Einwilligungen.Select(e => new EinwilligungZeile(e.Id, f.Id, e.Empfaenger, e.Datenkategorien, e.Zweck, e.GueltigAb, e.GueltigBis, e.FormularReferenz, e.ErfasstAm, e.ErfasstVon, e.WiderrufenAm, e.WiderrufenVon)).ToArray(),
            f.Ziele.Select(z => new ZielZeile(z.Id, f.Id, z.Was, z.BisWann, z.Wer, z.Messgroesse, z.VereinbartAm, z.Bewertung, z.BewertetAm)).ToArray(),
            wiedervorlagen,
            f.Vertretungen.Select(v => new VertretungZeile(v.Id, f.Id, v.BenutzerId, v.Von, v.Bis)).ToArray(),
            f.Ueberleitungen.Select(u => new UeberleitungZeile(u.Id, f.Id, u.Empfaenger, u.Anliegen, u.Zustand, u.Seit, u.ErstelltAm, u.ErstelltVon)).ToArray(),
            _notizen.Select(n => new NotizZeile(n.Id, f.Id, n.Text, n.VerfasstVon, n.VerfasstAm)).ToArray(),
            uebergaben);
    }

    private readonly record struct Vorhaben(int Spur, int Generation, Action Aktion);
}
