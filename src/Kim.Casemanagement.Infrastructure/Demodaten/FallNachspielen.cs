using System.Globalization;
using System.Text.Json;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;
using Kim.Casemanagement.Infrastructure.Persistence;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// Replays one stored Fall through the real domain, as the API would have recorded it: the intake from the four intake events,
/// then every step that was not a follow-up, in number order, with its fachliches Datum, recording instant, actor and parameters.
/// Before each step the facts the guards read are put in place as they stood at that instant: consents given (and withdrawn)
/// until then, the Art. 13 information, goals agreed and rated until that day, the Assessment's Kompetenzprofil (language level
/// and literacy need only ever change through Bildung steps). The domain must accept every step, produce exactly the stored
/// events (including cross-track follow-ups), and end in the stored track states; anything else is a violation.
/// </summary>
internal static class FallNachspielen
{
    private static readonly Rechtsregeltabelle Regeln = Rechtsregeltabelle.Standard;

    public static void Pruefen(FallAkte akte, Befund befund)
    {
        befund.Faelle++;
        befund.Ereignisse += akte.Ereignisse.Count;
        var ereignisse = akte.Ereignisse.OrderBy(e => e.Nr).ToList();
        for (var i = 0; i < ereignisse.Count; i++)
        {
            if (ereignisse[i].Nr != i + 1)
            {
                befund.Verstoss("Nummernlücke", akte, i + 1, "Die Ereignisnummern sind nicht lückenlos.");
                return;
            }
        }

        if (ereignisse.Count < 4 || ereignisse.Take(4).Any(e => e.Trigger != Fall.AufnahmeTrigger || e.VonZustand is not null)
            || ereignisse.Take(4).Select(e => e.Spur).Distinct().Count() != 4)
        {
            befund.Verstoss("Aufnahme", akte, 1, "Ein Fall beginnt mit je einem Aufnahme-Ereignis auf Prozess, Aufenthalt, Leistungen und Bildung.");
            return;
        }

        Fall fall;
        try
        {
            fall = Eroeffnen(akte, ereignisse);
        }
        catch (Exception e) when (e is DomainException or SchrittNichtMoeglichException)
        {
            befund.Verstoss("Aufnahme abgelehnt", akte, 1, e.Message);
            return;
        }

        if (!Vergleichen(akte, fall, ereignisse, 0, befund))
        {
            return;
        }

        befund.Nachgespielt += 4;
        fall.Gespeichert();
        var fakten = new Fakten(akte, fall);
        for (var i = 4; i < ereignisse.Count; i++)
        {
            var e = ereignisse[i];
            if (e.AusgeloestDurch is not null)
            {
                // Follow-ups come from the domain's cross-track rules, compared with the step that caused them.
                continue;
            }

            fakten.Nachfuehren(e.ErfasstAm, e.FachlichesDatum);
            var vorher = fall.EreignisAnzahl;
            try
            {
                Feuern(akte, fall, e);
            }
            catch (SchrittNichtMoeglichException x)
            {
                befund.Verstoss("Wächter: " + string.Join(" / ", x.Gruende.DefaultIfEmpty("nicht erlaubt")), akte, e.Nr, $"{e.Spur}.{e.Trigger} aus {e.VonZustand}");
                return;
            }
            catch (Exception x) when (x is DomainException or NichtGefundenException or InvalidOperationException)
            {
                befund.Verstoss("Schritt ungültig", akte, e.Nr, $"{e.Spur}.{e.Trigger}: {x.Message}");
                return;
            }

            if (fall.EreignisAnzahl == vorher || !Vergleichen(akte, fall, ereignisse, vorher, befund))
            {
                if (fall.EreignisAnzahl == vorher)
                {
                    befund.Verstoss("Kein Ereignis", akte, e.Nr, $"{e.Spur}.{e.Trigger} hat kein Ereignis erzeugt.");
                }

                return;
            }

            befund.Nachgespielt += fall.EreignisAnzahl - vorher;
            fall.Gespeichert();
        }

        if (fall.EreignisAnzahl != akte.EreignisAnzahl || fall.EreignisAnzahl != ereignisse.Count)
        {
            befund.Verstoss("Ereignisanzahl", akte, fall.EreignisAnzahl, string.Create(CultureInfo.InvariantCulture, $"nachgespielt {fall.EreignisAnzahl}, gespeichert {ereignisse.Count} (Fall: {akte.EreignisAnzahl})"));
            return;
        }

        var endzustand = (fall.Prozess.Zustand.ToString(), fall.Aufenthalt.Zustand.ToString(), fall.Leistungen.Zustand.ToString(), fall.Bildung.Zustand.ToString());
        if (endzustand != (akte.ProzessZustand, akte.AufenthaltZustand, akte.LeistungenZustand, akte.BildungZustand))
        {
            befund.Verstoss("Endzustand", akte, fall.EreignisAnzahl, $"nachgespielt {endzustand}, gespeichert ({akte.ProzessZustand}, {akte.AufenthaltZustand}, {akte.LeistungenZustand}, {akte.BildungZustand})");
        }

        foreach (var u in akte.Ueberleitungen)
        {
            if (fall.Ueberleitungen.FirstOrDefault(x => x.Id == u.Id) is not { } nachgespielt || nachgespielt.Zustand != u.Zustand)
            {
                befund.Verstoss("Überleitung", akte, fall.EreignisAnzahl, $"Überleitung {u.Id}: gespeichert {u.Zustand}");
            }
        }
    }

    private static Fall Eroeffnen(FallAkte akte, List<EreignisZeile> ereignisse)
    {
        EreignisZeile Start(Spur spur) => ereignisse.Take(4).First(e => e.Spur == spur);
        var prozess = Start(Spur.Prozess);
        var aufenthalt = Start(Spur.Aufenthalt);
        var leistungen = Start(Spur.Leistungen);
        var bildung = Start(Spur.Bildung);
        var k = akte.Klient;
        var aufnahme = prozess.FachlichesDatum;
        var klient = Klient.Erfassen(k.Id, k.Vorname, k.Nachname, k.Geburtsdatum, k.Geschlecht, k.Herkunftsland, k.Einreisedatum, k.HaushaltId, k.MinderjaehrigeKinder, aufnahme, k.ErstelltAm);
        var aufenthaltsstatus = Enum.Parse<AufenthaltZustand>(aufenthalt.NachZustand);
        var angaben = new Aufnahmeangaben(
            aufenthaltsstatus,
            aufenthalt.FachlichesDatum,
            aufenthaltsstatus is AufenthaltZustand.Schutzstatus or AufenthaltZustand.AufenthaltserlaubnisSchutz ? akte.Schutzform : null,
            null,
            null,
            Enum.Parse<LeistungenZustand>(leistungen.NachZustand),
            leistungen.FachlichesDatum,
            Enum.Parse<BildungZustand>(bildung.NachZustand),
            bildung.FachlichesDatum,
            null);
        var schritt = new Schritt(aufnahme, prozess.Akteur, prozess.Notiz, SchrittParameter.Leer, Regeln, prozess.ErfasstAm, aufnahme);
        return Fall.Eroeffnen(akte.Id, akte.Aktenzeichen, akte.Mandant, klient, akte.FallmanagerId, akte.TeamId, angaben, schritt);
    }

    private static void Feuern(FallAkte akte, Fall fall, EreignisZeile e)
    {
        var rahmen = new SchrittRahmen(e.FachlichesDatum, e.Akteur, e.Notiz, Regeln, e.ErfasstAm, e.FachlichesDatum);
        if (e.Spur == Spur.Ueberleitung && e.Trigger == nameof(UeberleitungTrigger.Anfragen))
        {
            var u = akte.Ueberleitungen.FirstOrDefault(x => x.Id == e.UeberleitungId)
                ?? throw new InvalidOperationException("Die Überleitung des Ereignisses fehlt.");
            fall.UeberleitungAnfragen(u.Id, u.Empfaenger, u.Anliegen, rahmen);
            return;
        }

        fall.Feuern(e.Spur, e.Trigger, Parameter(e.ParameterJson), rahmen, e.UeberleitungId);
    }

    private static Dictionary<string, string?>? Parameter(string json)
    {
        if (json.Length <= 2)
        {
            return null;
        }

        return JsonSerializer.Deserialize<Dictionary<string, string?>>(json, JsonWerte.Optionen);
    }

    /// <summary>The events the domain just recorded must be the stored ones from number <paramref name="ab"/> + 1 on.</summary>
    private static bool Vergleichen(FallAkte akte, Fall fall, List<EreignisZeile> gespeichert, int ab, Befund befund)
    {
        var neu = fall.NeueEreignisse;
        for (var j = 0; j < neu.Count; j++)
        {
            var n = neu[j];
            var index = ab + j;
            if (index >= gespeichert.Count)
            {
                befund.Verstoss("Zusätzliches Ereignis", akte, n.Nr, $"{n.Spur}.{n.Trigger} → {n.NachZustand} fehlt in der Datenbank.");
                return false;
            }

            var s = gespeichert[index];
            if (n.Spur != s.Spur || n.Trigger != s.Trigger || n.VonZustand != s.VonZustand || n.NachZustand != s.NachZustand
                || n.FachlichesDatum != s.FachlichesDatum || n.AusgeloestDurch != s.AusgeloestDurch || n.UeberleitungId != s.UeberleitungId)
            {
                befund.Verstoss("Abweichung", akte, s.Nr, $"nachgespielt {n.Spur}.{n.Trigger} {n.VonZustand}→{n.NachZustand}, gespeichert {s.Spur}.{s.Trigger} {s.VonZustand}→{s.NachZustand}");
                return false;
            }
        }

        return true;
    }

    /// <summary>The non-event facts of the Fall, applied in recording order up to each replayed step.</summary>
    private sealed class Fakten
    {
        private readonly Fall _fall;
        private readonly List<(DateTimeOffset Zeit, Action Aktion)> _zeitlich = [];
        private readonly List<(DateOnly Tag, Action Aktion)> _taeglich = [];
        private int _zeitIndex;
        private int _tagIndex;

        public Fakten(FallAkte akte, Fall fall)
        {
            _fall = fall;
            foreach (var e in akte.Einwilligungen)
            {
                _zeitlich.Add((e.ErfasstAm, () => fall.EinwilligungErteilen(e.Id, e.Empfaenger, e.Datenkategorien, e.Zweck, e.GueltigAb, e.GueltigBis, e.FormularReferenz, e.ErfasstVon, e.ErfasstAm)));
                if (e.WiderrufenAm is { } widerrufen)
                {
                    _zeitlich.Add((widerrufen, () => fall.EinwilligungWiderrufen(e.Id, e.WiderrufenVon ?? e.ErfasstVon, widerrufen)));
                }
            }

            if (akte.Art13InformiertAm is { } art13)
            {
                _taeglich.Add((art13, () => fall.Art13InformationVermerken(art13, art13, fall.GeaendertAm)));
            }

            foreach (var z in akte.Ziele)
            {
                _taeglich.Add((z.VereinbartAm, () => fall.ZielVereinbaren(z.Id, z.Was, z.BisWann, z.Wer, z.Messgroesse, z.VereinbartAm, z.VereinbartAm, fall.GeaendertAm)));
                if (z is { Bewertung: { } bewertung, BewertetAm: { } am })
                {
                    _taeglich.Add((am, () => fall.ZielBewerten(z.Id, bewertung, am, am, fall.GeaendertAm)));
                }
            }

            var profil = JsonSerializer.Deserialize<Kompetenzprofil>(akte.KompetenzprofilJson, JsonWerte.Optionen);
            if (profil?.ErfasstAm is { } erfasst)
            {
                _taeglich.Add((erfasst, () =>
                {
                    var kopie = profil.Kopie();
                    kopie.Deutschniveau = fall.Kompetenzprofil.Deutschniveau;
                    kopie.AlphabetisierungNoetig = fall.Kompetenzprofil.AlphabetisierungNoetig;
                    fall.KompetenzprofilErfassen(kopie, erfasst, erfasst, fall.GeaendertAm);
                }));
            }

            // Stable sorts: a withdrawal never comes before its consent, a rating never before its goal.
            _zeitlich = [.. _zeitlich.OrderBy(x => x.Zeit)];
            _taeglich = [.. _taeglich.OrderBy(x => x.Tag)];
        }

        public void Nachfuehren(DateTimeOffset bis, DateOnly tag)
        {
            while (_zeitIndex < _zeitlich.Count && _zeitlich[_zeitIndex].Zeit < bis)
            {
                _zeitlich[_zeitIndex++].Aktion();
            }

            while (_tagIndex < _taeglich.Count && _taeglich[_tagIndex].Tag <= tag)
            {
                _taeglich[_tagIndex++].Aktion();
            }

            _fall.Gespeichert();
        }
    }
}
