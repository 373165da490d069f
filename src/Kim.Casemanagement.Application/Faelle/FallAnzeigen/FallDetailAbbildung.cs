using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Faelle.FallAnzeigen;

/// <summary>Builds the <see cref="FallDetail"/> read model from the aggregate.</summary>
public static class FallDetailAbbildung
{
    /// <summary>The read model; with <paramref name="sperre"/> (an active hold) no step is possible, each names the hold as its reason.</summary>
    public static FallDetail Abbilden(Fall fall, Schritt probe, Rechtsregeltabelle regeln, DateTimeOffset jetzt, FallSicht sicht, Abstractions.FallSperrvermerk? sperre = null)
    {
        ArgumentNullException.ThrowIfNull(fall);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(sicht);
        var heute = probe.Heute;
        var voll = sicht.Art == FallSichtArt.Voll;
        var partnerSpur = sicht.PartnerSpur;
        bool SpurSichtbar(SpurStatus s) => voll
            || (s.Spur == partnerSpur)
            || (s.Spur == Domain.Common.Spur.Ueberleitung && fall.Ueberleitungen.Any(u => u.Id == s.UeberleitungId && u.Empfaenger == sicht.Behoerde));
        var k = fall.Klient;
        var klient = new KlientDetail(
            k.Id, k.Vorname, k.Nachname, k.Geburtsdatum, k.AlterAm(heute), k.Geschlecht.ToString(), k.Herkunftsland, k.Einreisedatum, k.HaushaltId, k.MinderjaehrigeKinder,
            k.IstJungeErwachseneAm(heute, regeln), k.IstInZieldimensionIAm(heute, regeln));

        return new FallDetail(
            fall.Id,
            fall.Aktenzeichen,
            fall.Version,
            sicht.Art.ToString(),
            sicht.Darf(Datenkategorie.Stammdaten) ? klient : null,
            fall.FallmanagerId,
            fall.TeamId,
            fall.AufgenommenAm,
            fall.GeaendertAm,
            fall.Art13InformiertAm,
            fall.LetzterKontaktAm,
            fall.Spuren(probe).Where(SpurSichtbar).Select(s => Spur(fall, s, sperre)).ToArray(),
            !voll && partnerSpur != Domain.Common.Spur.Aufenthalt ? null : new AufenthaltDetail(
                fall.Aufenthalt.Schutzform?.ToString(), fall.Aufenthalt.Rechtsgrundlage, fall.Aufenthalt.TitelGueltigAb, fall.Aufenthalt.GueltigBis,
                fall.Aufenthalt.Wohnsitzauflage, fall.Aufenthalt.Nebenbestimmungen, fall.Aufenthalt.RechtmaessigSeit, fall.Aufenthalt.GeduldetSeit, fall.Aufenthalt.ChancenaufenthaltsrechtSeit),
            !voll && partnerSpur != Domain.Common.Spur.Leistungen ? null : new LeistungenDetail(fall.Leistungen.KooperationsplanAm, fall.Leistungen.Massnahme?.ToString(), fall.Leistungen.BeschaeftigtSeit, fall.Leistungen.Wochenstunden),
            !voll && partnerSpur != Domain.Common.Spur.Bildung ? null : new BildungDetail(fall.Bildung.IntegrationskursArt?.ToString(), fall.Bildung.IntegrationskursAbgeschlossen, fall.Bildung.IntegrationskursWiederholungen, fall.Bildung.Massnahmebezeichnung),
            sicht.Darf(Datenkategorie.Kompetenzprofil) ? fall.Kompetenzprofil.Kopie() : null,
            fall.Einwilligungen.Where(e => voll || e.Empfaenger == sicht.Behoerde?.AlsEmpfaenger()).OrderBy(e => e.GueltigAb).Select(e => Einwilligung(e, jetzt, heute)).ToArray(),
            !voll ? [] : fall.Ziele.OrderBy(z => z.VereinbartAm).Select(z => new ZielDetail(z.Id, z.Was, z.BisWann, z.Wer, z.Messgroesse, z.VereinbartAm, z.Bewertung?.ToString(), z.BewertetAm)).ToArray(),
            !voll ? [] : fall.Wiedervorlagen.OrderBy(w => w.ErledigtAm is not null).ThenBy(w => w.Faellig).Select(w => new WiedervorlageDetail(w.Id, w.Faellig, w.Betreff, w.Art.ToString(), w.ZustaendigId, w.ErledigtAm)).ToArray(),
            !voll ? [] : fall.Vertretungen.OrderBy(v => v.Von).Select(v => new VertretungDetail(v.Id, v.BenutzerId, v.Von, v.Bis)).ToArray(),
            sperre);
    }

    public static EinwilligungDetail Einwilligung(Einwilligung e, DateTimeOffset jetzt, DateOnly heute)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(
            e.Id,
            e.Empfaenger.ToString(),
            Enum.GetValues<Datenkategorie>().Where(c => c != Datenkategorie.Keine && e.Umfasst(c)).Select(c => c.ToString()).ToArray(),
            e.Zweck,
            e.GueltigAb,
            e.GueltigBis,
            e.FormularReferenz,
            e.ErfasstAm,
            e.WiderrufenAm,
            e.IstGueltigZu(jetzt, heute));
    }

    private static SpurDetail Spur(Fall fall, SpurStatus s, Abstractions.FallSperrvermerk? sperre)
    {
        var ueberleitung = s.UeberleitungId is { } id ? fall.Ueberleitungen.First(u => u.Id == id) : null;
        if (sperre is not null)
        {
            // Held: nothing is possible; the hold comes first among the reasons of each step.
            const string grund = Common.FallGesperrtException.SchrittGrund;
            return new SpurDetail(
                s.Spur.ToString(), s.Spur.Bezeichnung(), s.UeberleitungId, ueberleitung?.Empfaenger.ToString(), ueberleitung?.Anliegen,
                s.Zustand, s.ZustandBezeichnung, s.Oberzustaende, s.Seit, [],
                s.Schritte.Select(x => new SchrittDetail(x.Trigger, x.Bezeichnung, [grund, .. x.Moeglich ? [] : x.Gruende], x.Parameter)).ToArray());
        }

        return new SpurDetail(
            s.Spur.ToString(),
            s.Spur.Bezeichnung(),
            s.UeberleitungId,
            ueberleitung?.Empfaenger.ToString(),
            ueberleitung?.Anliegen,
            s.Zustand,
            s.ZustandBezeichnung,
            s.Oberzustaende,
            s.Seit,
            s.Schritte.Where(x => x.Moeglich).Select(x => new SchrittDetail(x.Trigger, x.Bezeichnung, [], x.Parameter)).ToArray(),
            s.Schritte.Where(x => !x.Moeglich).Select(x => new SchrittDetail(x.Trigger, x.Bezeichnung, x.Gruende, x.Parameter)).ToArray());
    }
}
