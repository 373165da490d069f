using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Prozess;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The case-management process: Anfrage → Klärung (consents, Art. 13) → Assessment (Kompetenzprofil) → Hilfeplanung (SMART goals)
/// → Umsetzung ⇄ Monitoring → Evaluation (ratings) → Abschluss; some Fälle are referred elsewhere, paused, broken off or taken up again.
/// </summary>
internal sealed partial class FallSimulator
{
    private void ProzessWeiter()
    {
        switch (_fall.Prozess.Zustand)
        {
            case ProzessZustand.Anfrage:
                Planen(Spur.Prozess, Tage(1, 21), Klaeren);
                break;
            case ProzessZustand.Klaerung:
                Planen(Spur.Prozess, Tage(0, 10), KlaerungAbschliessen);
                break;
            case ProzessZustand.Assessment when !_fall.Kompetenzprofil.IstErfasst:
                Planen(Spur.Prozess, Tage(7, 28), ProfilErfassenUndPlanen);
                break;
            case ProzessZustand.Assessment:
                Planen(Spur.Prozess, Tage(3, 21), HilfeplanungBeginnen);
                break;
            case ProzessZustand.Hilfeplanung:
                Planen(Spur.Prozess, Tage(0, 14), ZieleVereinbarenUndPlanen);
                break;
            case ProzessZustand.Umsetzung:
                Planen(Spur.Prozess, Tage(30, 120), MonitoringBeginnen);
                break;
            case ProzessZustand.Monitoring:
                Planen(Spur.Prozess, Tage(60, 200), MonitoringPruefen);
                break;
            case ProzessZustand.Evaluation:
                Planen(Spur.Prozess, Tage(0, 14), ZieleBewertenUndPlanen);
                break;
            case ProzessZustand.Wiederaufnahme:
                Planen(Spur.Prozess, Tage(1, 14), AssessmentBeginnen);
                break;
            default:
                break;
        }
    }

    private void Klaeren()
    {
        if (_warteschlange is not null)
        {
            _fall.Zuweisen(_fallmanager.Id, _fallmanager.TeamId, Jetzt());
            Sammeln();
            _warteschlange = null;
        }

        if (Versuche(ProzessTrigger.Klaeren))
        {
            ProzessWeiter();
        }
    }

    private void KlaerungAbschliessen()
    {
        var r = _z.Anteil();
        if (r < 0.04)
        {
            if (Versuche(ProzessTrigger.Verweisen, P(ParameterNamen.Grund, _z.Eins(Textbausteine.VerweisenGruende))))
            {
                FallBeenden(wiederaufnahmeMoeglich: false);
            }

            return;
        }

        if (r < 0.07)
        {
            Abbrechen(Abbruchgrund.KeinKontakt);
            return;
        }

        EinwilligungenErteilen();
        if (_z.Ja(0.4))
        {
            NotizSchreiben(_z.Eins(Textbausteine.NotizenKontakt), kontakt: true);
        }

        if (_z.Ja(0.3))
        {
            WiedervorlageAnlegen(_tag.AddDays(Tage(7, 45)), _z.Eins(Textbausteine.Wiedervorlagen), WiedervorlageArt.Manuell, null);
        }

        Planen(Spur.Prozess, Tage(1, 21), AssessmentBeginnen);
    }

    private void AssessmentBeginnen()
    {
        CaseManagementEinwilligungSicherstellen();
        if (Versuche(ProzessTrigger.AssessmentBeginnen))
        {
            ProzessWeiter();
        }
        else
        {
            Planen(Spur.Prozess, Tage(7, 30), AssessmentBeginnen);
        }
    }

    private void ProfilErfassenUndPlanen()
    {
        KompetenzprofilErfassen();
        Planen(Spur.Prozess, Tage(0, 14), HilfeplanungBeginnen);
    }

    private void HilfeplanungBeginnen()
    {
        if (Versuche(ProzessTrigger.HilfeplanungBeginnen))
        {
            ProzessWeiter();
        }
    }

    private void ZieleVereinbarenUndPlanen()
    {
        var anzahl = _fall.Ziele.Any(z => z.Bewertung is null) ? (_z.Ja(0.7) ? 1 : 0) : Tage(1, 3);
        for (var i = 0; i < anzahl; i++)
        {
            ZielVereinbaren();
        }

        Planen(Spur.Prozess, Tage(1, 21), UmsetzungBeginnen);
    }

    private void UmsetzungBeginnen()
    {
        if (!Versuche(ProzessTrigger.UmsetzungBeginnen))
        {
            return;
        }

        if (_z.Ja(0.2))
        {
            Nebenbei(Tage(0, 30), UeberleitungAnfragen);
        }

        if (_z.Ja(0.05))
        {
            Nebenbei(Tage(30, 200), UeberleitungAnfragen);
        }

        ProzessWeiter();
    }

    private void MonitoringBeginnen()
    {
        if (Versuche(ProzessTrigger.MonitoringBeginnen))
        {
            ProzessWeiter();
        }
    }

    private void MonitoringPruefen()
    {
        if (_z.Ja(0.3))
        {
            NotizSchreiben(_z.Eins(Textbausteine.NotizenKontakt), kontakt: _z.Ja(0.7));
        }

        if (_z.Ja(0.15))
        {
            WiedervorlageAnlegen(_tag.AddDays(Tage(7, 60)), _z.Eins(Textbausteine.Wiedervorlagen), WiedervorlageArt.Manuell, null);
        }

        var monate = Zeit.VolleMonate(_fall.AufgenommenAm, _tag);
        var evaluation = _fall.IstAufenthaltIn(AufenthaltZustand.Eingebuergert) ? 0.8 : Math.Clamp((monate - 12) / 30.0, 0.03, 0.5);
        var r = _z.Anteil();
        if (r < 0.03)
        {
            Ruhen();
        }
        else if (r < 0.05)
        {
            Abbrechen(_z.Gewichtet([(Abbruchgrund.Wegzug, 0.45), (Abbruchgrund.KeinKontakt, 0.4), (Abbruchgrund.Sonstiges, 0.15)]));
        }
        else if (_z.Ja(evaluation))
        {
            if (Versuche(ProzessTrigger.EvaluationBeginnen))
            {
                ProzessWeiter();
            }
        }
        else
        {
            var weiter = _z.Anteil();
            if (weiter < 0.05 && Versuche(ProzessTrigger.HilfeplanungAnpassen))
            {
                ProzessWeiter();
            }
            else if (weiter < 0.17 && Versuche(ProzessTrigger.UmsetzungFortsetzen))
            {
                ProzessWeiter();
            }
            else
            {
                // Monitoring goes on without a change of phase.
                ProzessWeiter();
            }
        }
    }

    private void ZieleBewertenUndPlanen()
    {
        ZieleBewerten();
        Planen(Spur.Prozess, Tage(1, 14), Abschliessen);
    }

    private void Abschliessen()
    {
        var bewertungen = _fall.Ziele.Select(z => z.Bewertung).ToList();
        var grund = bewertungen.All(b => b == ZielBewertung.Erreicht)
            ? _z.Gewichtet([(Abschlussgrund.ZieleErreicht, 0.7), (Abschlussgrund.UebergabeInRegelsystem, 0.3)])
            : bewertungen.All(b => b == ZielBewertung.NichtErreicht)
                ? _z.Gewichtet([(Abschlussgrund.KeinBedarfMehr, 0.45), (Abschlussgrund.Sonstiges, 0.3), (Abschlussgrund.UebergabeInRegelsystem, 0.25)])
                : _z.Gewichtet([(Abschlussgrund.ZieleTeilweiseErreicht, 0.6), (Abschlussgrund.UebergabeInRegelsystem, 0.25), (Abschlussgrund.KeinBedarfMehr, 0.1), (Abschlussgrund.Sonstiges, 0.05)]);
        if (Versuche(ProzessTrigger.Abschliessen, P(ParameterNamen.Abschlussgrund, grund.ToString())))
        {
            FallBeenden(wiederaufnahmeMoeglich: true);
        }
    }

    private void Ruhen()
    {
        if (!Versuche(ProzessTrigger.Ruhen, P(ParameterNamen.Grund, _z.Eins(Textbausteine.RuhenGruende))))
        {
            return;
        }

        if (_z.Ja(0.75))
        {
            Planen(Spur.Prozess, Tage(30, 240), Fortsetzen);
        }
        else
        {
            Planen(Spur.Prozess, Tage(120, 365), () => Abbrechen(Abbruchgrund.KeinKontakt));
        }
    }

    private void Fortsetzen()
    {
        if (Versuche(ProzessTrigger.Fortsetzen))
        {
            ProzessWeiter();
        }
    }

    private void Abbrechen(Abbruchgrund grund)
    {
        if (Versuche(ProzessTrigger.Abbrechen, P(ParameterNamen.Abbruchgrund, grund.ToString())))
        {
            FallBeenden(wiederaufnahmeMoeglich: grund != Abbruchgrund.Ausreise);
        }
    }

    private void Wiederaufnehmen()
    {
        if (!Versuche(ProzessTrigger.Wiederaufnehmen))
        {
            return;
        }

        _offen = true;
        ProzessWeiter();
        AufenthaltWeiter();
        LeistungenWeiter();
        BildungWeiter();
    }

    /// <summary>The Fall is closed: partner tracks are no longer followed, open follow-ups are done; a few are taken up again later.</summary>
    private void FallBeenden(bool wiederaufnahmeMoeglich)
    {
        _offen = false;
        SpurenAnhalten();
        foreach (var w in _fall.Wiedervorlagen.Where(w => w.IstOffen).ToList())
        {
            _fall.WiedervorlageErledigen(w.Id, Fallmanagement, Jetzt());
        }

        Sammeln();
        if (wiederaufnahmeMoeglich && _z.Ja(0.04))
        {
            Planen(Spur.Prozess, Tage(60, 365), Wiederaufnehmen);
        }
    }
}
