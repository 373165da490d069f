using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The education track: first counselling and language level, literacy course before anything else where needed, the
/// integration course (6-12 months, one repeat), then vocational language course, recognition, training, qualification or
/// studies as the language level allows; school for young newcomers.
/// </summary>
internal sealed partial class FallSimulator
{
    private int _berufssprachkurse;
    private int _qualifizierungen;
    private bool _ausbildungBegonnen;
    private bool _schuleBegonnen;

    private void BildungWeiter(bool nachEntscheidung = false)
    {
        if (!_offen || !_begleitet[(int)Spur.Bildung])
        {
            return;
        }

        int? tage = _fall.Bildung.Zustand switch
        {
            BildungZustand.KeineBeratung => Tage(7, 75),
            BildungZustand.Erstberatung => Tage(7, 35),
            BildungZustand.Alphabetisierungskurs => Tage(180, 365),
            BildungZustand.IntegrationskursBerechtigt => Tage(14, 45),
            BildungZustand.IntegrationskursEingestuft => Tage(14, 75),
            BildungZustand.IntegrationskursLaeuft => Tage(180, 330),
            BildungZustand.IntegrationskursPruefung => Tage(21, 56),
            BildungZustand.IntegrationskursWiederholung => Tage(100, 180),
            BildungZustand.Berufssprachkurs => Tage(120, 270),
            BildungZustand.AnerkennungBeratung => Tage(21, 90),
            BildungZustand.AnerkennungBeantragt => Tage(60, 150),
            BildungZustand.Ausgleichsmassnahme => Tage(180, 365),
            BildungZustand.SchuleErstfoerderung => Tage(180, 365),
            BildungZustand.SchuleRegelunterricht => Tage(365, 1000),
            BildungZustand.Qualifizierung => Tage(60, 300),
            BildungZustand.Ausbildung => Tage(700, 1100),
            BildungZustand.Studium => Tage(1000, 1800),
            _ when _sprachstandNachtragen => Tage(0, 14),
            _ => nachEntscheidung ? Tage(180, 540) : Tage(14, 90),
        };
        if (tage is { } t)
        {
            Planen(Spur.Bildung, t, BildungSchritt);
        }
    }

    private void BildungSchritt()
    {
        var b = _fall.Bildung;
        var nachEntscheidung = false;
        switch (b.Zustand)
        {
            case BildungZustand.KeineBeratung:
                if (_z.Ja(0.92))
                {
                    Versuche(BildungTrigger.ErstberatungDurchfuehren);
                }

                break;
            case BildungZustand.Erstberatung:
                Versuche(BildungTrigger.SprachstandFeststellen, P(ParameterNamen.Sprachniveau, _startniveau.ToString(), ParameterNamen.AlphabetisierungNoetig, JaNein(_alphabetisierungsbedarf)));
                break;
            case BildungZustand.Alphabetisierungskurs:
                Versuche(BildungTrigger.AlphabetisierungskursAbschliessen, _z.Ja(0.7) ? P(ParameterNamen.Sprachniveau, nameof(Sprachniveau.A1)) : null);
                break;
            case BildungZustand.IntegrationskursBerechtigt:
                Versuche(BildungTrigger.EinstufungstestAblegen);
                break;
            case BildungZustand.IntegrationskursEingestuft:
                Versuche(BildungTrigger.IntegrationskursBeginnen);
                break;
            case BildungZustand.IntegrationskursLaeuft or BildungZustand.IntegrationskursWiederholung:
                if (_z.Ja(0.95))
                {
                    Versuche(BildungTrigger.PruefungAblegen);
                }
                else
                {
                    Unterbrechen();
                }

                break;
            case BildungZustand.IntegrationskursPruefung:
                if (b.IntegrationskursWiederholungen == 0 && _z.Ja(0.2) && Versuche(BildungTrigger.IntegrationskursWiederholen))
                {
                    break;
                }

                var ergebnis = _z.Gewichtet([(Kursergebnis.B1, 0.5), (Kursergebnis.A2, 0.38), (Kursergebnis.UnterA2, 0.12)]);
                Versuche(BildungTrigger.IntegrationskursAbschliessen, P(ParameterNamen.Ergebnis, ergebnis.ToString()));
                break;
            case BildungZustand.Berufssprachkurs:
                Versuche(BildungTrigger.BerufssprachkursAbschliessen, P(ParameterNamen.Ergebnis, Berufssprachkursergebnis().ToString()));
                break;
            case BildungZustand.AnerkennungBeratung:
                var akademisch = _fall.Kompetenzprofil.Berufsabschluesse.Any(a => a.Akademisch);
                Versuche(BildungTrigger.AnerkennungBeantragen, akademisch ? P(ParameterNamen.ZabZeugnisbewertung, JaNein(true)) : null);
                break;
            case BildungZustand.AnerkennungBeantragt:
                var anerkennung = _z.Gewichtet([(AnerkennungsErgebnis.Voll, 0.45), (AnerkennungsErgebnis.Teilweise, 0.35), (AnerkennungsErgebnis.Abgelehnt, 0.2)]);
                Versuche(BildungTrigger.AnerkennungEntscheiden, P(ParameterNamen.Ergebnis, anerkennung.ToString()));
                break;
            case BildungZustand.Ausgleichsmassnahme:
                Versuche(BildungTrigger.AusgleichsmassnahmeAbschliessen);
                break;
            case BildungZustand.SchuleErstfoerderung:
                Versuche(BildungTrigger.RegelunterrichtBeginnen);
                break;
            case BildungZustand.SchuleRegelunterricht:
                Versuche(BildungTrigger.SchulabschlussErreichen, P(ParameterNamen.Bezeichnung, _z.Eins(Textbausteine.Schulabschluesse)));
                break;
            case BildungZustand.Qualifizierung:
                Abschliessen(BildungTrigger.QualifizierungAbschliessen, 0.9);
                break;
            case BildungZustand.Ausbildung:
                Abschliessen(BildungTrigger.AusbildungAbschliessen, 0.85);
                break;
            case BildungZustand.Studium:
                Abschliessen(BildungTrigger.StudiumAbschliessen, 0.85);
                break;
            default:
                if (_fall.IstBildungIn(BildungZustand.Bildungsplanung))
                {
                    nachEntscheidung = !Planungsentscheidung();
                }

                break;
        }

        BildungWeiter(nachEntscheidung);
    }

    /// <summary>From a planning state, the next measure the profile allows (literacy first, then the integration course); false when none is started.</summary>
    private bool Planungsentscheidung()
    {
        var profil = _fall.Kompetenzprofil;
        var niveau = profil.Deutschniveau;
        var alter = Alter;
        if (_sprachstandNachtragen)
        {
            _sprachstandNachtragen = false;
            return Versuche(BildungTrigger.SprachstandAktualisieren, P(ParameterNamen.Sprachniveau, _startniveau.ToString()));
        }

        if (alter <= 17 && !_schuleBegonnen)
        {
            _schuleBegonnen = true;
            return Versuche(BildungTrigger.SchuleBeginnen);
        }

        if (profil.AlphabetisierungNoetig == true)
        {
            return Versuche(BildungTrigger.AlphabetisierungskursBeginnen);
        }

        if (!_fall.Bildung.IntegrationskursAbgeschlossen && niveau < Sprachniveau.B1 && alter <= 64 && _z.Ja(0.85))
        {
            var verpflichtung = _fall.IstLeistungenIn(Domain.Faelle.Leistungen.LeistungenZustand.Sgb2) && _z.Ja(0.6);
            return Versuche(BildungTrigger.IntegrationskursBerechtigen, P(ParameterNamen.IntegrationskursArt, (verpflichtung ? IntegrationskursArt.Verpflichtung : IntegrationskursArt.Berechtigung).ToString()));
        }

        var geduldet = _fall.IstAufenthaltIn(AufenthaltZustand.Geduldet);
        var optionen = new List<(BildungTrigger? Wert, double Gewicht)>();
        if (_berufssprachkurse < 2 && niveau < Sprachniveau.C1 && (niveau >= Sprachniveau.B1 || (_fall.Bildung.IntegrationskursAbgeschlossen && niveau >= Sprachniveau.A2)))
        {
            optionen.Add((BildungTrigger.BerufssprachkursBeginnen, 0.45));
        }

        if (profil.Berufsabschluesse.Any(a => a.Anerkennung is null))
        {
            optionen.Add((BildungTrigger.AnerkennungsberatungBeginnen, 0.5));
        }

        if (!_ausbildungBegonnen && niveau >= Sprachniveau.B2 && alter <= 35)
        {
            optionen.Add((BildungTrigger.AusbildungBeginnen, geduldet ? 0.8 : 0.45));
        }

        if (_qualifizierungen < 2 && niveau >= Sprachniveau.A2)
        {
            optionen.Add((BildungTrigger.QualifizierungBeginnen, 0.2));
        }

        if (niveau >= Sprachniveau.C1 && alter <= 35 && profil.Berufsabschluesse.Any(a => a.Akademisch))
        {
            optionen.Add((BildungTrigger.StudiumBeginnen, 0.25));
        }

        optionen.Add((null, 0.35));
        if (_z.Gewichtet(optionen) is not { } wahl)
        {
            return false;
        }

        switch (wahl)
        {
            case BildungTrigger.BerufssprachkursBeginnen when Versuche(wahl):
                _berufssprachkurse++;
                return true;
            case BildungTrigger.AnerkennungsberatungBeginnen:
                return Versuche(wahl);
            case BildungTrigger.AusbildungBeginnen when Versuche(wahl, P(ParameterNamen.Bezeichnung, _z.Eins(Textbausteine.Ausbildungsberufe))):
                _ausbildungBegonnen = true;
                if (geduldet)
                {
                    // The Ausländerbehörde looks at the Ausbildungsduldung soon after the training starts.
                    Planen(Spur.Aufenthalt, Tage(14, 60), AufenthaltSchritt);
                }

                return true;
            case BildungTrigger.QualifizierungBeginnen when Versuche(wahl, P(ParameterNamen.Bezeichnung, _z.Eins(Textbausteine.Qualifizierungen))):
                _qualifizierungen++;
                return true;
            case BildungTrigger.StudiumBeginnen:
                return Versuche(wahl, P(ParameterNamen.Bezeichnung, _z.Eins(Textbausteine.Studiengaenge)));
            default:
                return false;
        }
    }

    private Kursergebnis Berufssprachkursergebnis()
    {
        var niveau = _fall.Kompetenzprofil.Deutschniveau;
        var naechstes = niveau switch
        {
            < Sprachniveau.B1 => Kursergebnis.B1,
            Sprachniveau.B1 => Kursergebnis.B2,
            _ => Kursergebnis.C1,
        };
        var gleich = niveau switch
        {
            < Sprachniveau.B1 => Kursergebnis.A2,
            Sprachniveau.B1 => Kursergebnis.B1,
            Sprachniveau.B2 => Kursergebnis.B2,
            _ => Kursergebnis.C1,
        };
        return _z.Ja(0.65) ? naechstes : gleich;
    }

    private void Abschliessen(BildungTrigger trigger, double erfolg)
    {
        if (_z.Ja(erfolg))
        {
            Versuche(trigger);
        }
        else
        {
            Unterbrechen();
        }
    }

    private void Unterbrechen() => Versuche(BildungTrigger.BildungswegUnterbrechen, P(ParameterNamen.Grund, _z.Eins(Textbausteine.UnterbrechenGruende)));
}
