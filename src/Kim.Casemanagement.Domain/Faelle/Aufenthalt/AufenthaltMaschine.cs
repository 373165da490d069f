using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Stateless;
using static Kim.Casemanagement.Domain.Faelle.Aufenthalt.AufenthaltTrigger;
using static Kim.Casemanagement.Domain.Faelle.Aufenthalt.AufenthaltZustand;

namespace Kim.Casemanagement.Domain.Faelle.Aufenthalt;

/// <summary>The residence track (Ausländerbehörde), configured in one place.</summary>
internal sealed class AufenthaltMaschine : Spurmaschine<AufenthaltZustand, AufenthaltTrigger>
{
    /// <summary>Permits that can be extended (the § 104c permit runs out instead).</summary>
    private static readonly AufenthaltZustand[] VerlaengerbareTitel =
        [AufenthaltserlaubnisSchutz, Aufenthaltserlaubnis24, Aufenthaltserlaubnis25a, Aufenthaltserlaubnis25b, Aufenthaltserlaubnis16g, AufenthaltserlaubnisSonstige];

    /// <summary>Permits from which Niederlassungserlaubnis and Einbürgerung are open.</summary>
    private static readonly AufenthaltZustand[] AufenthaltsverfestigendeTitel =
        [AufenthaltserlaubnisSchutz, Aufenthaltserlaubnis25a, Aufenthaltserlaubnis25b, AufenthaltserlaubnisSonstige];

    private static readonly AufenthaltTrigger[] ErteilendeTrigger =
        [AufenthaltserlaubnisErteilen, Paragraph16gErteilen, Paragraph25aErteilen, Paragraph25bErteilen, ChancenaufenthaltsrechtErteilen, Paragraph24Erteilen, SonstigeAufenthaltserlaubnisErteilen, NiederlassungserlaubnisErteilen];

    /// <summary>The one configuration of the track, shared by all Fälle.</summary>
    private static readonly AufenthaltMaschine Instanz = new();

    /// <summary>The track's registry entry.</summary>
    internal static readonly Spurdefinition<AufenthaltZustand, AufenthaltTrigger> Definition = new(
        Spur.Aufenthalt,
        "Aufenthalt (Ausländerbehörde)",
        "Aufenthalt",
        Datenkategorie.Aufenthalt,
        Behoerde.Auslaenderbehoerde,
        (_, _) => Instanz,
        () => Instanz,
        AufenthaltKatalog.Bezeichnung,
        AufenthaltKatalog.Schritt,
        jeUeberleitung: false);

    private AufenthaltMaschine()
        : base(Spur.Aufenthalt, (f, _) => f.Aufenthalt.Zustand, (f, _, z) => f.Aufenthalt.Zustand = z, (f, _) => f.Aufenthalt.Seit, (f, _, d) => f.Aufenthalt.Seit = d)
    {
        // Direct entries.
        Erlaube(KeinStatus, AsylSuchen, Asylgesuch);
        Erlaube(KeinStatus, Paragraph24Erteilen, Aufenthaltserlaubnis24);
        Erlaube(KeinStatus, SonstigeAufenthaltserlaubnisErteilen, AufenthaltserlaubnisSonstige);

        // Asylum procedure.
        Konfigurieren(Asylgesuch).SubstateOf(Asylverfahren);
        Konfigurieren(Ankunftsnachweis).SubstateOf(Asylverfahren);
        Konfigurieren(Aufenthaltsgestattung).SubstateOf(Asylverfahren);
        Erlaube(Asylgesuch, AnkunftsnachweisAusstellen, Ankunftsnachweis);
        Erlaube(Ankunftsnachweis, AsylantragStellen, Aufenthaltsgestattung);
        Erlaube(Aufenthaltsgestattung, Anerkennen, Schutzstatus);
        Erlaube(Aufenthaltsgestattung, AbschiebungsverbotFeststellen, Schutzstatus);
        Erlaube(Aufenthaltsgestattung, AsylantragAblehnen, Ausreisepflichtig);

        Konfigurieren(Schutzstatus)
            .OnEntryFrom(T(Anerkennen), (s, _) => Fall.Aufenthalt.Schutzform = s.Parameter.Auswahl<Schutzform>(ParameterNamen.Schutzform), "Schutzform festhalten")
            .OnEntryFrom(T(AbschiebungsverbotFeststellen), (_, _) => Fall.Aufenthalt.Schutzform = Schutzform.Abschiebungsverbot, "Abschiebungsverbot festhalten");
        Erlaube(Schutzstatus, AufenthaltserlaubnisErteilen, AufenthaltserlaubnisSchutz);

        // Obliged to leave, tolerated.
        Erlaube(Ausreisepflichtig, DuldungErteilen, Duldung);
        Erlaube(Ausreisepflichtig, DuldungUngeklaerteIdentitaetErteilen, DuldungUngeklaerteIdentitaet);

        Konfigurieren(Geduldet)
            .OnEntry(t => Fall.Aufenthalt.GeduldetSeit = ((Schritt)t.Parameters[0]!).FachlichesDatum, "Beginn der Duldung festhalten")
            .OnExit(() => Fall.Aufenthalt.GeduldetSeit = null, "Duldungszeit beenden");
        foreach (var duldung in new[] { Duldung, DuldungUngeklaerteIdentitaet, Ausbildungsduldung, Beschaeftigungsduldung })
        {
            Konfigurieren(duldung).SubstateOf(Geduldet);
        }

        Erlaube(Geduldet, Paragraph25aErteilen, Aufenthaltserlaubnis25a, Bedingungen.Paragraph25aAlter, Bedingungen.Paragraph25aVoraufenthalt);
        Erlaube(Geduldet, Paragraph25bErteilen, Aufenthaltserlaubnis25b, Bedingungen.Paragraph25bVoraufenthalt, Bedingungen.Paragraph25bSprache);
        Erlaube(Geduldet, ChancenaufenthaltsrechtErteilen, Chancenaufenthaltsrecht, Bedingungen.ChancenaufenthaltsrechtNochErteilbar, Bedingungen.ChancenaufenthaltsrechtVoraufenthalt);
        Erlaube(Geduldet, AbschiebungsverbotFeststellen, Schutzstatus);
        Erlaube(Geduldet, SonstigeAufenthaltserlaubnisErteilen, AufenthaltserlaubnisSonstige);

        Intern(Duldung, DuldungErteilen, NeueGueltigkeit);
        Erlaube(Duldung, DuldungUngeklaerteIdentitaetErteilen, DuldungUngeklaerteIdentitaet);
        Erlaube(Duldung, AusbildungsduldungErteilen, Ausbildungsduldung, Bedingungen.BerufsausbildungLaeuft);
        Erlaube(
            Duldung,
            BeschaeftigungsduldungErteilen,
            Beschaeftigungsduldung,
            Bedingungen.BeschaeftigungsduldungVorduldung,
            Bedingungen.BeschaeftigungsduldungBeschaeftigung,
            Bedingungen.BeschaeftigungsduldungSprache);
        Erlaube(DuldungUngeklaerteIdentitaet, IdentitaetKlaeren, Duldung);
        Erlaube(Ausbildungsduldung, Paragraph16gErteilen, Aufenthaltserlaubnis16g, Bedingungen.BerufsausbildungLaeuft);

        // Fixed-term permits.
        foreach (var titel in VerlaengerbareTitel.Append(Chancenaufenthaltsrecht).Append(VerlaengerungBeantragt).Append(Fiktionsbescheinigung))
        {
            Konfigurieren(titel).SubstateOf(Aufenthaltstitel);
        }

        foreach (var titel in VerlaengerbareTitel)
        {
            Erlaube(titel, VerlaengerungBeantragen, VerlaengerungBeantragt);
            if (titel != AufenthaltserlaubnisSonstige)
            {
                Erlaube(titel, SonstigeAufenthaltserlaubnisErteilen, AufenthaltserlaubnisSonstige);
            }
        }

        foreach (var titel in AufenthaltsverfestigendeTitel)
        {
            Erlaube(titel, NiederlassungserlaubnisErteilen, Niederlassungserlaubnis, Bedingungen.NiederlassungMindestaufenthalt, Bedingungen.NiederlassungSprache);
            Erlaube(titel, Einbuergern, Eingebuergert, Bedingungen.EinbuergerungMindestaufenthalt, Bedingungen.EinbuergerungSprache, Bedingungen.EinbuergerungLebensunterhalt);
        }

        Erlaube(Chancenaufenthaltsrecht, Paragraph25aErteilen, Aufenthaltserlaubnis25a, Bedingungen.Paragraph25aAlter, Bedingungen.Paragraph25aVoraufenthalt);
        Erlaube(Chancenaufenthaltsrecht, Paragraph25bErteilen, Aufenthaltserlaubnis25b, Bedingungen.Paragraph25bVoraufenthalt, Bedingungen.Paragraph25bSprache);
        Erlaube(Chancenaufenthaltsrecht, ChancenaufenthaltsrechtAblaufen, Duldung, Bedingungen.ChancenaufenthaltsrechtLaufzeitAbgelaufen);

        Erlaube(VerlaengerungBeantragt, FiktionsbescheinigungAusstellen, Fiktionsbescheinigung);
        foreach (var antrag in new[] { VerlaengerungBeantragt, Fiktionsbescheinigung })
        {
            ErlaubeDynamisch(antrag, Verlaengern, _ => Fall.Aufenthalt.TitelArt ?? AufenthaltserlaubnisSonstige, "zurück in die Art des verlängerten Titels", VerlaengerbareTitel);
        }

        Erlaube(Niederlassungserlaubnis, Einbuergern, Eingebuergert, Bedingungen.EinbuergerungMindestaufenthalt, Bedingungen.EinbuergerungSprache, Bedingungen.EinbuergerungLebensunterhalt);

        // Leaving the country ends the track from any open state.
        foreach (var offen in new[] { KeinStatus, Asylverfahren, Schutzstatus, Ausreisepflichtig, Geduldet, Aufenthaltstitel, Niederlassungserlaubnis })
        {
            Erlaube(offen, Ausreisen, Ausgereist);
        }

        Konfigurieren(Eingebuergert);
        Konfigurieren(Ausgereist);
    }

    protected override void Nachfuehren(StateMachine<AufenthaltZustand, AufenthaltTrigger>.Transition transition, Schritt schritt)
    {
        var daten = Fall.Aufenthalt;
        var ziel = transition.Destination;

        if (ErteilendeTrigger.Contains(transition.Trigger))
        {
            daten.TitelArt = ziel;
            daten.Rechtsgrundlage = transition.Trigger == SonstigeAufenthaltserlaubnisErteilen
                ? schritt.Parameter.Text(ParameterNamen.Rechtsgrundlage)
                : AufenthaltKatalog.Rechtsgrundlage(ziel, daten.Schutzform);
            daten.TitelGueltigAb = schritt.FachlichesDatum;
            daten.GueltigBis = schritt.Parameter.Datum(ParameterNamen.GueltigBis);
            daten.Wohnsitzauflage = schritt.Parameter.JaNein(ParameterNamen.Wohnsitzauflage) ?? false;
            daten.Nebenbestimmungen = schritt.Parameter.Text(ParameterNamen.Nebenbestimmungen);
            if (ziel == Aufenthaltserlaubnis24)
            {
                daten.ErsteParagraph24ErteilungAm ??= schritt.FachlichesDatum;
            }

            daten.ChancenaufenthaltsrechtSeit = ziel == Chancenaufenthaltsrecht ? schritt.FachlichesDatum : null;
        }
        else if (transition.Trigger == Verlaengern)
        {
            daten.GueltigBis = schritt.Parameter.Datum(ParameterNamen.GueltigBis);
        }
        else if (IstIn(Geduldet) && !transition.IsReentry)
        {
            daten.TitelArt = null;
            daten.Rechtsgrundlage = AufenthaltKatalog.Rechtsgrundlage(ziel, null);
            daten.GueltigBis = schritt.Parameter.Datum(ParameterNamen.GueltigBis);
            daten.ChancenaufenthaltsrechtSeit = null;
        }
        else if (ziel is Eingebuergert or Ausgereist or Ausreisepflichtig or Schutzstatus || IstIn(Asylverfahren))
        {
            daten.TitelArt = null;
            daten.Rechtsgrundlage = AufenthaltKatalog.Rechtsgrundlage(ziel, null);
            daten.GueltigBis = null;
            daten.Nebenbestimmungen = null;
            daten.Wohnsitzauflage = false;
        }

        // Lawful residence runs from the first lawful state after any toleration; toleration and leaving interrupt it.
        var rechtmaessig = IstIn(Asylverfahren) || IstIn(Aufenthaltstitel) || ziel is Schutzstatus or Niederlassungserlaubnis or Eingebuergert;
        if (rechtmaessig)
        {
            daten.RechtmaessigSeit ??= schritt.FachlichesDatum;
        }
        else
        {
            daten.RechtmaessigSeit = null;
        }
    }

    private void NeueGueltigkeit(Schritt schritt) => Fall.Aufenthalt.GueltigBis = schritt.Parameter.Datum(ParameterNamen.GueltigBis) ?? Fall.Aufenthalt.GueltigBis;
}
