using System.Globalization;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The benefits track: AsylbLG while the residence status does not entitle to SGB II (work alongside, the § 60d clock), the
/// Rechtskreiswechsel within weeks once it does, then application, Potenzialanalyse, Kooperationsplan (reviewed every six months),
/// measures and work.
/// </summary>
internal sealed partial class FallSimulator
{
    private void LeistungenWeiter()
    {
        if (!_offen || !_begleitet[(int)Spur.Leistungen])
        {
            return;
        }

        var ende = _fall.IstAufenthaltIn(AufenthaltZustand.Eingebuergert) || _fall.IstAufenthaltIn(AufenthaltZustand.Ausgereist);
        int? tage = _fall.Leistungen.Zustand switch
        {
            LeistungenZustand.KeinLeistungsbezug when ende => null,
            LeistungenZustand.KeinLeistungsbezug => Berechtigt() ? Tage(7, 60) : AsylbLGMoeglich() ? Tage(3, 30) : Tage(120, 365),
            LeistungenZustand.AsylbLG => Berechtigt() ? Tage(7, 40) : Tage(60, 180),
            LeistungenZustand.RechtskreiswechselFaellig => Tage(7, 30),
            LeistungenZustand.Sgb2Beantragt => Tage(14, 45),
            LeistungenZustand.Sgb2Bewilligt => Tage(14, 60),
            LeistungenZustand.Potenzialanalyse => Tage(7, 30),
            LeistungenZustand.Schlichtung => Tage(14, 45),
            LeistungenZustand.Kooperationsplan => Tage(45, 150),
            LeistungenZustand.Massnahme => Tage(90, 300),
            LeistungenZustand.ArbeitAufstockend => Tage(120, 300),
            LeistungenZustand.ArbeitBedarfsdeckend => Tage(365, 900),
            _ => null,
        };
        if (tage is { } t)
        {
            Planen(Spur.Leistungen, t, LeistungenSchritt);
        }
    }

    private bool AsylbLGMoeglich() =>
        _fall.IstAufenthaltIn(AufenthaltZustand.Asylverfahren) || _fall.IstAufenthaltIn(AufenthaltZustand.Ausreisepflichtig)
        || _fall.IstAufenthaltIn(AufenthaltZustand.Geduldet) || _fall.Aufenthalt.Zustand == AufenthaltZustand.Aufenthaltserlaubnis24;

    private void LeistungenSchritt()
    {
        var l = _fall.Leistungen;
        var berechtigt = Berechtigt();
        if (_fall.IstLeistungenIn(LeistungenZustand.Sgb2) && !berechtigt)
        {
            Versuche(LeistungenTrigger.LeistungsbezugBeenden, P(ParameterNamen.Grund, "Aufenthaltsstatus berechtigt nicht mehr zu Leistungen nach dem SGB II"));
            LeistungenWeiter();
            return;
        }

        switch (l.Zustand)
        {
            case LeistungenZustand.KeinLeistungsbezug:
                if (berechtigt)
                {
                    if (_z.Ja(_plan.Szenario is Szenario.SonstigerTitel or Szenario.Niederlassung ? 0.35 : 0.85))
                    {
                        Versuche(LeistungenTrigger.Sgb2Beantragen);
                    }
                    else if (_z.Ja(0.2))
                    {
                        Versuche(LeistungenTrigger.ArbeitAufnehmenBedarfsdeckend, Stunden(30, 40));
                    }
                }
                else if (AsylbLGMoeglich())
                {
                    Versuche(LeistungenTrigger.AsylbLGBewilligen);
                }

                break;
            case LeistungenZustand.AsylbLG:
                if (berechtigt)
                {
                    Versuche(LeistungenTrigger.RechtskreiswechselAnstossen, notiz: "Aufenthaltsstatus berechtigt zu Leistungen nach dem SGB II");
                }
                else if (_fall.IstAufenthaltIn(AufenthaltZustand.Ausgereist))
                {
                    Versuche(LeistungenTrigger.LeistungsbezugBeenden, P(ParameterNamen.Grund, "Ausreise"));
                }
                else if (l.BeschaeftigtSeit is null && Alter is >= 18 and <= 60 && _z.Ja(0.22))
                {
                    Versuche(LeistungenTrigger.BeschaeftigungAufnehmen, _z.Ja(0.8) ? Stunden(20, 40) : Stunden(8, 19));
                }
                else if (l.BeschaeftigtSeit is not null && _z.Ja(0.07))
                {
                    Versuche(LeistungenTrigger.BeschaeftigungBeenden);
                }
                else if (l.BeschaeftigtSeit is not null && _z.Ja(0.06))
                {
                    Versuche(LeistungenTrigger.ArbeitAufnehmenBedarfsdeckend, Stunden(30, 40));
                }

                break;
            case LeistungenZustand.RechtskreiswechselFaellig:
                if (berechtigt
                    ? Versuche(LeistungenTrigger.Sgb2Beantragen)
                    : Versuche(LeistungenTrigger.LeistungsbezugBeenden, P(ParameterNamen.Grund, "Kein zum SGB II berechtigender Aufenthaltsstatus")))
                {
                    WiedervorlagenErledigen(WiedervorlageArt.Rechtskreiswechsel);
                }

                break;
            case LeistungenZustand.Sgb2Beantragt:
                if (!(_z.Ja(0.96) && Versuche(LeistungenTrigger.Sgb2Bewilligen)))
                {
                    Versuche(LeistungenTrigger.Sgb2Ablehnen, P(ParameterNamen.Grund, "Unterlagen trotz Aufforderung nicht vollständig"));
                }

                break;
            case LeistungenZustand.Sgb2Bewilligt:
                var r = _z.Anteil();
                if (r < 0.05)
                {
                    Versuche(LeistungenTrigger.ArbeitAufnehmenAufstockend, Stunden(10, 30));
                }
                else if (r < 0.07)
                {
                    Versuche(LeistungenTrigger.ArbeitAufnehmenBedarfsdeckend, Stunden(30, 40));
                }
                else
                {
                    Versuche(LeistungenTrigger.PotenzialanalyseDurchfuehren);
                }

                break;
            case LeistungenZustand.Potenzialanalyse when _z.Ja(0.07):
                Versuche(LeistungenTrigger.SchlichtungEinleiten);
                break;
            case LeistungenZustand.Potenzialanalyse or LeistungenZustand.Schlichtung:
                if (Versuche(LeistungenTrigger.KooperationsplanAbschliessen))
                {
                    KooperationsplanVormerken();
                }

                break;
            case LeistungenZustand.Kooperationsplan:
                KooperationsplanPruefen();
                break;
            case LeistungenZustand.Massnahme:
                var m = _z.Anteil();
                if (m < 0.85)
                {
                    Versuche(LeistungenTrigger.MassnahmeBeenden);
                }
                else if (m < 0.95)
                {
                    Versuche(LeistungenTrigger.ArbeitAufnehmenAufstockend, Stunden(10, 30));
                }
                else
                {
                    Versuche(LeistungenTrigger.ArbeitAufnehmenBedarfsdeckend, Stunden(30, 40));
                }

                break;
            case LeistungenZustand.ArbeitAufstockend:
                var a = _z.Anteil();
                if (a < 0.25)
                {
                    Versuche(LeistungenTrigger.ArbeitAufnehmenBedarfsdeckend, Stunden(35, 40));
                }
                else if (a < 0.35)
                {
                    Versuche(LeistungenTrigger.BeschaeftigungBeenden);
                }

                break;
            case LeistungenZustand.ArbeitBedarfsdeckend when _z.Ja(0.08):
                Versuche(LeistungenTrigger.BeschaeftigungBeenden);
                break;
            default:
                break;
        }

        LeistungenWeiter();
    }

    private void KooperationsplanPruefen()
    {
        var l = _fall.Leistungen;
        if (l.KooperationsplanAm is { } am && Zeit.VolleMonate(am, _tag) >= 6 && _z.Ja(0.5))
        {
            if (Versuche(LeistungenTrigger.KooperationsplanFortschreiben))
            {
                KooperationsplanVormerken();
            }

            return;
        }

        var r = _z.Anteil();
        if (r < 0.4)
        {
            var art = _fall.IstBildungIn(BildungZustand.Integrationskurs) ? Massnahmeart.Integrationskurs
                : _fall.IstBildungIn(BildungZustand.Berufssprachkurs) ? Massnahmeart.Berufssprachkurs
                : _z.Ja(0.6) ? Massnahmeart.Aktivierung : Massnahmeart.Coaching;
            Versuche(LeistungenTrigger.MassnahmeBeginnen, P(ParameterNamen.Massnahmeart, art.ToString()));
        }
        else if (r < 0.48 && _fall.Kompetenzprofil.AlphabetisierungNoetig != true)
        {
            Versuche(LeistungenTrigger.QualifizierungBeginnen, P(ParameterNamen.Bezeichnung, _z.Eins(Textbausteine.Qualifizierungen)));
        }
        else if (r < 0.58)
        {
            Versuche(LeistungenTrigger.ArbeitAufnehmenAufstockend, Stunden(10, 30));
        }
        else if (r < 0.64)
        {
            Versuche(LeistungenTrigger.ArbeitAufnehmenBedarfsdeckend, Stunden(30, 40));
        }
        else if (r < 0.67 && Alter >= 58)
        {
            Versuche(LeistungenTrigger.InSgb12Wechseln);
        }
    }

    private void KooperationsplanVormerken()
    {
        WiedervorlagenErledigen(WiedervorlageArt.Kooperationsplan);
        WiedervorlageAnlegen(_tag.AddMonths(6), "Kooperationsplan überprüfen und fortschreiben (§ 15 SGB II)", WiedervorlageArt.Kooperationsplan,
            string.Create(CultureInfo.InvariantCulture, $"kooperationsplan:{_tag:yyyy-MM-dd}"), erledigenPlanen: false);
    }

    private Dictionary<string, string?> Stunden(int min, int max) => P(ParameterNamen.Wochenstunden, Zahl(Tage(min, max)));
}
