using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Stateless;
using static Kim.Casemanagement.Domain.Faelle.Leistungen.LeistungenTrigger;
using static Kim.Casemanagement.Domain.Faelle.Leistungen.LeistungenZustand;

namespace Kim.Casemanagement.Domain.Faelle.Leistungen;

/// <summary>The benefits track (Sozialamt / Jobcenter), configured in one place.</summary>
internal sealed class LeistungenMaschine : Spurmaschine<LeistungenZustand, LeistungenTrigger>
{
    /// <summary>The one configuration of the track, shared by all Fälle.</summary>
    internal static readonly LeistungenMaschine Instanz = new();

    /// <summary>The track's registry entry.</summary>
    internal static readonly Spurdefinition<LeistungenZustand, LeistungenTrigger> Definition = new(
        Spur.Leistungen,
        "Leistungen (Jobcenter/Sozialamt)",
        "Leistungen",
        Datenkategorie.Leistungen,
        Behoerde.Jobcenter,
        (_, _) => Instanz,
        () => Instanz,
        LeistungenKatalog.Bezeichnung,
        LeistungenKatalog.Schritt,
        jeUeberleitung: false);

    private LeistungenMaschine()
        : base(Spur.Leistungen, (f, _) => f.Leistungen.Zustand, (f, _, z) => f.Leistungen.Zustand = z, (f, _) => f.Leistungen.Seit, (f, _, d) => f.Leistungen.Seit = d)
    {
        var sgb2Berechtigt = Bedingungen.Sgb2BerechtigenderAufenthalt;

        Erlaube(KeinLeistungsbezug, AsylbLGBewilligen, AsylbLG, Bedingungen.KeinSgb2BerechtigenderAufenthalt);
        Erlaube(KeinLeistungsbezug, RechtskreiswechselAnstossen, RechtskreiswechselFaellig, sgb2Berechtigt);
        Erlaube(KeinLeistungsbezug, Sgb2Beantragen, Sgb2Beantragt, sgb2Berechtigt);
        Erlaube(KeinLeistungsbezug, ArbeitAufnehmenBedarfsdeckend, ArbeitBedarfsdeckend);
        Erlaube(KeinLeistungsbezug, InSgb12Wechseln, Sgb12, sgb2Berechtigt);

        Intern(AsylbLG, BeschaeftigungAufnehmen, Beschaeftigung);
        Intern(AsylbLG, BeschaeftigungBeenden, _ => KeineBeschaeftigung());
        Erlaube(AsylbLG, RechtskreiswechselAnstossen, RechtskreiswechselFaellig, sgb2Berechtigt);
        Erlaube(AsylbLG, ArbeitAufnehmenBedarfsdeckend, ArbeitBedarfsdeckend);
        Erlaube(AsylbLG, LeistungsbezugBeenden, KeinLeistungsbezug);

        Erlaube(RechtskreiswechselFaellig, Sgb2Beantragen, Sgb2Beantragt, sgb2Berechtigt);
        Erlaube(RechtskreiswechselFaellig, ArbeitAufnehmenBedarfsdeckend, ArbeitBedarfsdeckend);
        Erlaube(RechtskreiswechselFaellig, LeistungsbezugBeenden, KeinLeistungsbezug);
        Erlaube(RechtskreiswechselFaellig, InSgb12Wechseln, Sgb12, sgb2Berechtigt);

        foreach (var zustand in new[] { Sgb2Beantragt, Sgb2Bewilligt, Potenzialanalyse, Kooperationsplan, Schlichtung, Massnahme, ArbeitAufstockend })
        {
            Konfigurieren(zustand).SubstateOf(Sgb2);
        }

        Erlaube(Sgb2, InSgb12Wechseln, Sgb12);
        Erlaube(Sgb2, LeistungsbezugBeenden, KeinLeistungsbezug);
        Erlaube(Sgb2, ArbeitAufnehmenBedarfsdeckend, ArbeitBedarfsdeckend);

        Erlaube(Sgb2Beantragt, Sgb2Bewilligen, Sgb2Bewilligt, sgb2Berechtigt);
        Erlaube(Sgb2Beantragt, Sgb2Ablehnen, KeinLeistungsbezug);
        Erlaube(Sgb2Bewilligt, PotenzialanalyseDurchfuehren, Potenzialanalyse);
        Erlaube(Sgb2Bewilligt, ArbeitAufnehmenAufstockend, ArbeitAufstockend);
        Erlaube(Potenzialanalyse, KooperationsplanAbschliessen, Kooperationsplan);
        Erlaube(Potenzialanalyse, SchlichtungEinleiten, Schlichtung);

        Konfigurieren(Kooperationsplan)
            .PermitReentry(KooperationsplanFortschreiben)
            .OnEntryFrom(T(KooperationsplanAbschliessen), (s, _) => Fall.Leistungen.KooperationsplanAm = s.FachlichesDatum, "Datum des Kooperationsplans festhalten")
            .OnEntryFrom(T(KooperationsplanFortschreiben), (s, _) => Fall.Leistungen.KooperationsplanAm = s.FachlichesDatum, "Datum der Überprüfung festhalten");
        Erlaube(Kooperationsplan, SchlichtungEinleiten, Schlichtung);
        Erlaube(Kooperationsplan, MassnahmeBeginnen, Massnahme);
        Erlaube(Kooperationsplan, QualifizierungBeginnen, Massnahme, Bedingungen.KeineQualifizierungVorAlphabetisierung);
        Erlaube(Kooperationsplan, ArbeitAufnehmenAufstockend, ArbeitAufstockend);
        Erlaube(Schlichtung, KooperationsplanAbschliessen, Kooperationsplan);

        Konfigurieren(Massnahme)
            .OnEntryFrom(T(MassnahmeBeginnen), (s, _) => Fall.Leistungen.Massnahme = s.Parameter.Auswahl<Massnahmeart>(ParameterNamen.Massnahmeart), "Art der Maßnahme festhalten")
            .OnEntryFrom(T(QualifizierungBeginnen), (_, _) => Fall.Leistungen.Massnahme = Massnahmeart.Weiterbildung, "Qualifizierung festhalten")
            .OnExit(() => Fall.Leistungen.Massnahme = null, "Maßnahme beenden");
        Erlaube(Massnahme, MassnahmeBeenden, Kooperationsplan);
        Erlaube(Massnahme, ArbeitAufnehmenAufstockend, ArbeitAufstockend);

        Erlaube(ArbeitAufstockend, BeschaeftigungBeenden, Sgb2Bewilligt);
        Erlaube(ArbeitBedarfsdeckend, BeschaeftigungBeenden, KeinLeistungsbezug);
        Erlaube(Sgb12, LeistungsbezugBeenden, KeinLeistungsbezug);
    }

    protected override void Nachfuehren(StateMachine<LeistungenZustand, LeistungenTrigger>.Transition transition, Schritt schritt)
    {
        switch (transition.Trigger)
        {
            case ArbeitAufnehmenAufstockend or ArbeitAufnehmenBedarfsdeckend:
                Beschaeftigung(schritt);
                break;
            case BeschaeftigungBeenden when !transition.IsReentry:
                KeineBeschaeftigung();
                break;
            default:
                break;
        }

        if (!IstIn(Kooperationsplan) && !IstIn(Massnahme) && !IstIn(ArbeitAufstockend))
        {
            Fall.Leistungen.KooperationsplanAm = null;
        }
    }

    private void Beschaeftigung(Schritt schritt)
    {
        Fall.Leistungen.BeschaeftigtSeit = schritt.FachlichesDatum;
        Fall.Leistungen.Wochenstunden = schritt.Parameter.Zahl(ParameterNamen.Wochenstunden);
    }

    private static void KeineBeschaeftigung()
    {
        Fall.Leistungen.BeschaeftigtSeit = null;
        Fall.Leistungen.Wochenstunden = null;
    }
}
