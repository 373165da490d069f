using System.Globalization;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Folgeregeln;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Domain.Zustandsmaschinen;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// A client's case across three Rechtskreise: four state machines (case-management process, Aufenthalt,
/// Leistungen, Bildung) plus referrals, whose guards read the whole Fall. Every change goes through a
/// behaviour method; every fired trigger appends an immutable <see cref="FallEreignis"/>.
/// </summary>
public sealed class Fall
{
    public const string AufnahmeTrigger = "Aufnahme";

    private readonly List<Einwilligung> _einwilligungen = [];
    private readonly List<Ziel> _ziele = [];
    private readonly List<Wiedervorlage> _wiedervorlagen = [];
    private readonly List<Vertretung> _vertretungen = [];
    private readonly List<Ueberleitung> _ueberleitungen = [];
    private readonly List<FallEreignis> _neueEreignisse = [];
    private readonly List<Notiz> _neueNotizen = [];
    private readonly List<KompetenzprofilUebergabe> _neueUebergaben = [];

    private bool _geaendert;

    private Fall()
    {
        Aktenzeichen = Mandant = string.Empty;
        Klient = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>Human-readable file number, e.g. KIM-2026-000123.</summary>
    public string Aktenzeichen { get; private set; }

    /// <summary>The Kommune (tenant) the Fall belongs to.</summary>
    public string Mandant { get; private set; }

    public Guid KlientId { get; private set; }

    public Klient Klient { get; private set; }

    /// <summary>The lead case manager's user id; null while the Fall waits in the intake queue.</summary>
    public string? FallmanagerId { get; private set; }

    public Guid? TeamId { get; private set; }

    public DateOnly AufgenommenAm { get; private set; }

    public DateTimeOffset ErstelltAm { get; private set; }

    public DateTimeOffset GeaendertAm { get; private set; }

    /// <summary>Optimistic-concurrency token: increases with every change of the Fall.</summary>
    public int Version { get; private set; }

    /// <summary>Number of events recorded so far; the next event gets <c>EreignisAnzahl + 1</c>.</summary>
    public int EreignisAnzahl { get; private set; }

    /// <summary>Day the client received the information under Art. 13 DSGVO.</summary>
    public DateOnly? Art13InformiertAm { get; private set; }

    /// <summary>Last recorded contact with the client.</summary>
    public DateOnly? LetzterKontaktAm { get; private set; }

    public ProzessDaten Prozess { get; private set; } = new();

    public AufenthaltDaten Aufenthalt { get; private set; } = new();

    public LeistungenDaten Leistungen { get; private set; } = new();

    public BildungDaten Bildung { get; private set; } = new();

    public Kompetenzprofil Kompetenzprofil { get; private set; } = new();

    public IReadOnlyList<Einwilligung> Einwilligungen => _einwilligungen;

    public IReadOnlyList<Ziel> Ziele => _ziele;

    public IReadOnlyList<Wiedervorlage> Wiedervorlagen => _wiedervorlagen;

    public IReadOnlyList<Vertretung> Vertretungen => _vertretungen;

    public IReadOnlyList<Ueberleitung> Ueberleitungen => _ueberleitungen;

    /// <summary>Events recorded since the Fall was loaded (to be appended by the repository).</summary>
    public IReadOnlyList<FallEreignis> NeueEreignisse => _neueEreignisse;

    /// <summary>Notes written since the Fall was loaded.</summary>
    public IReadOnlyList<Notiz> NeueNotizen => _neueNotizen;

    /// <summary>Competence-profile hand-overs created since the Fall was loaded.</summary>
    public IReadOnlyList<KompetenzprofilUebergabe> NeueUebergaben => _neueUebergaben;

    /// <summary>The client's master data were corrected since the last save (the repository writes the client row).</summary>
    public bool KlientGeaendert { get; private set; }


    /// <summary>Opens a Fall at intake. The tracks start where the client already stands; each start is recorded as an event.</summary>
    public static Fall Eroeffnen(Guid id, string aktenzeichen, string mandant, Klient klient, string? fallmanagerId, Guid? teamId, Aufnahmeangaben angaben, Schritt schritt)
    {
        ArgumentNullException.ThrowIfNull(klient);
        ArgumentNullException.ThrowIfNull(angaben);
        ArgumentNullException.ThrowIfNull(schritt);
        string? datumsfehler = schritt.FachlichesDatum > schritt.Heute
            ? "Das fachliche Datum darf nicht in der Zukunft liegen."
            : schritt.FachlichesDatum < klient.Geburtsdatum ? "Das fachliche Datum liegt vor der Geburt der Person." : null;
        if (datumsfehler is not null)
        {
            throw new DomainException(datumsfehler, Fehler("fachlichesDatum", datumsfehler));
        }

        var fall = new Fall
        {
            Id = id,
            Aktenzeichen = aktenzeichen,
            Mandant = mandant,
            Klient = klient,
            KlientId = klient.Id,
            FallmanagerId = fallmanagerId,
            TeamId = teamId,
            AufgenommenAm = schritt.FachlichesDatum,
            ErstelltAm = schritt.ErfasstAm,
            GeaendertAm = schritt.ErfasstAm,
            Version = 1,
            _geaendert = true,
        };
        fall.AufnahmeAnwenden(angaben, schritt);
        return fall;
    }

    // ------------------------------------------------------------------ steps

    /// <summary>
    /// Fires a step on a track. Checks the fachliches Datum, parses the trigger and its parameters, fires,
    /// and applies the cross-track follow-up rules in the same change.
    /// </summary>
    /// <exception cref="DomainException">Unknown trigger, invalid parameters or date (400).</exception>
    /// <exception cref="SchrittNichtMoeglichException">Not permitted in the current state or guards unmet (409).</exception>
    public void Feuern(Spur spur, string trigger, IReadOnlyDictionary<string, string?>? parameter, SchrittRahmen rahmen, Guid? ueberleitungId = null)
    {
        ArgumentNullException.ThrowIfNull(rahmen);
        var definition = Spurregister.Von(spur);
        var schritt = rahmen.Schritt(definition.Schritt(trigger), parameter);
        if (definition.JeUeberleitung)
        {
            Ueberleitung(ueberleitungId);
        }

        PruefeDatum(schritt, definition.Seit(this, ueberleitungId));
        var vorher = _neueEreignisse.Count;
        definition.Feuern(this, ueberleitungId, trigger, schritt);

        FolgeregelnAnwenden(vorher, schritt);
        Geaendert(schritt.ErfasstAm);
    }

    /// <summary>Every track as seen now: state, since when, and each step possible or blocked with its German reasons.</summary>
    public IReadOnlyList<SpurStatus> Spuren(Schritt probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var result = new List<SpurStatus>();
        foreach (var definition in Spurregister.Alle)
        {
            if (!definition.JeUeberleitung)
            {
                result.Add(definition.Status(this, null, probe));
            }
        }

        foreach (var definition in Spurregister.Alle)
        {
            if (definition.JeUeberleitung)
            {
                result.AddRange(_ueberleitungen.Select(u => definition.Status(this, u.Id, probe)));
            }
        }

        return result;
    }

    /// <summary>The static description of a track's machine (for diagrams, documentation and state sets); built once per track.</summary>
    public static Maschinenbeschreibung Beschreibung(Spur spur) => Spurregister.Von(spur).Beschreibung;

    /// <summary>The German label of a track's current (or any) state name.</summary>
    public static string ZustandBezeichnung(Spur spur, string zustand) => Spurregister.Finden(spur)?.ZustandBezeichnung(zustand) ?? zustand;

    /// <summary>The definition (label and parameters) of a step; unknown steps are a 400.</summary>
    public static SchrittDefinition Definition(Spur spur, string trigger) => Spurregister.Von(spur).Schritt(trigger);

    // ------------------------------------------------------------------ consent, goals, follow-ups, notes

    public Einwilligung EinwilligungErteilen(Guid id, Empfaenger empfaenger, Datenkategorie kategorien, string zweck, DateOnly gueltigAb, DateOnly? gueltigBis, string formularReferenz, string akteur, DateTimeOffset jetzt)
    {
        var einwilligung = Einwilligung.Erteilen(id, Id, empfaenger, kategorien, zweck, gueltigAb, gueltigBis, formularReferenz, akteur, jetzt);
        _einwilligungen.Add(einwilligung);
        Geaendert(jetzt);
        return einwilligung;
    }

    public void EinwilligungWiderrufen(Guid einwilligungId, string akteur, DateTimeOffset jetzt)
    {
        var einwilligung = _einwilligungen.FirstOrDefault(e => e.Id == einwilligungId)
            ?? throw new NichtGefundenException("Die Einwilligung gehört nicht zu diesem Fall.");
        einwilligung.Widerrufen(akteur, jetzt);
        Geaendert(jetzt);
    }

    /// <summary>A valid consent names the recipient on the day (not expired, not withdrawn).</summary>
    public bool HatGueltigeEinwilligung(Empfaenger empfaenger, DateOnly am) => _einwilligungen.Any(e => e.Empfaenger == empfaenger && e.IstGueltigAm(am));

    /// <summary>A consent naming the recipient (and, if given, the data category) allows processing for the step: valid on its day and in force when it is recorded.</summary>
    public bool ErlaubtVerarbeitung(Empfaenger empfaenger, Schritt schritt, Datenkategorie kategorie = Datenkategorie.Keine)
    {
        ArgumentNullException.ThrowIfNull(schritt);
        return _einwilligungen.Any(e => e.Empfaenger == empfaenger && e.Umfasst(kategorie) && e.ErlaubtVerarbeitung(schritt.FachlichesDatum, schritt.ErfasstAm, schritt.Heute));
    }

    /// <summary>A consent naming the recipient is in force right now: a withdrawal counts from the instant it was recorded.</summary>
    public bool HatGueltigeEinwilligungJetzt(Empfaenger empfaenger, DateTimeOffset jetzt, DateOnly heute) =>
        _einwilligungen.Any(e => e.Empfaenger == empfaenger && e.IstGueltigZu(jetzt, heute));

    public void Art13InformationVermerken(DateOnly am, DateOnly heute, DateTimeOffset jetzt)
    {
        if (am > heute || am < Klient.Geburtsdatum)
        {
            throw new DomainException("Das Datum der Art.-13-Information ist ungültig.", Fehler("am", "Das Datum darf nicht in der Zukunft und nicht vor der Geburt liegen."));
        }

        Art13InformiertAm = am;
        Geaendert(jetzt);
    }

    public void KompetenzprofilErfassen(Kompetenzprofil profil, DateOnly am, DateOnly heute, DateTimeOffset jetzt)
    {
        ArgumentNullException.ThrowIfNull(profil);
        KompetenzprofilValidierung.Pruefen(profil);
        if (am > heute)
        {
            throw new DomainException("Das Erfassungsdatum darf nicht in der Zukunft liegen.", Fehler("am", "Das Datum darf nicht in der Zukunft liegen."));
        }

        var kopie = profil.Kopie();
        kopie.ErfasstAm = am;
        Kompetenzprofil = kopie;
        Geaendert(jetzt);
    }

    public Ziel ZielVereinbaren(Guid id, string was, DateOnly bisWann, string wer, string? messgroesse, DateOnly vereinbartAm, DateOnly heute, DateTimeOffset jetzt)
    {
        if (vereinbartAm > heute || vereinbartAm < AufgenommenAm)
        {
            throw new DomainException("Das Vereinbarungsdatum ist ungültig.", Fehler("vereinbartAm", "Das Datum muss zwischen Aufnahme und heute liegen."));
        }

        var ziel = Ziel.Vereinbaren(id, Id, was, bisWann, wer, messgroesse, vereinbartAm);
        _ziele.Add(ziel);
        Geaendert(jetzt);
        return ziel;
    }

    public void ZielBewerten(Guid zielId, ZielBewertung bewertung, DateOnly am, DateOnly heute, DateTimeOffset jetzt)
    {
        var ziel = _ziele.FirstOrDefault(z => z.Id == zielId) ?? throw new NichtGefundenException("Das Ziel gehört nicht zu diesem Fall.");
        if (am > heute)
        {
            throw new DomainException("Das Bewertungsdatum darf nicht in der Zukunft liegen.", Fehler("am", "Das Datum darf nicht in der Zukunft liegen."));
        }

        ziel.Bewerten(bewertung, am);
        Geaendert(jetzt);
    }

    public Wiedervorlage WiedervorlageAnlegen(Guid id, DateOnly faellig, string betreff, WiedervorlageArt art, string? schluessel, string? zustaendigId, DateTimeOffset jetzt)
    {
        if (schluessel is not null && _wiedervorlagen.Any(w => w.Schluessel == schluessel))
        {
            return _wiedervorlagen.First(w => w.Schluessel == schluessel);
        }

        var wiedervorlage = Wiedervorlage.Anlegen(id, Id, faellig, betreff, art, schluessel, zustaendigId, jetzt);
        _wiedervorlagen.Add(wiedervorlage);
        Geaendert(jetzt);
        return wiedervorlage;
    }

    public void WiedervorlageErledigen(Guid wiedervorlageId, string akteur, DateTimeOffset jetzt)
    {
        var wiedervorlage = _wiedervorlagen.FirstOrDefault(w => w.Id == wiedervorlageId)
            ?? throw new NichtGefundenException("Die Wiedervorlage gehört nicht zu diesem Fall.");
        wiedervorlage.Erledigen(akteur, jetzt);
        Geaendert(jetzt);
    }

    public Notiz NotizVerfassen(Guid id, string text, DateOnly? kontaktAm, string akteur, DateOnly heute, DateTimeOffset jetzt)
    {
        var notiz = Notiz.Verfassen(id, Id, text, akteur, jetzt);
        if (kontaktAm is { } kontakt)
        {
            if (kontakt > heute || kontakt < AufgenommenAm)
            {
                throw new DomainException("Das Kontaktdatum ist ungültig.", Fehler("kontaktAm", "Das Datum muss zwischen Aufnahme und heute liegen."));
            }

            if (LetzterKontaktAm is null || kontakt > LetzterKontaktAm)
            {
                LetzterKontaktAm = kontakt;
            }
        }

        _neueNotizen.Add(notiz);
        Geaendert(jetzt);
        return notiz;
    }

    /// <summary>
    /// Corrects the client's master data (Art. 16 DSGVO) with the rules of intake; the birth date may not fall after the
    /// intake. When something changed, the case file gets a note naming the corrected fields (never their values) and the
    /// Fall a new version; the old values are returned for the audit trail. Nothing changes when nothing differs.
    /// </summary>
    public IReadOnlyList<StammdatenAenderung> KlientBerichtigen(KlientStammdaten neu, string akteur, DateOnly heute, DateTimeOffset jetzt)
    {
        ArgumentNullException.ThrowIfNull(neu);
        var errors = new Dictionary<string, string[]>();
        if (neu.Geburtsdatum > AufgenommenAm)
        {
            errors[KlientStammdaten.Felder.Geburtsdatum] = ["Das Geburtsdatum darf nicht nach dem Aufnahmedatum des Falls liegen."];
        }

        var aenderungen = Klient.Berichtigen(neu, heute, errors);
        if (aenderungen.Count == 0)
        {
            return aenderungen;
        }

        var felder = string.Join(", ", aenderungen.Select(a => KlientStammdaten.Felder.Bezeichnung(a.Feld)));
        _neueNotizen.Add(Notiz.Verfassen(Guid.CreateVersion7(jetzt), Id, $"Stammdaten berichtigt (Art. 16 DSGVO): {felder}.", akteur, jetzt));
        KlientGeaendert = true;
        Geaendert(jetzt);
        return aenderungen;
    }

    public Vertretung VertretungEinrichten(Guid id, string benutzerId, DateOnly von, DateOnly bis, DateTimeOffset jetzt)
    {
        if (benutzerId == FallmanagerId)
        {
            throw new DomainException("Die fallführende Person kann nicht ihre eigene Vertretung sein.", Fehler("benutzerId", "Bitte eine andere Person wählen."));
        }

        var vertretung = Vertretung.Anlegen(id, Id, benutzerId, von, bis);
        _vertretungen.Add(vertretung);
        Geaendert(jetzt);
        return vertretung;
    }

    public void VertretungBeenden(Guid vertretungId, DateTimeOffset jetzt)
    {
        var vertretung = _vertretungen.FirstOrDefault(v => v.Id == vertretungId) ?? throw new NichtGefundenException("Die Vertretung gehört nicht zu diesem Fall.");
        _vertretungen.Remove(vertretung);
        Geaendert(jetzt);
    }

    /// <summary>Hands the Fall to another case manager (and team).</summary>
    public void Zuweisen(string fallmanagerId, Guid? teamId, DateTimeOffset jetzt)
    {
        if (string.IsNullOrWhiteSpace(fallmanagerId))
        {
            throw new DomainException("Bitte eine fallführende Person wählen.", Fehler("fallmanagerId", "Pflichtangabe."));
        }

        FallmanagerId = fallmanagerId;
        TeamId = teamId;
        Geaendert(jetzt);
    }

    /// <summary>
    /// Called by the repository after a successful save: the recorded events, notes and hand-overs are now stored,
    /// and the next change raises the version again.
    /// </summary>
    public void Gespeichert()
    {
        _neueEreignisse.Clear();
        _neueNotizen.Clear();
        _neueUebergaben.Clear();
        KlientGeaendert = false;
        _geaendert = false;
    }

    /// <summary>Whether the user leads the Fall or deputises on the day.</summary>
    public bool IstZustaendig(string benutzerId, DateOnly heute) =>
        FallmanagerId == benutzerId || _vertretungen.Any(v => v.BenutzerId == benutzerId && v.IstAktivAm(heute));

    /// <summary>Creates a referral and asks the partner authority at once; without valid consent nothing is created.</summary>
    public Ueberleitung UeberleitungAnfragen(Guid id, Behoerde empfaenger, string anliegen, SchrittRahmen rahmen)
    {
        ArgumentNullException.ThrowIfNull(rahmen);
        var schritt = rahmen.Schritt(UeberleitungKatalog.Schritt(UeberleitungTrigger.Anfragen), null);
        PruefeDatum(schritt, AufgenommenAm);
        var ueberleitung = Domain.Faelle.Ueberleitungen.Ueberleitung.Entwerfen(id, Id, empfaenger, anliegen, schritt.Akteur, schritt.FachlichesDatum, schritt.ErfasstAm);
        UeberleitungMaschine.Fuer(empfaenger).Feuern(this, ueberleitung, UeberleitungTrigger.Anfragen, schritt);
        _ueberleitungen.Add(ueberleitung);
        Geaendert(schritt.ErfasstAm);
        return ueberleitung;
    }

    // ------------------------------------------------------------------ facts read by guards

    /// <summary>The client lives on SGB II or SGB XII benefits (the livelihood test for Einbürgerung).</summary>
    public bool BeziehtSgb2OderSgb12() =>
        IstLeistungenIn(LeistungenZustand.Sgb2) || Leistungen.Zustand is LeistungenZustand.Sgb12 or LeistungenZustand.RechtskreiswechselFaellig or LeistungenZustand.AsylbLG;

    /// <summary>The residence status entitles to SGB II on the step's day (rule table; § 24 with its cut-off date).</summary>
    public bool HatSgb2BerechtigendenAufenthalt(Schritt schritt)
    {
        ArgumentNullException.ThrowIfNull(schritt);
        var art = Aufenthalt.Zustand is AufenthaltZustand.VerlaengerungBeantragt or AufenthaltZustand.Fiktionsbescheinigung ? Aufenthalt.TitelArt : Aufenthalt.Zustand;
        if (art is null || !schritt.TryWert(Regeln.Sgb2BerechtigendeAufenthaltszustaende, out var berechtigt) || !berechtigt.Contains(art.Value.ToString(), StringComparer.Ordinal))
        {
            return false;
        }

        if (art == AufenthaltZustand.Aufenthaltserlaubnis24)
        {
            return schritt.TryWert(Regeln.Paragraph24Sgb2NurBeiErsterteilungBis, out var bis) && Aufenthalt.ErsteParagraph24ErteilungAm is { } erste && erste <= bis;
        }

        return true;
    }

    public bool IstAufenthaltIn(AufenthaltZustand zustand) => Spurmaschine<AufenthaltZustand, AufenthaltTrigger>.Tabelle.IstIn(Aufenthalt.Zustand, zustand);

    public bool IstProzessIn(ProzessZustand zustand) => Spurmaschine<ProzessZustand, ProzessTrigger>.Tabelle.IstIn(Prozess.Zustand, zustand);

    public bool IstLeistungenIn(LeistungenZustand zustand) => Spurmaschine<LeistungenZustand, LeistungenTrigger>.Tabelle.IstIn(Leistungen.Zustand, zustand);

    public bool IstBildungIn(BildungZustand zustand) => Spurmaschine<BildungZustand, BildungTrigger>.Tabelle.IstIn(Bildung.Zustand, zustand);

    // ------------------------------------------------------------------ internals used by machines and rules

    /// <summary>Test support only (internal): puts a track into a state without firing, e.g. to test every (state, trigger) pair.</summary>
    internal void ZustandSetzenFuerTest(Spur spur, string zustand, DateOnly seit) => Spurregister.Von(spur).ZustandSetzen(this, zustand, seit);

    /// <summary>A Fall before intake, whose tracks stand where a new Fall's stand (the machines' initial state in diagrams).</summary>
    internal static Fall Leer() => new();

    /// <summary>A referral of this Fall; an id of another Fall's referral is a <see cref="NichtGefundenException"/>.</summary>
    internal Ueberleitung Ueberleitung(Guid? ueberleitungId) =>
        _ueberleitungen.FirstOrDefault(u => u.Id == ueberleitungId) ?? throw new NichtGefundenException("Die Überleitung gehört nicht zu diesem Fall.");

    internal void Protokollieren(Spur spur, Guid? ueberleitungId, string trigger, string? von, string nach, Schritt schritt)
    {
        EreignisAnzahl++;
        _neueEreignisse.Add(new FallEreignis(
            Id, EreignisAnzahl, spur, ueberleitungId, trigger, von, nach, schritt.FachlichesDatum, schritt.ErfasstAm, schritt.Akteur, schritt.Notiz, schritt.Parameter.Roh, schritt.AusgeloestDurch));
    }

    internal void KompetenzprofilUebergeben(Behoerde empfaenger, string anlass, Schritt schritt) =>
        _neueUebergaben.Add(new KompetenzprofilUebergabe(Guid.CreateVersion7(schritt.ErfasstAm), Id, empfaenger, anlass, schritt.FachlichesDatum, Kompetenzprofil, schritt.ErfasstAm));

    internal void FeuernAlsFolge(LeistungenTrigger trigger, Schritt schritt) => LeistungenMaschine.Instanz.Feuern(this, null, trigger, schritt);

    internal bool KannFeuernAlsFolge(LeistungenTrigger trigger, Schritt schritt) => LeistungenMaschine.Instanz.KannFeuern(this, null, trigger, schritt);

    private static Dictionary<string, string[]> Fehler(string feld, string text) => new Dictionary<string, string[]> { [feld] = [text] };

    private void PruefeDatum(Schritt schritt, DateOnly zustandSeit)
    {
        var datum = schritt.FachlichesDatum;
        string? fehler = null;
        if (datum > schritt.Heute)
        {
            fehler = "Das fachliche Datum darf nicht in der Zukunft liegen.";
        }
        else if (datum < Klient.Geburtsdatum)
        {
            fehler = "Das fachliche Datum liegt vor der Geburt der Person.";
        }
        else if (datum < zustandSeit)
        {
            fehler = string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Das fachliche Datum liegt vor dem Beginn des aktuellen Zustands ({zustandSeit:dd.MM.yyyy}).");
        }

        if (fehler is not null)
        {
            throw new DomainException(fehler, Fehler("fachlichesDatum", fehler));
        }

        if (schritt.Parameter.Datum(ParameterNamen.GueltigBis) is { } bis && bis < datum)
        {
            throw new DomainException("„Gültig bis“ liegt vor dem fachlichen Datum.", Fehler($"parameter.{ParameterNamen.GueltigBis}", "„Gültig bis“ darf nicht vor dem fachlichen Datum liegen."));
        }
    }

    private void FolgeregelnAnwenden(int abIndex, Schritt ausloeser)
    {
        // New events may appear while rules run; each event is offered to every rule once.
        for (var i = abIndex; i < _neueEreignisse.Count; i++)
        {
            if (i - abIndex > 50)
            {
                throw new InvalidOperationException("Follow-up rules do not terminate.");
            }

            foreach (var regel in Folgeregel.Alle)
            {
                regel.Anwenden(this, _neueEreignisse[i], ausloeser);
            }
        }
    }

    private void Geaendert(DateTimeOffset jetzt)
    {
        GeaendertAm = jetzt;
        if (!_geaendert)
        {
            _geaendert = true;
            Version++;
        }
    }

    private void AufnahmeAnwenden(Aufnahmeangaben a, Schritt schritt)
    {
        var errors = new Dictionary<string, string[]>();
        var heute = schritt.FachlichesDatum;
        DateOnly Seit(DateOnly? seit, string feld)
        {
            var d = seit ?? heute;
            if (d > heute || d < Klient.Geburtsdatum)
            {
                errors[feld] = ["Das Datum muss zwischen Geburt und Aufnahmedatum liegen."];
            }

            return d;
        }

        if (!AufenthaltKatalog.Startzustaende.Contains(a.Aufenthaltsstatus))
        {
            errors["aufenthaltsstatus"] = [$"Mit „{AufenthaltKatalog.Bezeichnung(a.Aufenthaltsstatus)}“ kann ein Fall nicht beginnen."];
        }

        if (!LeistungenKatalog.Startzustaende.Contains(a.Leistungsstatus))
        {
            errors["leistungsstatus"] = [$"Mit „{LeistungenKatalog.Bezeichnung(a.Leistungsstatus)}“ kann ein Fall nicht beginnen."];
        }

        if (!BildungKatalog.Startzustaende.Contains(a.Bildungsstand))
        {
            errors["bildungsstand"] = [$"Mit „{BildungKatalog.Bezeichnung(a.Bildungsstand)}“ kann ein Fall nicht beginnen."];
        }

        var aufenthaltSeit = Seit(a.AufenthaltSeit, "aufenthaltSeit");
        var leistungenSeit = Seit(a.LeistungenSeit, "leistungenSeit");
        var bildungSeit = Seit(a.BildungSeit, "bildungSeit");
        if (a.AufenthaltGueltigBis is { } bis && bis < aufenthaltSeit)
        {
            errors["aufenthaltGueltigBis"] = ["„Gültig bis“ darf nicht vor dem Beginn des Status liegen."];
        }

        if (a.Rechtsgrundlage is { } rg && !Texte.IstGueltigerKurztext(rg, 100))
        {
            errors["rechtsgrundlage"] = ["Die Rechtsgrundlage ist zu lang oder enthält Steuerzeichen."];
        }

        if (a.Schutzform is { } sf && !Enum.IsDefined(sf))
        {
            errors["schutzform"] = ["Unbekannte Schutzform."];
        }

        if (a.Deutschniveau is { } dn && !Enum.IsDefined(dn))
        {
            errors["deutschniveau"] = ["Unbekanntes Sprachniveau."];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Die Angaben zur Aufnahme sind ungültig.", errors);
        }

        // Process track.
        Prozess.Zustand = ProzessZustand.Anfrage;
        Prozess.Seit = heute;
        Protokollieren(Spur.Prozess, null, AufnahmeTrigger, null, ProzessZustand.Anfrage.ToString(), schritt);

        // Residence track: where the client stands, with the facts the guards need.
        Aufenthalt.Zustand = a.Aufenthaltsstatus;
        Aufenthalt.Seit = aufenthaltSeit;
        var geduldet = IstAufenthaltIn(AufenthaltZustand.Geduldet);
        var titel = IstAufenthaltIn(AufenthaltZustand.Aufenthaltstitel) || a.Aufenthaltsstatus == AufenthaltZustand.Niederlassungserlaubnis;
        var rechtmaessig = IstAufenthaltIn(AufenthaltZustand.Asylverfahren) || titel || a.Aufenthaltsstatus == AufenthaltZustand.Schutzstatus;
        // Permits that follow a toleration (§ 25a, § 25b, § 16g, § 104c) start lawful residence themselves; otherwise it runs from entry.
        var nachDuldung = a.Aufenthaltsstatus is AufenthaltZustand.Aufenthaltserlaubnis25a or AufenthaltZustand.Aufenthaltserlaubnis25b
            or AufenthaltZustand.Aufenthaltserlaubnis16g or AufenthaltZustand.Chancenaufenthaltsrecht;
        Aufenthalt.RechtmaessigSeit = !rechtmaessig ? null : nachDuldung ? aufenthaltSeit : Min(Klient.Einreisedatum, aufenthaltSeit);
        Aufenthalt.GeduldetSeit = geduldet ? aufenthaltSeit : null;
        Aufenthalt.Schutzform = a.Aufenthaltsstatus is AufenthaltZustand.Schutzstatus or AufenthaltZustand.AufenthaltserlaubnisSchutz ? a.Schutzform : null;
        Aufenthalt.TitelArt = titel ? a.Aufenthaltsstatus : null;
        Aufenthalt.TitelGueltigAb = titel ? aufenthaltSeit : null;
        Aufenthalt.GueltigBis = titel || geduldet ? a.AufenthaltGueltigBis : null;
        Aufenthalt.Rechtsgrundlage = a.Aufenthaltsstatus == AufenthaltZustand.AufenthaltserlaubnisSonstige
            ? Texte.Normalisieren(a.Rechtsgrundlage)
            : AufenthaltKatalog.Rechtsgrundlage(a.Aufenthaltsstatus, Aufenthalt.Schutzform);
        Aufenthalt.ErsteParagraph24ErteilungAm = a.Aufenthaltsstatus == AufenthaltZustand.Aufenthaltserlaubnis24 ? aufenthaltSeit : null;
        Aufenthalt.ChancenaufenthaltsrechtSeit = a.Aufenthaltsstatus == AufenthaltZustand.Chancenaufenthaltsrecht ? aufenthaltSeit : null;
        Protokollieren(Spur.Aufenthalt, null, AufnahmeTrigger, null, a.Aufenthaltsstatus.ToString(), new Schritt(aufenthaltSeit, schritt.Akteur, schritt.Notiz, SchrittParameter.Leer, schritt.Regeln, schritt.ErfasstAm, schritt.Heute));

        // Benefits track: SGB II at intake needs an entitling status, as any later SGB II step does.
        Leistungen.Zustand = a.Leistungsstatus;
        Leistungen.Seit = leistungenSeit;
        var leistungenSchritt = new Schritt(leistungenSeit, schritt.Akteur, schritt.Notiz, SchrittParameter.Leer, schritt.Regeln, schritt.ErfasstAm, schritt.Heute);
        if (IstLeistungenIn(LeistungenZustand.Sgb2) && !HatSgb2BerechtigendenAufenthalt(leistungenSchritt))
        {
            throw new SchrittNichtMoeglichException(Spur.Leistungen.ToString(), a.Leistungsstatus.ToString(), AufnahmeTrigger, [Bedingungen.Sgb2BerechtigenderAufenthalt.Beschreibung]);
        }

        Leistungen.KooperationsplanAm = a.Leistungsstatus == LeistungenZustand.Kooperationsplan ? leistungenSeit : null;
        Protokollieren(Spur.Leistungen, null, AufnahmeTrigger, null, a.Leistungsstatus.ToString(), leistungenSchritt);

        // Education track.
        Bildung.Zustand = a.Bildungsstand;
        Bildung.Seit = bildungSeit;
        Bildung.IntegrationskursAbgeschlossen = a.Bildungsstand == BildungZustand.IntegrationskursAbgeschlossen;
        if (a.Deutschniveau is { } niveau)
        {
            Kompetenzprofil.Deutschniveau = niveau;
        }

        Protokollieren(Spur.Bildung, null, AufnahmeTrigger, null, a.Bildungsstand.ToString(), new Schritt(bildungSeit, schritt.Akteur, schritt.Notiz, SchrittParameter.Leer, schritt.Regeln, schritt.ErfasstAm, schritt.Heute));
    }

    private static DateOnly Min(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;
}
