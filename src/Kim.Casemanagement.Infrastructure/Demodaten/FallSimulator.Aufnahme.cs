using System.Globalization;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>Intake: the client, the start states that fit the situation, and the first plans of every track.</summary>
internal sealed partial class FallSimulator
{
    private static readonly DateOnly Sgb2FuerParagraph24Ab = new(2022, 6, 1);
    private static readonly DateOnly Paragraph24Sgb2Erstausstellung = new(2025, 3, 31);

    /// <summary>Which partner tracks the case manager follows in detail (the others keep their intake state unless another track moves them).</summary>
    private readonly bool[] _begleitet = new bool[4];
    private Sprachniveau _startniveau;
    private bool _alphabetisierungsbedarf;
    private bool _sprachstandNachtragen;
    private DateOnly _asylentscheidungAm;

    private void Aufnehmen()
    {
        var aufnahme = _plan.Aufnahmedatum;
        _tag = aufnahme.AddDays(-1);
        ZeitSetzen(aufnahme);

        _fallmanager = _z.Eins(_personal.Fallmanager);
        var teamId = _fallmanager.TeamId;
        if (_heute.DayNumber - aufnahme.DayNumber <= 21 && _z.Ja(0.4) && teamId is { } team && _personal.Teamleitung.TryGetValue(team, out var leitung))
        {
            // Taken in by the team lead and still waiting in the intake queue.
            _warteschlange = leitung;
        }

        var jetzt = Jetzt();
        var klient = Klient.Erfassen(_z.Uuid7(jetzt), _plan.Vorname, _plan.Nachname, _plan.Geburtsdatum, _plan.Geschlecht, _plan.Land.Name, _plan.Einreisedatum,
            _plan.HaushaltId, _plan.MinderjaehrigeKinder, _tag, jetzt);
        var alter = klient.AlterAm(aufnahme);
        _alphabetisierungsbedarf = alter >= 16 && _z.Ja(_plan.Land.Alphabetisierungsbedarf * (alter > 40 ? 1.3 : 1.0));
        _startniveau = Startniveau(aufnahme);
        var angaben = Aufnahmeangaben(aufnahme, alter);
        _begleitet[(int)Spur.Aufenthalt] = _z.Ja(_plan.Szenario is Szenario.Asylverfahren or Szenario.Geduldet || angaben.Aufenthaltsstatus == AufenthaltZustand.KeinStatus ? 0.7 : 0.35);
        _begleitet[(int)Spur.Leistungen] = _z.Ja(_plan.Szenario == Szenario.Geduldet ? 0.6 : 0.4);
        _begleitet[(int)Spur.Bildung] = _z.Ja(0.35);

        var aktenzeichen = string.Create(CultureInfo.InvariantCulture, $"KIM-{aufnahme.Year}-{_plan.Index + 1:000000}");
        var notiz = _z.Ja(0.5) ? "Aufnahme im Erstgespräch" : null;
        var schritt = Rahmen(Fallmanagement, notiz).Schritt(SchrittDefinition.Einfach(Fall.AufnahmeTrigger, "Aufnahme"), null);
        _fall = Fall.Eroeffnen(_z.Uuid7(schritt.ErfasstAm), aktenzeichen, _mandant, klient, _warteschlange is null ? _fallmanager.Id : null, teamId, angaben, schritt);
        Sammeln();

        if (_z.Ja(0.7))
        {
            NotizSchreiben(_z.Eins(Textbausteine.NotizenAufnahme), kontakt: true);
        }

        if (_fall.Aufenthalt.GueltigBis is { } bis && _fall.IstAufenthaltIn(AufenthaltZustand.Aufenthaltstitel))
        {
            TitelablaufVormerken(bis);
        }

        VertretungVormerken();
        ProzessWeiter();
        AufenthaltWeiter();
        LeistungenWeiter();
        BildungWeiter();
    }

    private Sprachniveau Startniveau(DateOnly aufnahme)
    {
        if (_alphabetisierungsbedarf)
        {
            return _z.Ja(0.2) ? Sprachniveau.A1 : Sprachniveau.Keine;
        }

        var jahre = (aufnahme.DayNumber - _plan.Einreisedatum.DayNumber) / 365.0;
        IReadOnlyList<(Sprachniveau, double)> mix = _plan.Szenario switch
        {
            Szenario.Paragraph24 => [(Sprachniveau.Keine, 0.45), (Sprachniveau.A1, 0.35), (Sprachniveau.A2, 0.12), (Sprachniveau.B1, 0.06), (Sprachniveau.B2, 0.02)],
            Szenario.Niederlassung => [(Sprachniveau.A2, 0.30), (Sprachniveau.B1, 0.55), (Sprachniveau.B2, 0.15)],
            _ when jahre < 1 => [(Sprachniveau.Keine, 0.45), (Sprachniveau.A1, 0.38), (Sprachniveau.A2, 0.13), (Sprachniveau.B1, 0.04)],
            _ when jahre < 3 => [(Sprachniveau.Keine, 0.15), (Sprachniveau.A1, 0.35), (Sprachniveau.A2, 0.32), (Sprachniveau.B1, 0.15), (Sprachniveau.B2, 0.03)],
            _ => [(Sprachniveau.Keine, 0.08), (Sprachniveau.A1, 0.22), (Sprachniveau.A2, 0.35), (Sprachniveau.B1, 0.27), (Sprachniveau.B2, 0.08)],
        };
        return _z.Gewichtet(mix);
    }

    private Aufnahmeangaben Aufnahmeangaben(DateOnly aufnahme, int alter)
    {
        var einreise = _plan.Einreisedatum;
        var tageSeitEinreise = aufnahme.DayNumber - einreise.DayNumber;
        DateOnly Zwischen(DateOnly fruehestens, DateOnly d)
        {
            var x = d < fruehestens ? fruehestens : d;
            return x > aufnahme ? aufnahme : x;
        }


        AufenthaltZustand aufenthalt;
        DateOnly? aufenthaltSeit = null;
        Schutzform? schutzform = null;
        DateOnly? gueltigBis = null;
        string? rechtsgrundlage = null;
        LeistungenZustand leistungen;
        DateOnly? leistungenSeit = null;

        switch (_plan.Szenario)
        {
            case Szenario.Asylverfahren:
                aufenthalt = tageSeitEinreise <= 7 ? AufenthaltZustand.Asylgesuch
                    : tageSeitEinreise <= 30 && _z.Ja(0.5) ? AufenthaltZustand.Ankunftsnachweis : AufenthaltZustand.Aufenthaltsgestattung;
                aufenthaltSeit = aufenthalt switch
                {
                    AufenthaltZustand.Asylgesuch => einreise,
                    AufenthaltZustand.Ankunftsnachweis => Zwischen(einreise, einreise.AddDays(Tage(1, 10))),
                    _ => Zwischen(einreise, einreise.AddDays(Tage(7, 40))),
                };
                if (aufenthalt == AufenthaltZustand.Aufenthaltsgestattung)
                {
                    _asylentscheidungAm = aufenthaltSeit.Value.AddDays(_z.LogNormalTage(200, 0.55, 45, 900));
                }

                leistungen = _z.Ja(0.92) ? LeistungenZustand.AsylbLG : LeistungenZustand.KeinLeistungsbezug;
                leistungenSeit = Zwischen(einreise, einreise.AddDays(Tage(1, 20)));
                break;

            case Szenario.Paragraph24:
                if (tageSeitEinreise <= 45 && _z.Ja(0.4))
                {
                    aufenthalt = AufenthaltZustand.KeinStatus;
                    leistungen = LeistungenZustand.KeinLeistungsbezug;
                    break;
                }

                aufenthalt = AufenthaltZustand.Aufenthaltserlaubnis24;
                aufenthaltSeit = Zwischen(einreise, einreise.AddDays(Tage(7, 60)));
                gueltigBis = Gueltigkeit(aufenthaltSeit.Value, 365, 730, aufnahme);
                if (aufenthaltSeit <= Paragraph24Sgb2Erstausstellung && aufnahme >= Sgb2FuerParagraph24Ab)
                {
                    leistungen = _z.Gewichtet([(LeistungenZustand.Sgb2Bewilligt, 0.6), (LeistungenZustand.Kooperationsplan, 0.2), (LeistungenZustand.KeinLeistungsbezug, 0.1), (LeistungenZustand.ArbeitBedarfsdeckend, 0.1)]);
                    var ab = aufenthaltSeit.Value < Sgb2FuerParagraph24Ab ? Sgb2FuerParagraph24Ab : aufenthaltSeit.Value;
                    leistungenSeit = Zwischen(ab, ab.AddDays(Tage(0, 60)));
                }
                else
                {
                    leistungen = _z.Ja(0.85) ? LeistungenZustand.AsylbLG : LeistungenZustand.KeinLeistungsbezug;
                    leistungenSeit = Zwischen(aufenthaltSeit.Value, aufenthaltSeit.Value.AddDays(Tage(0, 30)));
                }

                break;

            case Szenario.Geduldet:
                aufenthalt = _z.Ja(0.85) ? AufenthaltZustand.Duldung : AufenthaltZustand.DuldungUngeklaerteIdentitaet;
                aufenthaltSeit = Zwischen(einreise.AddDays(Tage(200, 500)), aufnahme.AddDays(-Tage(30, 1500)));
                gueltigBis = aufnahme.AddDays(Tage(14, 180));
                leistungen = _z.Ja(0.85) ? LeistungenZustand.AsylbLG : LeistungenZustand.KeinLeistungsbezug;
                leistungenSeit = Zwischen(einreise, einreise.AddDays(Tage(1, 30)));
                break;

            case Szenario.Anerkannt:
                schutzform = SchutzformWaehlen();
                if (_z.Ja(0.15))
                {
                    aufenthalt = AufenthaltZustand.Schutzstatus;
                    aufenthaltSeit = Zwischen(einreise.AddDays(60), aufnahme.AddDays(-Tage(0, 90)));
                }
                else
                {
                    aufenthalt = AufenthaltZustand.AufenthaltserlaubnisSchutz;
                    var anerkannt = Zwischen(einreise, einreise.AddDays(Tage(150, 600)));
                    aufenthaltSeit = Zwischen(anerkannt, aufnahme.AddDays(-Tage(0, 1000)));
                    gueltigBis = schutzform is Schutzform.Fluechtlingseigenschaft or Schutzform.Asylberechtigung
                        ? Gueltigkeit(aufenthaltSeit.Value, 1095, 1095, aufnahme)
                        : Gueltigkeit(aufenthaltSeit.Value, 365, 730, aufnahme);
                }

                leistungen = alter >= 58 && _z.Ja(0.25) ? LeistungenZustand.Sgb12
                    : _z.Gewichtet([(LeistungenZustand.Sgb2Bewilligt, 0.38), (LeistungenZustand.Kooperationsplan, 0.27), (LeistungenZustand.KeinLeistungsbezug, 0.17), (LeistungenZustand.ArbeitBedarfsdeckend, 0.18)]);
                leistungenSeit = Zwischen(aufenthaltSeit.Value, aufnahme.AddDays(-Tage(0, 700)));
                break;

            case Szenario.SonstigerTitel:
                if (tageSeitEinreise <= 60 && _z.Ja(0.3))
                {
                    aufenthalt = AufenthaltZustand.KeinStatus;
                    leistungen = LeistungenZustand.KeinLeistungsbezug;
                    break;
                }

                aufenthalt = AufenthaltZustand.AufenthaltserlaubnisSonstige;
                aufenthaltSeit = Zwischen(einreise, aufnahme.AddDays(-Tage(0, 1000)));
                gueltigBis = Gueltigkeit(aufenthaltSeit.Value, 365, 1095, aufnahme);
                rechtsgrundlage = _z.Eins(Textbausteine.SonstigeRechtsgrundlagen);
                leistungen = _z.Gewichtet([(LeistungenZustand.KeinLeistungsbezug, 0.4), (LeistungenZustand.ArbeitBedarfsdeckend, 0.3), (LeistungenZustand.Sgb2Bewilligt, 0.2), (LeistungenZustand.Kooperationsplan, 0.1)]);
                leistungenSeit = Zwischen(aufenthaltSeit.Value, aufnahme.AddDays(-Tage(0, 500)));
                break;

            default:
                aufenthalt = AufenthaltZustand.Niederlassungserlaubnis;
                aufenthaltSeit = Zwischen(einreise.AddYears(5), aufnahme.AddDays(-Tage(0, 1500)));
                leistungen = alter >= 55 && _z.Ja(0.3) ? LeistungenZustand.Sgb12
                    : _z.Gewichtet([(LeistungenZustand.ArbeitBedarfsdeckend, 0.55), (LeistungenZustand.KeinLeistungsbezug, 0.28), (LeistungenZustand.Sgb2Bewilligt, 0.17)]);
                leistungenSeit = Zwischen(einreise, aufnahme.AddDays(-Tage(0, 900)));
                break;
        }

        var (bildung, bildungSeit) = Bildungsstart(aufnahme, alter, Zwischen);
        return new Aufnahmeangaben(aufenthalt, aufenthaltSeit, schutzform, gueltigBis, rechtsgrundlage, leistungen, leistungenSeit, bildung, bildungSeit, null);
    }

    private (BildungZustand Zustand, DateOnly? Seit) Bildungsstart(DateOnly aufnahme, int alter, Func<DateOnly, DateOnly, DateOnly> zwischen)
    {
        var einreise = _plan.Einreisedatum;
        IReadOnlyList<(BildungZustand, double)> mix;
        if (alter <= 17 && _z.Ja(0.6))
        {
            mix = [(BildungZustand.SchuleErstfoerderung, 0.65), (BildungZustand.SchuleRegelunterricht, 0.35)];
        }
        else
        {
            var ausbildung = alter is >= 16 and <= 30 ? 1.0 : 0.0;
            mix = _plan.Szenario switch
            {
                Szenario.Asylverfahren => [(BildungZustand.KeineBeratung, 0.85), (BildungZustand.Erstberatung, 0.15)],
                Szenario.Paragraph24 => [(BildungZustand.KeineBeratung, 0.45), (BildungZustand.Erstberatung, 0.2), (BildungZustand.SprachstandFestgestellt, 0.15), (BildungZustand.IntegrationskursLaeuft, 0.2)],
                Szenario.Geduldet => [(BildungZustand.KeineBeratung, 0.35), (BildungZustand.Erstberatung, 0.15), (BildungZustand.SprachstandFestgestellt, 0.2), (BildungZustand.IntegrationskursLaeuft, 0.1),
                    (BildungZustand.IntegrationskursAbgeschlossen, 0.1), (BildungZustand.Ausbildung, 0.15 * ausbildung)],
                Szenario.Anerkannt => [(BildungZustand.KeineBeratung, 0.15), (BildungZustand.Erstberatung, 0.05), (BildungZustand.SprachstandFestgestellt, 0.25), (BildungZustand.IntegrationskursLaeuft, 0.15),
                    (BildungZustand.IntegrationskursAbgeschlossen, 0.25), (BildungZustand.Berufssprachkurs, 0.1), (BildungZustand.Ausbildung, 0.05 * ausbildung)],
                Szenario.SonstigerTitel => [(BildungZustand.KeineBeratung, 0.4), (BildungZustand.Erstberatung, 0.15), (BildungZustand.SprachstandFestgestellt, 0.15), (BildungZustand.IntegrationskursLaeuft, 0.15),
                    (BildungZustand.IntegrationskursAbgeschlossen, 0.1), (BildungZustand.Berufssprachkurs, 0.05)],
                _ => [(BildungZustand.KeineBeratung, 0.3), (BildungZustand.SprachstandFestgestellt, 0.3), (BildungZustand.IntegrationskursAbgeschlossen, 0.4)],
            };
        }

        var zustand = _z.Gewichtet(mix);
        if (zustand == BildungZustand.IntegrationskursAbgeschlossen)
        {
            _startniveau = _z.Ja(0.55) ? Sprachniveau.B1 : Sprachniveau.A2;
        }

        // The intake cannot carry the language level into the event log, so it is recorded with the first Bildung step.
        _sprachstandNachtragen = zustand is BildungZustand.SprachstandFestgestellt or BildungZustand.IntegrationskursAbgeschlossen;
        if (zustand is not (BildungZustand.KeineBeratung or BildungZustand.Erstberatung or BildungZustand.SprachstandFestgestellt))
        {
            _alphabetisierungsbedarf = false;
        }

        DateOnly? seit = zustand switch
        {
            BildungZustand.KeineBeratung => null,
            BildungZustand.Erstberatung => aufnahme.AddDays(-Tage(0, 30)),
            BildungZustand.SprachstandFestgestellt => aufnahme.AddDays(-Tage(0, 200)),
            BildungZustand.IntegrationskursLaeuft => aufnahme.AddDays(-Tage(0, 150)),
            BildungZustand.IntegrationskursAbgeschlossen => aufnahme.AddDays(-Tage(30, 700)),
            BildungZustand.Ausbildung => aufnahme.AddDays(-Tage(0, 400)),
            _ => aufnahme.AddDays(-Tage(0, 300)),
        };
        return (zustand, seit is { } s ? zwischen(einreise, s) : null);
    }

    private Schutzform SchutzformWaehlen()
    {
        var r = _z.Anteil();
        return r < 0.04 ? Schutzform.Asylberechtigung
            : r < 0.04 + (0.96 * _plan.Land.FluechtlingseigenschaftAnteil) ? Schutzform.Fluechtlingseigenschaft
            : Schutzform.SubsidiaererSchutz;
    }

    /// <summary>The expiry of a permit issued on <paramref name="seit"/>; a permit expired before intake counts as renewed, still valid.</summary>
    private DateOnly Gueltigkeit(DateOnly seit, int minTage, int maxTage, DateOnly aufnahme)
    {
        var bis = seit.AddDays(Tage(minTage, maxTage));
        return bis >= aufnahme ? bis : aufnahme.AddDays(Tage(30, 700));
    }
}
