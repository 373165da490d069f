using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.StateMachine;
using static Kim.Casemanagement.Domain.Faelle.Prozess.ProzessTrigger;
using static Kim.Casemanagement.Domain.Faelle.Prozess.ProzessZustand;

namespace Kim.Casemanagement.Domain.Faelle.Prozess;

/// <summary>The case-management process (DGCC phases), configured in one place.</summary>
internal sealed class ProzessMaschine : Spurmaschine<ProzessZustand, ProzessTrigger>
{
    private static readonly ProzessZustand[] Arbeitsphasen = [Assessment, Hilfeplanung, Umsetzung, Monitoring, Evaluation];

    public ProzessMaschine(Fall fall)
        : base(Spur.Prozess, fall, null, () => fall.Prozess.Zustand, z => fall.Prozess.Zustand = z, d => fall.Prozess.Seit = d)
    {
        var m = Maschine;
        m.Configure(Offen).Permit(Abbrechen, Abbruch);

        m.Configure(Anfrage).SubstateOf(Offen);
        Erlaube(Anfrage, Klaeren, Klaerung);

        m.Configure(Klaerung).SubstateOf(Offen);
        Erlaube(Klaerung, Verweisen, Verweisung);
        Erlaube(Klaerung, AssessmentBeginnen, Assessment, Bedingungen.EinwilligungInCaseManagementLiegtVor, Bedingungen.Art13InformationAusgehaendigt);

        m.Configure(Aktiv).SubstateOf(Offen).Permit(Ruhen, Ruhend);
        foreach (var phase in Arbeitsphasen)
        {
            m.Configure(phase).SubstateOf(Aktiv);
        }

        Erlaube(Assessment, HilfeplanungBeginnen, Hilfeplanung, Bedingungen.KompetenzprofilIstErfasst);
        Erlaube(Hilfeplanung, UmsetzungBeginnen, Umsetzung, Bedingungen.MindestensEinZielVereinbart);
        Erlaube(Umsetzung, MonitoringBeginnen, Monitoring);
        Erlaube(Monitoring, UmsetzungFortsetzen, Umsetzung);
        Erlaube(Monitoring, HilfeplanungAnpassen, Hilfeplanung);
        Erlaube(Monitoring, EvaluationBeginnen, Evaluation);
        Erlaube(Evaluation, Abschliessen, Abschluss, Bedingungen.AlleZieleBewertet);

        m.Configure(Ruhend)
            .SubstateOf(Offen)
            .OnEntry(t => fall.Prozess.PhaseVorRuhen = t.Source, "Phase vor dem Ruhen merken")
            .PermitDynamic(Fortsetzen, () => fall.Prozess.PhaseVorRuhen ?? Assessment, "zurück in die Phase vor dem Ruhen", Arbeitsphasen);

        m.Configure(Wiederaufnahme).SubstateOf(Offen);
        Erlaube(Wiederaufnahme, AssessmentBeginnen, Assessment, Bedingungen.EinwilligungInCaseManagementLiegtVor, Bedingungen.Art13InformationAusgehaendigt);

        m.Configure(Abschluss)
            .OnEntryFrom(T(Abschliessen), (s, _) => fall.Prozess.Abschlussgrund = s.Parameter.Auswahl<Abschlussgrund>(ParameterNamen.Abschlussgrund), "Abschlussgrund festhalten")
            .Permit(Wiederaufnehmen, Wiederaufnahme);
        m.Configure(Abbruch)
            .OnEntryFrom(T(Abbrechen), (s, _) => fall.Prozess.Abbruchgrund = s.Parameter.Auswahl<Abbruchgrund>(ParameterNamen.Abbruchgrund), "Abbruchgrund festhalten")
            .Permit(Wiederaufnehmen, Wiederaufnahme);
        m.Configure(Verweisung);
    }

    protected override void Nachfuehren(Transition<ProzessZustand, ProzessTrigger> transition, Schritt schritt)
    {
        if (transition.Trigger == Wiederaufnehmen)
        {
            Fall.Prozess.Abschlussgrund = null;
            Fall.Prozess.Abbruchgrund = null;
        }
    }
}
