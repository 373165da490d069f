using System.Globalization;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The residence track: asylum procedure (months, outcome by country), permits with renewals, § 24 entries, toleration with
/// the ways out the domain allows at each check (§ 60c, § 60d, § 25a, § 25b, § 104c), and settlement and naturalisation once the
/// rule table's years and language level are reached: the simulation only asks at intervals, the guards decide.
/// </summary>
internal sealed partial class FallSimulator
{
    private static readonly (AufenthaltTrigger Trigger, double Wahrscheinlichkeit)[] DuldungsWege =
    [
        (AufenthaltTrigger.AusbildungsduldungErteilen, 0.85),
        (AufenthaltTrigger.Paragraph16gErteilen, 0.3),
        (AufenthaltTrigger.Paragraph25aErteilen, 0.4),
        (AufenthaltTrigger.BeschaeftigungsduldungErteilen, 0.45),
        (AufenthaltTrigger.Paragraph25bErteilen, 0.35),
        (AufenthaltTrigger.ChancenaufenthaltsrechtErteilen, 0.35),
        (AufenthaltTrigger.IdentitaetKlaeren, 0.3),
        (AufenthaltTrigger.AbschiebungsverbotFeststellen, 0.01),
        (AufenthaltTrigger.SonstigeAufenthaltserlaubnisErteilen, 0.01),
        (AufenthaltTrigger.Ausreisen, 0.015),
    ];

    private void AufenthaltWeiter()
    {
        if (!_offen || !_begleitet[(int)Spur.Aufenthalt])
        {
            return;
        }

        var a = _fall.Aufenthalt;
        int? tage = a.Zustand switch
        {
            AufenthaltZustand.KeinStatus => _plan.Szenario switch
            {
                Szenario.Paragraph24 => Tage(3, 45),
                Szenario.Asylverfahren => Tage(0, 10),
                Szenario.SonstigerTitel => Tage(7, 60),
                _ => null,
            },
            AufenthaltZustand.Asylgesuch => Tage(2, 21),
            AufenthaltZustand.Ankunftsnachweis => Tage(7, 60),
            AufenthaltZustand.Aufenthaltsgestattung => Math.Max(1, _asylentscheidungAm.DayNumber - _tag.DayNumber),
            AufenthaltZustand.Schutzstatus => Tage(30, 150),
            AufenthaltZustand.Ausreisepflichtig => Tage(7, 60),
            AufenthaltZustand.Duldung or AufenthaltZustand.DuldungUngeklaerteIdentitaet or AufenthaltZustand.Ausbildungsduldung or AufenthaltZustand.Beschaeftigungsduldung => Tage(75, 180),
            AufenthaltZustand.VerlaengerungBeantragt or AufenthaltZustand.Fiktionsbescheinigung => Tage(14, 90),
            AufenthaltZustand.Chancenaufenthaltsrecht => Math.Max(1, Math.Min(
                (a.ChancenaufenthaltsrechtSeit ?? _tag).AddMonths(18).AddDays(Tage(0, 60)).DayNumber - _tag.DayNumber, Tage(90, 240))),
            AufenthaltZustand.Niederlassungserlaubnis => Tage(180, 540),
            AufenthaltZustand.Eingebuergert or AufenthaltZustand.Ausgereist => null,
            _ => TageBisTitelpruefung(a),
        };
        if (tage is { } t)
        {
            Planen(Spur.Aufenthalt, t, AufenthaltSchritt);
        }
    }

    private int TageBisTitelpruefung(AufenthaltDaten a)
    {
        var pruefung = Tage(150, 420);
        if (a.GueltigBis is { } bis)
        {
            var antrag = bis.AddDays(-Tage(30, 70)).DayNumber - _tag.DayNumber;
            if (antrag < pruefung)
            {
                return Math.Max(1, antrag);
            }
        }

        return pruefung;
    }

    private void AufenthaltSchritt()
    {
        var a = _fall.Aufenthalt;
        switch (a.Zustand)
        {
            case AufenthaltZustand.KeinStatus when _plan.Szenario == Szenario.Paragraph24:
                Versuche(AufenthaltTrigger.Paragraph24Erteilen, Titel(_tag.AddDays(Tage(365, 730)), _z.Ja(0.3)));
                break;
            case AufenthaltZustand.KeinStatus when _plan.Szenario == Szenario.Asylverfahren:
                Versuche(AufenthaltTrigger.AsylSuchen);
                break;
            case AufenthaltZustand.KeinStatus when _plan.Szenario == Szenario.SonstigerTitel:
                Versuche(AufenthaltTrigger.SonstigeAufenthaltserlaubnisErteilen, Sonstige(_z.Eins(Textbausteine.SonstigeRechtsgrundlagen), _tag.AddDays(Tage(365, 1095))));
                break;
            case AufenthaltZustand.Asylgesuch:
                Versuche(AufenthaltTrigger.AnkunftsnachweisAusstellen);
                break;
            case AufenthaltZustand.Ankunftsnachweis:
                if (Versuche(AufenthaltTrigger.AsylantragStellen))
                {
                    _asylentscheidungAm = _tag.AddDays(_z.LogNormalTage(200, 0.55, 45, 900));
                }

                break;
            case AufenthaltZustand.Aufenthaltsgestattung:
                AsylEntscheiden();
                break;
            case AufenthaltZustand.Schutzstatus:
                var lang = a.Schutzform is Schutzform.Fluechtlingseigenschaft or Schutzform.Asylberechtigung;
                Versuche(
                    AufenthaltTrigger.AufenthaltserlaubnisErteilen,
                    Titel(_tag.AddDays(lang ? 1095 : Tage(365, 730)), _z.Ja(0.6), _z.Ja(0.7) ? Textbausteine.Nebenbestimmungen[0] : null));
                break;
            case AufenthaltZustand.Ausreisepflichtig:
                var r = _z.Anteil();
                if (r < 0.8)
                {
                    Versuche(AufenthaltTrigger.DuldungErteilen, P(ParameterNamen.GueltigBis, Datum(_tag.AddDays(Tage(90, 180)))));
                }
                else if (r < 0.92)
                {
                    Versuche(AufenthaltTrigger.DuldungUngeklaerteIdentitaetErteilen, P(ParameterNamen.GueltigBis, Datum(_tag.AddDays(Tage(90, 180)))));
                }
                else
                {
                    Versuche(AufenthaltTrigger.Ausreisen);
                }

                break;
            case AufenthaltZustand.Duldung or AufenthaltZustand.DuldungUngeklaerteIdentitaet or AufenthaltZustand.Ausbildungsduldung or AufenthaltZustand.Beschaeftigungsduldung:
                DuldungPruefen();
                break;
            case AufenthaltZustand.VerlaengerungBeantragt when _z.Ja(0.5):
                Versuche(AufenthaltTrigger.FiktionsbescheinigungAusstellen);
                break;
            case AufenthaltZustand.VerlaengerungBeantragt or AufenthaltZustand.Fiktionsbescheinigung:
                var alt = a.GueltigBis is { } g && g > _tag ? g : _tag;
                Versuche(AufenthaltTrigger.Verlaengern, P(ParameterNamen.GueltigBis, Datum(alt.AddDays(Tage(365, 1095)))));
                break;
            case AufenthaltZustand.Chancenaufenthaltsrecht:
                ChancenPruefen();
                break;
            case AufenthaltZustand.Niederlassungserlaubnis:
                VerfestigungPruefen();
                break;
            case AufenthaltZustand.Eingebuergert or AufenthaltZustand.Ausgereist or AufenthaltZustand.KeinStatus:
                break;
            default:
                if (a.GueltigBis is { } bis && _tag >= bis.AddDays(-75))
                {
                    if (Versuche(AufenthaltTrigger.VerlaengerungBeantragen))
                    {
                        WiedervorlagenErledigen(WiedervorlageArt.Titelablauf);
                    }
                }
                else
                {
                    VerfestigungPruefen();
                }

                break;
        }

        AufenthaltWeiter();
    }

    private void AsylEntscheiden()
    {
        var land = _plan.Land;
        var r = _z.Anteil();
        if (r < land.Anerkennung)
        {
            Versuche(AufenthaltTrigger.Anerkennen, P(ParameterNamen.Schutzform, SchutzformWaehlen().ToString()));
        }
        else if (r < land.Anerkennung + land.Abschiebungsverbot)
        {
            Versuche(AufenthaltTrigger.AbschiebungsverbotFeststellen);
        }
        else
        {
            Versuche(AufenthaltTrigger.AsylantragAblehnen);
        }
    }

    /// <summary>A toleration check: of the ways out the domain allows today, one may be taken; otherwise the Duldung is extended.</summary>
    private void DuldungPruefen()
    {
        var moeglich = Moeglich(Spur.Aufenthalt);
        foreach (var (trigger, wahrscheinlichkeit) in DuldungsWege)
        {
            if (moeglich.Contains(trigger.ToString()) && _z.Ja(wahrscheinlichkeit) && Versuche(trigger, DuldungsParameter(trigger)))
            {
                return;
            }
        }

        if (_fall.Aufenthalt.Zustand == AufenthaltZustand.Duldung && _z.Ja(0.25))
        {
            Versuche(AufenthaltTrigger.DuldungErteilen, P(ParameterNamen.GueltigBis, Datum(_tag.AddDays(Tage(90, 180)))));
        }
    }

    private Dictionary<string, string?>? DuldungsParameter(AufenthaltTrigger trigger) => trigger switch
    {
        AufenthaltTrigger.AusbildungsduldungErteilen => P(ParameterNamen.GueltigBis, Datum(_tag.AddDays(Tage(700, 1100)))),
        AufenthaltTrigger.BeschaeftigungsduldungErteilen => P(ParameterNamen.GueltigBis, Datum(_tag.AddMonths(30))),
        AufenthaltTrigger.Paragraph16gErteilen => Titel(_tag.AddDays(Tage(365, 1095)), false),
        AufenthaltTrigger.Paragraph25aErteilen or AufenthaltTrigger.Paragraph25bErteilen => Titel(_tag.AddDays(Tage(730, 1095)), false),
        AufenthaltTrigger.ChancenaufenthaltsrechtErteilen => Titel(_tag.AddMonths(18), false),
        AufenthaltTrigger.SonstigeAufenthaltserlaubnisErteilen => Sonstige("§ 25 Abs. 5 AufenthG", _tag.AddDays(Tage(365, 1095))),
        _ => null,
    };

    private void ChancenPruefen()
    {
        var moeglich = Moeglich(Spur.Aufenthalt);
        if (moeglich.Contains(nameof(AufenthaltTrigger.Paragraph25bErteilen)) && _z.Ja(0.8))
        {
            Versuche(AufenthaltTrigger.Paragraph25bErteilen, Titel(_tag.AddDays(Tage(730, 1095)), false));
        }
        else if (moeglich.Contains(nameof(AufenthaltTrigger.Paragraph25aErteilen)) && _z.Ja(0.8))
        {
            Versuche(AufenthaltTrigger.Paragraph25aErteilen, Titel(_tag.AddDays(Tage(730, 1095)), false));
        }
        else if (moeglich.Contains(nameof(AufenthaltTrigger.ChancenaufenthaltsrechtAblaufen)) && _z.Ja(0.7))
        {
            Versuche(AufenthaltTrigger.ChancenaufenthaltsrechtAblaufen, P(ParameterNamen.GueltigBis, Datum(_tag.AddDays(Tage(90, 180)))));
        }
    }

    /// <summary>Settlement permit and naturalisation: asked at intervals once lawful residence and language could suffice; the guards decide.</summary>
    private void VerfestigungPruefen()
    {
        var a = _fall.Aufenthalt;
        if (a.Zustand == AufenthaltZustand.Aufenthaltserlaubnis16g && _fall.Bildung.Zustand == BildungZustand.AusbildungAbgeschlossen && _z.Ja(0.6))
        {
            Versuche(AufenthaltTrigger.SonstigeAufenthaltserlaubnisErteilen, Sonstige(Textbausteine.SonstigeRechtsgrundlagen[3], _tag.AddDays(Tage(730, 1460))));
            return;
        }

        if (a.Zustand == AufenthaltZustand.Aufenthaltserlaubnis24 && _z.Ja(0.02))
        {
            Versuche(AufenthaltTrigger.SonstigeAufenthaltserlaubnisErteilen, Sonstige(_z.Ja(0.5) ? Textbausteine.SonstigeRechtsgrundlagen[3] : Textbausteine.SonstigeRechtsgrundlagen[6], _tag.AddDays(Tage(730, 1460))));
            return;
        }

        // Cheap pre-check (5 years of lawful residence, B1); the rule table and the guards decide.
        if (a.RechtmaessigSeit is not { } seit || Zeit.VolleJahre(seit, _tag) < 5 || _fall.Kompetenzprofil.Deutschniveau < Sprachniveau.B1)
        {
            return;
        }

        var moeglich = Moeglich(Spur.Aufenthalt);
        if (moeglich.Contains(nameof(AufenthaltTrigger.Einbuergern)))
        {
            if (_z.Ja(0.3))
            {
                Versuche(AufenthaltTrigger.Einbuergern);
                return;
            }
        }
        else if (_fall.Leistungen.Zustand == LeistungenZustand.ArbeitAufstockend && _z.Ja(0.15) && LebensunterhaltAusnahme() is { } ausnahme
            && Versuche(AufenthaltTrigger.Einbuergern, P(ParameterNamen.LebensunterhaltAusnahme, ausnahme)))
        {
            return;
        }

        if (moeglich.Contains(nameof(AufenthaltTrigger.NiederlassungserlaubnisErteilen)) && _z.Ja(0.5))
        {
            Versuche(AufenthaltTrigger.NiederlassungserlaubnisErteilen);
        }
    }

    private string? LebensunterhaltAusnahme()
    {
        if (!Regeltabelle.TryWert(Regeln.EinbuergerungLebensunterhaltAusnahmen, _tag, out var erlaubt) || erlaubt.Count == 0)
        {
            return null;
        }

        return erlaubt.Contains(nameof(Domain.Faelle.Aufenthalt.LebensunterhaltAusnahme.Vollzeit20Von24Monaten), StringComparer.Ordinal)
            ? nameof(Domain.Faelle.Aufenthalt.LebensunterhaltAusnahme.Vollzeit20Von24Monaten)
            : erlaubt[0];
    }

    /// <summary>After a residence step: follow-up for the permit's expiry, benefits re-planned when the entitlement changed, leaving ends the Fall.</summary>
    private void NachAufenthaltsschritt(bool vorherBerechtigt, LeistungenZustand vorherLeistungen)
    {
        var a = _fall.Aufenthalt;
        if (a.GueltigBis is { } bis && _fall.IstAufenthaltIn(AufenthaltZustand.Aufenthaltstitel)
            && a.Zustand is not (AufenthaltZustand.VerlaengerungBeantragt or AufenthaltZustand.Fiktionsbescheinigung or AufenthaltZustand.Chancenaufenthaltsrecht))
        {
            TitelablaufVormerken(bis);
        }

        if (a.Zustand == AufenthaltZustand.Chancenaufenthaltsrecht && a.ChancenaufenthaltsrechtSeit == _tag)
        {
            WiedervorlageAnlegen(_tag.AddMonths(15), "Chancen-Aufenthaltsrecht: Übergang in § 25a/§ 25b vorbereiten", WiedervorlageArt.Chancenaufenthaltsrecht,
                string.Create(CultureInfo.InvariantCulture, $"chancen:{_tag:yyyy-MM-dd}"));
        }

        if (_fall.Leistungen.Zustand != vorherLeistungen)
        {
            // Moved by a cross-track rule (Rechtskreiswechsel): the case manager follows the benefits track from now on.
            _begleitet[(int)Spur.Leistungen] = true;
        }

        if (Berechtigt() != vorherBerechtigt || _fall.Leistungen.Zustand != vorherLeistungen)
        {
            LeistungenWeiter();
        }

        if (a.Zustand == AufenthaltZustand.Ausgereist)
        {
            Planen(Spur.Prozess, Tage(0, 30), () => Abbrechen(Abbruchgrund.Ausreise));
        }
    }

    private void TitelablaufVormerken(DateOnly bis)
    {
        var faellig = bis.AddDays(-56);
        WiedervorlageAnlegen(
            faellig < _tag ? _tag : faellig,
            string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Aufenthaltstitel läuft am {bis:dd.MM.yyyy} ab: Verlängerung vorbereiten"),
            WiedervorlageArt.Titelablauf,
            string.Create(CultureInfo.InvariantCulture, $"titelablauf:{bis:yyyy-MM-dd}"),
            erledigenPlanen: false);
    }

    private static Dictionary<string, string?> Titel(DateOnly gueltigBis, bool wohnsitzauflage, string? nebenbestimmungen = null)
    {
        var p = P(ParameterNamen.GueltigBis, Datum(gueltigBis), ParameterNamen.Wohnsitzauflage, JaNein(wohnsitzauflage));
        if (nebenbestimmungen is not null)
        {
            p[ParameterNamen.Nebenbestimmungen] = nebenbestimmungen;
        }

        return p;
    }

    private static Dictionary<string, string?> Sonstige(string rechtsgrundlage, DateOnly gueltigBis) =>
        P(ParameterNamen.Rechtsgrundlage, rechtsgrundlage, ParameterNamen.GueltigBis, Datum(gueltigBis));
}
