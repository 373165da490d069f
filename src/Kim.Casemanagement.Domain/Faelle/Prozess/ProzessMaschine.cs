using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Stateless;
using static Kim.Casemanagement.Domain.Faelle.Prozess.ProzessTrigger;
using static Kim.Casemanagement.Domain.Faelle.Prozess.ProzessZustand;

namespace Kim.Casemanagement.Domain.Faelle.Prozess;

/// <summary>The case-management process (DGCC phases), configured in one place.</summary>
internal sealed class ProzessMaschine : Spurmaschine<ProzessZustand, ProzessTrigger>
{
    private static readonly ProzessZustand[] Arbeitsphasen = [Assessment, Hilfeplanung, Umsetzung, Monitoring, Evaluation];

    /// <summary>The one configuration of the track, shared by all Fälle.</summary>
    private static readonly ProzessMaschine Instanz = new();

    /// <summary>The track's registry entry: open is everything inside <see cref="Offen"/>, and <see cref="Ruhend"/> pauses the work.</summary>
    internal static readonly Spurdefinition<ProzessZustand, ProzessTrigger> Definition = new(
        Spur.Prozess,
        "Case-Management-Prozess",
        "Prozess",
        Datenkategorie.Stammdaten,
        null,
        (_, _) => Instanz,
        () => Instanz,
        ProzessKatalog.Bezeichnung,
        ProzessKatalog.Schritt,
        jeUeberleitung: false,
        Offen,
        [Ruhend]);

    private ProzessMaschine()
        : base(Spur.Prozess, (f, _) => f.Prozess.Zustand, (f, _, z) => f.Prozess.Zustand = z, (f, _) => f.Prozess.Seit, (f, _, d) => f.Prozess.Seit = d)
    {
        Erlaube(Offen, Abbrechen, Abbruch);

        Konfigurieren(Anfrage).SubstateOf(Offen);
        Erlaube(Anfrage, Klaeren, Klaerung);

        Konfigurieren(Klaerung).SubstateOf(Offen);
        Erlaube(Klaerung, Verweisen, Verweisung);
        Erlaube(Klaerung, AssessmentBeginnen, Assessment, Bedingungen.EinwilligungInCaseManagementLiegtVor, Bedingungen.Art13InformationAusgehaendigt);

        Konfigurieren(Aktiv).SubstateOf(Offen);
        Erlaube(Aktiv, Ruhen, Ruhend);
        foreach (var phase in Arbeitsphasen)
        {
            Konfigurieren(phase).SubstateOf(Aktiv);
        }

        Erlaube(Assessment, HilfeplanungBeginnen, Hilfeplanung, Bedingungen.KompetenzprofilIstErfasst);
        Erlaube(Hilfeplanung, UmsetzungBeginnen, Umsetzung, Bedingungen.MindestensEinZielVereinbart);
        Erlaube(Umsetzung, MonitoringBeginnen, Monitoring);
        Erlaube(Monitoring, UmsetzungFortsetzen, Umsetzung);
        Erlaube(Monitoring, HilfeplanungAnpassen, Hilfeplanung);
        Erlaube(Monitoring, EvaluationBeginnen, Evaluation);
        Erlaube(Evaluation, Abschliessen, Abschluss, Bedingungen.AlleZieleBewertet);

        Konfigurieren(Ruhend)
            .SubstateOf(Offen)
            .OnEntry(t => Fall.Prozess.PhaseVorRuhen = t.Source, "Phase vor dem Ruhen merken");
        ErlaubeDynamisch(Ruhend, Fortsetzen, _ => Fall.Prozess.PhaseVorRuhen ?? Assessment, "zurück in die Phase vor dem Ruhen", Arbeitsphasen);

        Konfigurieren(Wiederaufnahme).SubstateOf(Offen);
        Erlaube(Wiederaufnahme, AssessmentBeginnen, Assessment, Bedingungen.EinwilligungInCaseManagementLiegtVor, Bedingungen.Art13InformationAusgehaendigt);

        Konfigurieren(Abschluss)
            .OnEntryFrom(T(Abschliessen), (s, _) => Fall.Prozess.Abschlussgrund = s.Parameter.Auswahl<Abschlussgrund>(ParameterNamen.Abschlussgrund), "Abschlussgrund festhalten");
        Erlaube(Abschluss, Wiederaufnehmen, Wiederaufnahme);
        Konfigurieren(Abbruch)
            .OnEntryFrom(T(Abbrechen), (s, _) => Fall.Prozess.Abbruchgrund = s.Parameter.Auswahl<Abbruchgrund>(ParameterNamen.Abbruchgrund), "Abbruchgrund festhalten");
        Erlaube(Abbruch, Wiederaufnehmen, Wiederaufnahme);
        Konfigurieren(Verweisung);
    }

    protected override void Nachfuehren(StateMachine<ProzessZustand, ProzessTrigger>.Transition transition, Schritt schritt)
    {
        if (transition.Trigger == Wiederaufnehmen)
        {
            Fall.Prozess.Abschlussgrund = null;
            Fall.Prozess.Abbruchgrund = null;
        }
    }
}
