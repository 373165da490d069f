using System.Globalization;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The facts the guards read, recorded through the domain's own methods: consents (some expire, some are withdrawn, most are
/// renewed), the Art. 13 information, the Kompetenzprofil, SMART goals and their rating; and what a case file holds besides:
/// follow-ups, notes, deputies, referrals to partner authorities.
/// </summary>
internal sealed partial class FallSimulator
{
    private const string ZweckCaseManagement = "Teilnahme am Kommunalen Integrationsmanagement (Case Management, KIM Modul 2)";
    private const Datenkategorie KategorienCaseManagement =
        Datenkategorie.Stammdaten | Datenkategorie.Aufenthalt | Datenkategorie.Leistungen | Datenkategorie.Bildung | Datenkategorie.Kompetenzprofil;

    private int _formulare;

    private void EinwilligungenErteilen()
    {
        Einwilligung(Empfaenger.CaseManagement, _z.Ja(0.15) ? KategorienCaseManagement | Datenkategorie.Gesundheit : KategorienCaseManagement, ZweckCaseManagement,
            _z.Ja(0.25) ? _tag.AddYears(2) : null);
        _fall.Art13InformationVermerken(_tag, _tag, Jetzt());
        Sammeln();
        if (_z.Ja(0.8))
        {
            Einwilligung(Empfaenger.Auslaenderbehoerde, Datenkategorie.Stammdaten | Datenkategorie.Aufenthalt | (_z.Ja(0.2) ? Datenkategorie.Leistungen : Datenkategorie.Keine),
                "Abstimmung aufenthaltsrechtlicher Fragen mit der Ausländerbehörde", PartnerGueltigBis());
        }

        if (_z.Ja(0.75))
        {
            Einwilligung(Empfaenger.Jobcenter, Datenkategorie.Stammdaten | Datenkategorie.Leistungen | Datenkategorie.Kompetenzprofil | (_z.Ja(0.4) ? Datenkategorie.Bildung : Datenkategorie.Keine),
                "Abstimmung der Eingliederung in Arbeit und Übergabe des Kompetenzprofils an das Jobcenter", PartnerGueltigBis());
        }

        if (_z.Ja(0.7))
        {
            Einwilligung(Empfaenger.Bildungsberatung, Datenkategorie.Stammdaten | Datenkategorie.Bildung | Datenkategorie.Kompetenzprofil,
                "Abstimmung von Sprachkursen, Anerkennung und Bildungswegen mit der Bildungsberatung", PartnerGueltigBis());
        }
    }

    private DateOnly? PartnerGueltigBis()
    {
        var r = _z.Anteil();
        return r < 0.55 ? null : r < 0.8 ? _tag.AddYears(1) : _tag.AddYears(2);
    }

    private void CaseManagementEinwilligungSicherstellen()
    {
        if (!_fall.HatGueltigeEinwilligungJetzt(Empfaenger.CaseManagement, _uhr, _tag))
        {
            Einwilligung(Empfaenger.CaseManagement, KategorienCaseManagement, ZweckCaseManagement, null);
        }

        if (_fall.Art13InformiertAm is null)
        {
            _fall.Art13InformationVermerken(_tag, _tag, Jetzt());
            Sammeln();
        }
    }

    private void Einwilligung(Empfaenger empfaenger, Datenkategorie kategorien, string zweck, DateOnly? bis)
    {
        var jetzt = Jetzt();
        var formular = string.Create(CultureInfo.InvariantCulture, $"EW-{_fall.Aktenzeichen}-{++_formulare:00}");
        var id = _fall.EinwilligungErteilen(_z.Uuid7(jetzt), empfaenger, kategorien, zweck, _tag, bis, formular, Fallmanagement, jetzt).Id;
        Sammeln();
        if (bis is { } b)
        {
            var faellig = b.AddDays(-28);
            WiedervorlageAnlegen(faellig < _tag ? _tag : faellig,
                string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Einwilligung ({Bezeichnung(empfaenger)}) läuft am {b:dd.MM.yyyy} ab"),
                WiedervorlageArt.Einwilligungsablauf, string.Create(CultureInfo.InvariantCulture, $"einwilligung:{id}"), erledigenPlanen: false);
            NebenbeiAm(b.AddDays(-Tage(-10, 25)), () => EinwilligungVerlaengern(id));
        }

        if (_z.Ja(empfaenger == Empfaenger.CaseManagement ? 0.015 : 0.05))
        {
            Nebenbei(Tage(30, 720), () => EinwilligungWiderrufen(id));
        }
    }

    private static string Bezeichnung(Empfaenger empfaenger) => empfaenger switch
    {
        Empfaenger.CaseManagement => "Case Management",
        Empfaenger.Auslaenderbehoerde => "Ausländerbehörde",
        Empfaenger.Jobcenter => "Jobcenter",
        _ => "Bildungsberatung",
    };

    private void EinwilligungVerlaengern(Guid id)
    {
        var alt = _fall.Einwilligungen.First(e => e.Id == id);
        if (!_offen || alt.WiderrufenAm is not null || !_z.Ja(alt.Empfaenger == Empfaenger.CaseManagement ? 0.9 : 0.5))
        {
            return;
        }

        WiedervorlageErledigen(string.Create(CultureInfo.InvariantCulture, $"einwilligung:{id}"));
        Einwilligung(alt.Empfaenger, alt.Datenkategorien, alt.Zweck, _z.Ja(0.5) ? null : _tag.AddYears(2));
    }

    private void EinwilligungWiderrufen(Guid id)
    {
        var einwilligung = _fall.Einwilligungen.First(e => e.Id == id);
        if (!_offen || einwilligung.WiderrufenAm is not null)
        {
            return;
        }

        _fall.EinwilligungWiderrufen(id, Fallmanagement, Jetzt());
        Sammeln();
        if (einwilligung.Empfaenger == Empfaenger.CaseManagement)
        {
            Abbrechen(Domain.Faelle.Prozess.Abbruchgrund.EinwilligungWiderrufen);
        }
    }

    /// <summary>The profile of the Assessment, recorded once. Language level and literacy need stay as the Bildung track recorded them.</summary>
    private void KompetenzprofilErfassen()
    {
        var land = _plan.Land;
        var alter = Alter;
        var aktuell = _fall.Kompetenzprofil;
        var alphabetisierung = aktuell.AlphabetisierungNoetig == true || _alphabetisierungsbedarf;
        var akademisch = !alphabetisierung && alter >= 22 && _z.Ja(land.Akademisch);
        var schuljahre = alphabetisierung ? Tage(0, 4) : akademisch ? Tage(12, 13) : Tage(6, 12);
        var abschluesse = new List<Berufsabschluss>();
        if (akademisch)
        {
            abschluesse.Add(new Berufsabschluss(_z.Eins(Textbausteine.AkademischeBerufe), land.Name, true, null));
        }
        else if (!alphabetisierung && alter >= 20 && _z.Ja(0.35))
        {
            abschluesse.Add(new Berufsabschluss(_z.Eins(Textbausteine.Berufe), land.Name, false, null));
        }

        var sprachen = new List<string> { land.Sprachen[0] };
        if (land.Sprachen.Count > 1 && _z.Ja(0.4))
        {
            sprachen.Add(land.Sprachen[_z.Zahl(1, land.Sprachen.Count - 1)]);
        }

        if (!sprachen.Contains("Englisch") && _z.Ja(0.3))
        {
            sprachen.Add("Englisch");
        }

        var profil = new Kompetenzprofil
        {
            Deutschniveau = aktuell.Deutschniveau,
            AlphabetisierungNoetig = aktuell.AlphabetisierungNoetig,
            Schuljahre = schuljahre,
            Schulabschluss = alphabetisierung ? null
                : schuljahre >= 12 ? $"Hochschulreife ({land.Name})" : schuljahre >= 9 ? $"Mittlerer Schulabschluss ({land.Name})" : null,
            Berufsabschluesse = abschluesse,
            BerufserfahrungJahre = Math.Clamp(Tage(0, 15), 0, Math.Max(0, alter - 18)),
            Sprachen = sprachen,
        };
        _fall.KompetenzprofilErfassen(profil, _tag, _tag, Jetzt());
        Sammeln();
    }

    private void ZielVereinbaren()
    {
        var (was, wer, messgroesse) = _z.Eins(Textbausteine.Ziele);
        var jetzt = Jetzt();
        _fall.ZielVereinbaren(_z.Uuid7(jetzt), was, _tag.AddDays(Tage(90, 365)), wer, messgroesse, _tag, _tag, jetzt);
        Sammeln();
    }

    private void ZieleBewerten()
    {
        foreach (var ziel in _fall.Ziele.Where(z => z.Bewertung is null).ToList())
        {
            var bewertung = _z.Gewichtet([(ZielBewertung.Erreicht, 0.5), (ZielBewertung.TeilweiseErreicht, 0.3), (ZielBewertung.NichtErreicht, 0.2)]);
            _fall.ZielBewerten(ziel.Id, bewertung, _tag, _tag, Jetzt());
        }

        Sammeln();
    }

    private void WiedervorlageAnlegen(DateOnly faellig, string betreff, WiedervorlageArt art, string? schluessel, bool erledigenPlanen = true)
    {
        var jetzt = Jetzt();
        var anzahl = _fall.Wiedervorlagen.Count;
        var id = _z.Uuid7(jetzt);
        _fall.WiedervorlageAnlegen(id, faellig, betreff, art, schluessel, null, jetzt);
        Sammeln();
        if (_fall.Wiedervorlagen.Count == anzahl)
        {
            return;
        }

        _eigeneWiedervorlagen.Add(id);
        if (erledigenPlanen && _z.Ja(0.85))
        {
            NebenbeiAm(faellig.AddDays(Tage(-5, 14)), () => WiedervorlageErledigen(id));
        }
    }

    private void WiedervorlageErledigen(Guid id)
    {
        if (_fall.Wiedervorlagen.FirstOrDefault(w => w.Id == id) is { IstOffen: true })
        {
            _fall.WiedervorlageErledigen(id, Fallmanagement, Jetzt());
            Sammeln();
        }
    }

    private void WiedervorlageErledigen(string schluessel)
    {
        if (_fall.Wiedervorlagen.FirstOrDefault(w => w.Schluessel == schluessel) is { IstOffen: true } w)
        {
            WiedervorlageErledigen(w.Id);
        }
    }

    private void WiedervorlagenErledigen(WiedervorlageArt art)
    {
        foreach (var w in _fall.Wiedervorlagen.Where(w => w.Art == art && w.IstOffen).ToList())
        {
            WiedervorlageErledigen(w.Id);
        }
    }

    private void NotizSchreiben(string text, bool kontakt)
    {
        var jetzt = Jetzt();
        _fall.NotizVerfassen(_z.Uuid7(jetzt), text, kontakt ? _tag : null, Fallmanagement, _tag, jetzt);
        Sammeln();
    }

    /// <summary>A few Fälle get a deputy for a holiday or an absence (past, current or just ahead).</summary>
    private void VertretungVormerken()
    {
        if (!_z.Ja(0.035) || _fallmanager.TeamId is not { } team || !_personal.FallmanagerJeTeam.TryGetValue(team, out var kollegen))
        {
            return;
        }

        var andere = kollegen.Where(k => k.Id != _fallmanager.Id).ToList();
        if (andere.Count == 0)
        {
            return;
        }

        var vertretung = _z.Eins(andere);
        var von = _plan.Aufnahmedatum.AddDays(Tage(14, 900));
        var spaetestens = _heute.AddDays(Tage(-10, 20));
        von = von > spaetestens ? spaetestens : von;
        von = von < _plan.Aufnahmedatum ? _plan.Aufnahmedatum : von;
        var bis = von.AddDays(Tage(7, 42));
        NebenbeiAm(von.AddDays(-Tage(0, 10)), () =>
        {
            if (_offen)
            {
                var jetzt = Jetzt();
                _fall.VertretungEinrichten(_z.Uuid7(jetzt), vertretung.Id, von, bis, jetzt);
                Sammeln();
            }
        });
    }

    /// <summary>A referral to a partner authority the client consented to; blocked by the domain without a valid consent.</summary>
    private void UeberleitungAnfragen()
    {
        if (!_offen)
        {
            return;
        }

        var kandidaten = new List<(Behoerde Wert, double Gewicht)>();
        foreach (var (behoerde, gewicht) in new[] { (Behoerde.Jobcenter, 0.4), (Behoerde.Auslaenderbehoerde, 0.35), (Behoerde.Bildungsberatung, 0.25) })
        {
            if (_fall.HatGueltigeEinwilligung(behoerde.AlsEmpfaenger(), _tag))
            {
                kandidaten.Add((behoerde, gewicht));
            }
        }

        if (kandidaten.Count == 0)
        {
            return;
        }

        var ziel = _z.Gewichtet(kandidaten);
        var anliegen = _z.Eins(ziel switch
        {
            Behoerde.Auslaenderbehoerde => Textbausteine.AnliegenAuslaenderbehoerde,
            Behoerde.Jobcenter => Textbausteine.AnliegenJobcenter,
            _ => Textbausteine.AnliegenBildungsberatung,
        });
        var rahmen = Rahmen(Fallmanagement);
        var id = _z.Uuid7(rahmen.Jetzt);
        try
        {
            _fall.UeberleitungAnfragen(id, ziel, anliegen, rahmen);
        }
        catch (SchrittNichtMoeglichException)
        {
            Abgelehnt++;
            return;
        }

        Sammeln();
        Nebenbei(Tage(7, 30), () => UeberleitungEntscheiden(id));
    }

    private void UeberleitungEntscheiden(Guid id)
    {
        if (!_offen || _fall.Ueberleitungen.First(u => u.Id == id).Zustand != UeberleitungZustand.Angefragt)
        {
            return;
        }

        var r = _z.Anteil();
        if (r < 0.8)
        {
            if (Versuche(Spur.Ueberleitung, nameof(UeberleitungTrigger.Annehmen), null, null, id))
            {
                Nebenbei(Tage(30, 150), () => UeberleitungAbschliessen(id));
            }
            else
            {
                Versuche(Spur.Ueberleitung, nameof(UeberleitungTrigger.Zurueckziehen), null, null, id);
            }
        }
        else if (r < 0.92)
        {
            Versuche(Spur.Ueberleitung, nameof(UeberleitungTrigger.Ablehnen), P(ParameterNamen.Grund, _z.Eins(Textbausteine.AblehnenGruende)), null, id);
        }
        else if (r < 0.97)
        {
            Versuche(Spur.Ueberleitung, nameof(UeberleitungTrigger.Zurueckziehen), null, null, id);
        }
    }

    private void UeberleitungAbschliessen(Guid id)
    {
        if (!_offen || _fall.Ueberleitungen.First(u => u.Id == id).Zustand != UeberleitungZustand.Angenommen)
        {
            return;
        }

        Versuche(Spur.Ueberleitung, _z.Ja(0.92) ? nameof(UeberleitungTrigger.Erledigen) : nameof(UeberleitungTrigger.Zurueckziehen), null, null, id);
    }
}
