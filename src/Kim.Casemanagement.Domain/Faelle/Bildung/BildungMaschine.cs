using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Stateless;
using static Kim.Casemanagement.Domain.Faelle.Bildung.BildungTrigger;
using static Kim.Casemanagement.Domain.Faelle.Bildung.BildungZustand;

namespace Kim.Casemanagement.Domain.Faelle.Bildung;

/// <summary>The education track (Bildungsberatung), configured in one place.</summary>
internal sealed class BildungMaschine : Spurmaschine<BildungZustand, BildungTrigger>
{
    private static readonly BildungZustand[] Planungszustaende =
    [
        SprachstandFestgestellt, IntegrationskursAbgeschlossen, BerufssprachkursAbgeschlossen, AnerkennungAbgeschlossen, SchuleAbgeschlossen,
        QualifizierungAbgeschlossen, AusbildungAbgeschlossen, StudiumAbgeschlossen, BildungswegUnterbrochen,
    ];

    /// <summary>The one configuration of the track, shared by all Fälle.</summary>
    private static readonly BildungMaschine Instanz = new();

    /// <summary>The track's registry entry.</summary>
    internal static readonly Spurdefinition<BildungZustand, BildungTrigger> Definition = new(
        Spur.Bildung,
        "Bildung (Bildungsberatung)",
        "Bildung",
        Datenkategorie.Bildung,
        Behoerde.Bildungsberatung,
        (_, _) => Instanz,
        () => Instanz,
        BildungKatalog.Bezeichnung,
        BildungKatalog.Schritt,
        jeUeberleitung: false);

    private BildungMaschine()
        : base(Spur.Bildung, (f, _) => f.Bildung.Zustand, (f, _, z) => f.Bildung.Zustand = z, (f, _) => f.Bildung.Seit, (f, _, d) => f.Bildung.Seit = d)
    {
        var keineQualifizierungVorAlpha = Bedingungen.KeineQualifizierungVorAlphabetisierung;

        Erlaube(KeineBeratung, ErstberatungDurchfuehren, Erstberatung);
        Erlaube(Erstberatung, SprachstandFeststellen, SprachstandFestgestellt);

        // From every planning state the next measure is chosen; the guards stop wrong sequences.
        foreach (var zustand in Planungszustaende)
        {
            Konfigurieren(zustand).SubstateOf(Bildungsplanung);
        }

        Intern(Bildungsplanung, SprachstandAktualisieren, Sprachstand);
        Erlaube(Bildungsplanung, AlphabetisierungskursBeginnen, Alphabetisierungskurs, Bedingungen.AlphabetisierungsbedarfFestgestellt);
        Erlaube(Bildungsplanung, IntegrationskursBerechtigen, IntegrationskursBerechtigt, Bedingungen.IntegrationskursNochNichtAbgeschlossen);
        Erlaube(Bildungsplanung, BerufssprachkursBeginnen, Berufssprachkurs, Bedingungen.BerufssprachkursZugang);
        Erlaube(Bildungsplanung, AnerkennungsberatungBeginnen, AnerkennungBeratung, Bedingungen.AuslaendischerAbschlussErfasst);
        Erlaube(Bildungsplanung, SchuleBeginnen, SchuleErstfoerderung, Bedingungen.SchulpflichtigesAlter);
        Erlaube(Bildungsplanung, QualifizierungBeginnen, Qualifizierung, keineQualifizierungVorAlpha, Bedingungen.QualifizierungSprachniveau);
        Erlaube(Bildungsplanung, AusbildungBeginnen, Ausbildung, keineQualifizierungVorAlpha, Bedingungen.AusbildungSprachniveau);
        Erlaube(Bildungsplanung, StudiumBeginnen, Studium, keineQualifizierungVorAlpha, Bedingungen.StudiumSprachniveau);

        // Measures. Any of them can be broken off.
        foreach (var massnahme in new[] { Alphabetisierungskurs, Integrationskurs, Berufssprachkurs, Anerkennungsverfahren, Schule, Qualifizierung, Ausbildung, Studium })
        {
            Erlaube(massnahme, BildungswegUnterbrechen, BildungswegUnterbrochen);
        }

        Erlaube(Alphabetisierungskurs, AlphabetisierungskursAbschliessen, SprachstandFestgestellt);

        foreach (var ik in new[] { IntegrationskursBerechtigt, IntegrationskursEingestuft, IntegrationskursLaeuft, IntegrationskursPruefung, IntegrationskursWiederholung })
        {
            Konfigurieren(ik).SubstateOf(Integrationskurs);
        }

        Konfigurieren(IntegrationskursBerechtigt)
            .OnEntryFrom(T(IntegrationskursBerechtigen), (s, _) => Fall.Bildung.IntegrationskursArt = s.Parameter.Auswahl<IntegrationskursArt>(ParameterNamen.IntegrationskursArt), "Berechtigung oder Verpflichtung festhalten");
        Erlaube(IntegrationskursBerechtigt, EinstufungstestAblegen, IntegrationskursEingestuft);
        Erlaube(IntegrationskursEingestuft, IntegrationskursBeginnen, IntegrationskursLaeuft);
        Erlaube(IntegrationskursLaeuft, PruefungAblegen, IntegrationskursPruefung);
        Erlaube(IntegrationskursPruefung, IntegrationskursAbschliessen, IntegrationskursAbgeschlossen);
        Erlaube(IntegrationskursPruefung, IntegrationskursWiederholen, IntegrationskursWiederholung, Bedingungen.IntegrationskursWiederholungMoeglich);
        Konfigurieren(IntegrationskursWiederholung).OnEntry(() => Fall.Bildung.IntegrationskursWiederholungen++, "Wiederholung zählen");
        Erlaube(IntegrationskursWiederholung, PruefungAblegen, IntegrationskursPruefung);

        Erlaube(Berufssprachkurs, BerufssprachkursAbschliessen, BerufssprachkursAbgeschlossen);

        foreach (var anerkennung in new[] { AnerkennungBeratung, AnerkennungBeantragt, Ausgleichsmassnahme })
        {
            Konfigurieren(anerkennung).SubstateOf(Anerkennungsverfahren);
        }

        Erlaube(AnerkennungBeratung, AnerkennungBeantragen, AnerkennungBeantragt);
        ErlaubeDynamisch(
            AnerkennungBeantragt,
            AnerkennungEntscheiden,
            s => s.Parameter.Auswahl<AnerkennungsErgebnis>(ParameterNamen.Ergebnis) == AnerkennungsErgebnis.Teilweise ? Ausgleichsmassnahme : AnerkennungAbgeschlossen,
            "bei teilweiser Gleichwertigkeit in die Ausgleichsmaßnahme, sonst abgeschlossen",
            [AnerkennungAbgeschlossen, Ausgleichsmassnahme]);
        Erlaube(Ausgleichsmassnahme, AusgleichsmassnahmeAbschliessen, AnerkennungAbgeschlossen);

        Konfigurieren(SchuleErstfoerderung).SubstateOf(Schule);
        Konfigurieren(SchuleRegelunterricht).SubstateOf(Schule);
        Erlaube(SchuleErstfoerderung, RegelunterrichtBeginnen, SchuleRegelunterricht);
        Erlaube(SchuleRegelunterricht, SchulabschlussErreichen, SchuleAbgeschlossen);

        Erlaube(Qualifizierung, QualifizierungAbschliessen, QualifizierungAbgeschlossen);
        Erlaube(Ausbildung, AusbildungAbschliessen, AusbildungAbgeschlossen);
        Erlaube(Studium, StudiumAbschliessen, StudiumAbgeschlossen);
    }

    protected override void Nachfuehren(StateMachine<BildungZustand, BildungTrigger>.Transition transition, Schritt schritt)
    {
        var profil = Fall.Kompetenzprofil;
        switch (transition.Trigger)
        {
            case SprachstandFeststellen:
                Sprachstand(schritt);
                profil.AlphabetisierungNoetig = schritt.Parameter.JaNein(ParameterNamen.AlphabetisierungNoetig);
                break;
            case AlphabetisierungskursAbschliessen:
                profil.AlphabetisierungNoetig = false;
                if (schritt.Parameter.Hat(ParameterNamen.Sprachniveau))
                {
                    Sprachstand(schritt);
                }

                break;
            case IntegrationskursAbschliessen:
                Fall.Bildung.IntegrationskursAbgeschlossen = true;
                UebernimmKursergebnis(schritt);
                break;
            case BerufssprachkursAbschliessen:
                UebernimmKursergebnis(schritt);
                break;
            case AnerkennungEntscheiden or AusgleichsmassnahmeAbschliessen:
                var ergebnis = transition.Trigger == AusgleichsmassnahmeAbschliessen
                    ? AnerkennungsErgebnis.Voll
                    : schritt.Parameter.Auswahl<AnerkennungsErgebnis>(ParameterNamen.Ergebnis)!.Value;
                profil.Berufsabschluesse = profil.Berufsabschluesse
                    .Select(b => b.Anerkennung is null or AnerkennungsErgebnis.Teilweise ? b with { Anerkennung = ergebnis } : b)
                    .ToList();
                break;
            case QualifizierungBeginnen or AusbildungBeginnen or StudiumBeginnen or SchulabschlussErreichen:
                Fall.Bildung.Massnahmebezeichnung = schritt.Parameter.Text(ParameterNamen.Bezeichnung);
                break;
            default:
                break;
        }
    }

    private void Sprachstand(Schritt schritt)
    {
        if (schritt.Parameter.Auswahl<Sprachniveau>(ParameterNamen.Sprachniveau) is { } niveau)
        {
            Fall.Kompetenzprofil.Deutschniveau = niveau;
        }
    }

    private static void UebernimmKursergebnis(Schritt schritt)
    {
        if (schritt.Parameter.Auswahl<Kursergebnis>(ParameterNamen.Ergebnis) is { } ergebnis && ergebnis != Kursergebnis.UnterA2)
        {
            var niveau = BildungKatalog.AlsSprachniveau(ergebnis);
            if (niveau > Fall.Kompetenzprofil.Deutschniveau)
            {
                Fall.Kompetenzprofil.Deutschniveau = niveau;
            }
        }
    }
}
