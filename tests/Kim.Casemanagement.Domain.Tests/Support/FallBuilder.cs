using System.Globalization;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Domain.Rechtsregeln;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Support;

/// <summary>
/// Builds a <see cref="Klient"/> and a <see cref="Fall"/> through the public behaviour methods, judged by the
/// standard rule table and the fixed clock of <see cref="Testzeit"/>. <see cref="AllesErfuellt"/> gives a Fall
/// whose facts satisfy every guard that can be satisfied at once; the <c>Ohne…</c> helpers take one fact away.
/// </summary>
public sealed class FallBuilder
{
    public const string Zweck = "Rechtskreisübergreifendes Case Management (KIM Modul 2)";

    public static readonly DateOnly StandardAufnahmetag = D(2023, 1, 2);
    public static readonly DateOnly StandardGeburtsdatum = D(2002, 3, 15);
    public static readonly DateOnly StandardEinreise = D(2015, 9, 1);

    private readonly Dictionary<Empfaenger, (DateOnly? Ab, DateOnly? Bis)> _einwilligungen = [];
    private readonly List<Action<Fall>> _danach = [];

    private string _vorname = "Amina";
    private string _nachname = "Haddad";
    private DateOnly _geburtsdatum = StandardGeburtsdatum;
    private DateOnly? _einreise = StandardEinreise;
    private int _kinder;
    private DateOnly _aufnahmetag = StandardAufnahmetag;

    private AufenthaltZustand _aufenthalt = AufenthaltZustand.KeinStatus;
    private DateOnly? _aufenthaltSeit;
    private Schutzform? _schutzform;
    private DateOnly? _aufenthaltGueltigBis;
    private string? _rechtsgrundlage;
    private LeistungenZustand _leistungen = LeistungenZustand.KeinLeistungsbezug;
    private DateOnly? _leistungenSeit;
    private BildungZustand _bildung = BildungZustand.KeineBeratung;
    private DateOnly? _bildungSeit;
    private Sprachniveau? _deutschniveauBeiAufnahme;

    private DateOnly? _art13Am;
    private bool _art13;
    private Kompetenzprofil? _profil;
    private DateOnly? _profilAm;
    private ZielStand _ziel = ZielStand.Keins;
    private (int Stunden, DateOnly Seit)? _beschaeftigung;

    private enum ZielStand
    {
        Keins,
        Unbewertet,
        Bewertet,
    }

    public DateOnly Aufnahmetag => _aufnahmetag;

    /// <summary>A Fall opened on 2023-01-02 with no history on any track and no further facts.</summary>
    public static FallBuilder Neu() => new();

    /// <summary>
    /// Everything satisfied: a 24-year-old client who entered in 2015, holds a § 25 Abs. 2 permit (lawful residence since
    /// entry, entitles to SGB II), works full time without benefits since 2023-02-01 (39 h), is in vocational training,
    /// speaks German at C1 without literacy need, has a foreign qualification, gave consent to case management and all three
    /// authorities, received the Art. 13 information, and has one agreed and rated goal.
    /// </summary>
    public static FallBuilder AllesErfuellt() => new FallBuilder()
        .MitAufenthalt(AufenthaltZustand.AufenthaltserlaubnisSchutz, D(2017, 3, 1), Schutzform.Fluechtlingseigenschaft, D(2027, 12, 31))
        .MitBildung(BildungZustand.Ausbildung, D(2022, 8, 1), Sprachniveau.C1)
        .MitAllenEinwilligungen()
        .MitArt13Information()
        .MitKompetenzprofil(Sprachniveau.C1)
        .MitBewertetemZiel()
        .MitBeschaeftigung(39, D(2023, 2, 1));

    public FallBuilder MitNamen(string vorname, string nachname)
    {
        _vorname = vorname;
        _nachname = nachname;
        return this;
    }

    public FallBuilder MitKlient(DateOnly geburtsdatum, DateOnly? einreise, int minderjaehrigeKinder = 0)
    {
        _geburtsdatum = geburtsdatum;
        _einreise = einreise;
        _kinder = minderjaehrigeKinder;
        return this;
    }

    public FallBuilder MitEinreise(DateOnly? einreise)
    {
        _einreise = einreise;
        return this;
    }

    public FallBuilder MitMinderjaehrigenKindern(int anzahl)
    {
        _kinder = anzahl;
        return this;
    }

    public FallBuilder AufgenommenAm(DateOnly tag)
    {
        _aufnahmetag = tag;
        return this;
    }

    public FallBuilder MitAufenthalt(AufenthaltZustand zustand, DateOnly? seit = null, Schutzform? schutzform = null, DateOnly? gueltigBis = null, string? rechtsgrundlage = null)
    {
        _aufenthalt = zustand;
        _aufenthaltSeit = seit;
        _schutzform = schutzform;
        _aufenthaltGueltigBis = gueltigBis;
        _rechtsgrundlage = rechtsgrundlage;
        return this;
    }

    public FallBuilder MitLeistungen(LeistungenZustand zustand, DateOnly? seit = null)
    {
        _leistungen = zustand;
        _leistungenSeit = seit;
        return this;
    }

    public FallBuilder MitBildung(BildungZustand zustand, DateOnly? seit = null, Sprachniveau? deutschniveau = null)
    {
        _bildung = zustand;
        _bildungSeit = seit;
        _deutschniveauBeiAufnahme = deutschniveau;
        return this;
    }

    /// <summary>A consent naming <paramref name="empfaenger"/> for all data categories, valid from <paramref name="ab"/> (default: intake) to <paramref name="bis"/> (default: open).</summary>
    public FallBuilder MitEinwilligung(Empfaenger empfaenger, DateOnly? ab = null, DateOnly? bis = null)
    {
        _einwilligungen[empfaenger] = (ab, bis);
        return this;
    }

    public FallBuilder MitAllenEinwilligungen()
    {
        foreach (var empfaenger in Enum.GetValues<Empfaenger>())
        {
            MitEinwilligung(empfaenger);
        }

        return this;
    }

    public FallBuilder OhneEinwilligung(Empfaenger empfaenger)
    {
        _einwilligungen.Remove(empfaenger);
        return this;
    }

    public FallBuilder MitArt13Information(DateOnly? am = null)
    {
        _art13 = true;
        _art13Am = am;
        return this;
    }

    public FallBuilder OhneArt13Information()
    {
        _art13 = false;
        return this;
    }

    /// <summary>Records the Kompetenzprofil (on intake + 8 days unless given).</summary>
    public FallBuilder MitKompetenzprofil(Sprachniveau deutschniveau, bool alphabetisierungNoetig = false, bool auslaendischerAbschluss = true, DateOnly? am = null)
    {
        _profil = new Kompetenzprofil
        {
            Deutschniveau = deutschniveau,
            AlphabetisierungNoetig = alphabetisierungNoetig,
            Schuljahre = 10,
            Schulabschluss = "Mittlere Reife (Syrien)",
            Berufsabschluesse = auslaendischerAbschluss ? [new Berufsabschluss("Elektroniker", "Syrien", false, null)] : [],
            BerufserfahrungJahre = 3,
            Sprachen = ["Arabisch", "Englisch"],
        };
        _profilAm = am;
        return this;
    }

    public FallBuilder OhneKompetenzprofil()
    {
        _profil = null;
        return this;
    }

    public FallBuilder MitBewertetemZiel()
    {
        _ziel = ZielStand.Bewertet;
        return this;
    }

    public FallBuilder MitUnbewertetemZiel()
    {
        _ziel = ZielStand.Unbewertet;
        return this;
    }

    public FallBuilder OhneZiel()
    {
        _ziel = ZielStand.Keins;
        return this;
    }

    /// <summary>Employment recorded on the Leistungen track: full time without benefits, or alongside AsylbLG.</summary>
    public FallBuilder MitBeschaeftigung(int wochenstunden, DateOnly seit)
    {
        _beschaeftigung = (wochenstunden, seit);
        return this;
    }

    public FallBuilder OhneBeschaeftigung()
    {
        _beschaeftigung = null;
        return this;
    }

    /// <summary>Any further behaviour, applied after everything else.</summary>
    public FallBuilder Mit(Action<Fall> schritt)
    {
        _danach.Add(schritt);
        return this;
    }

    public Klient KlientErfassen() =>
        Klient.Erfassen(Guid.NewGuid(), _vorname, _nachname, _geburtsdatum, Geschlecht.Weiblich, "Syrien", _einreise, null, _kinder, Heute, Jetzt);

    public Fall Bauen()
    {
        var klient = KlientErfassen();
        var angaben = new Aufnahmeangaben(
            _aufenthalt, _aufenthaltSeit, _schutzform, _aufenthaltGueltigBis, _rechtsgrundlage, _leistungen, _leistungenSeit, _bildung, _bildungSeit, _deutschniveauBeiAufnahme);
        var aufnahme = new Schritt(_aufnahmetag, Akteur, "Aufnahme im Erstgespräch", SchrittParameter.Leer, Rechtsregeltabelle.Standard, Jetzt, Heute);
        var fall = Fall.Eroeffnen(Guid.NewGuid(), "KIM-2023-000017", "Musterstadt", klient, Akteur, null, angaben, aufnahme);

        foreach (var (empfaenger, (ab, bis)) in _einwilligungen.OrderBy(e => e.Key))
        {
            fall.EinwilligungErteilen(Guid.NewGuid(), empfaenger, AlleKategorien, Zweck, ab ?? _aufnahmetag, bis, "EW-2023-017-" + ((int)empfaenger).ToString(CultureInfo.InvariantCulture), Akteur, Jetzt);
        }

        if (_art13)
        {
            fall.Art13InformationVermerken(_art13Am ?? _aufnahmetag, Heute, Jetzt);
        }

        if (_profil is not null)
        {
            fall.KompetenzprofilErfassen(_profil, _profilAm ?? _aufnahmetag.AddDays(8), Heute, Jetzt);
        }

        if (_ziel != ZielStand.Keins)
        {
            var vereinbart = _aufnahmetag.AddDays(30);
            var ziel = fall.ZielVereinbaren(Guid.NewGuid(), "Abschluss der Ausbildung zum Elektroniker", D(2027, 12, 31), "Klientin mit Ausbildungsbetrieb", "Gesellenbrief liegt vor", vereinbart, Heute, Jetzt);
            if (_ziel == ZielStand.Bewertet)
            {
                fall.ZielBewerten(ziel.Id, ZielBewertung.Erreicht, vereinbart.AddDays(120), Heute, Jetzt);
            }
        }

        if (_beschaeftigung is { } b)
        {
            var trigger = fall.Leistungen.Zustand == LeistungenZustand.AsylbLG
                ? nameof(LeistungenTrigger.BeschaeftigungAufnehmen)
                : nameof(LeistungenTrigger.ArbeitAufnehmenBedarfsdeckend);
            fall.Feuern(Spur.Leistungen, trigger, P((ParameterNamen.Wochenstunden, b.Stunden.ToString(CultureInfo.InvariantCulture))), Rahmen(b.Seit));
        }

        foreach (var schritt in _danach)
        {
            schritt(fall);
        }

        return fall;
    }

    public static Datenkategorie AlleKategorien =>
        Datenkategorie.Stammdaten | Datenkategorie.Aufenthalt | Datenkategorie.Leistungen | Datenkategorie.Bildung | Datenkategorie.Kompetenzprofil;
}
