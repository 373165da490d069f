using System.Reflection;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Bedingungspruefungen;

/// <summary>
/// One case per guard of <see cref="Bedingungen"/>: with exactly that guard unmet the step is refused with exactly its
/// German description (and <see cref="Fall.Spuren"/> shows the step blocked for that reason); with it met the step is taken.
/// </summary>
public class BedingungenTests
{
    private static readonly DateOnly ZustandSeit = D(2025, 1, 1);

    private static readonly Bedingungsfall[] AlleFaelle =
    [
        // ---- Prozess ----
        new(Bedingungen.EinwilligungInCaseManagementLiegtVor, Spur.Prozess, "AssessmentBeginnen", "Assessment",
            Erfuellt: () => Im(FallBuilder.AllesErfuellt(), Spur.Prozess, "Klaerung"),
            Unerfuellt: () => Im(FallBuilder.AllesErfuellt().OhneEinwilligung(Empfaenger.CaseManagement), Spur.Prozess, "Klaerung")),
        new(Bedingungen.Art13InformationAusgehaendigt, Spur.Prozess, "AssessmentBeginnen", "Assessment",
            Erfuellt: () => Im(FallBuilder.AllesErfuellt(), Spur.Prozess, "Klaerung"),
            Unerfuellt: () => Im(FallBuilder.AllesErfuellt().OhneArt13Information(), Spur.Prozess, "Klaerung")),
        new(Bedingungen.KompetenzprofilIstErfasst, Spur.Prozess, "HilfeplanungBeginnen", "Hilfeplanung",
            Erfuellt: () => Im(FallBuilder.AllesErfuellt(), Spur.Prozess, "Assessment"),
            Unerfuellt: () => Im(FallBuilder.AllesErfuellt().OhneKompetenzprofil(), Spur.Prozess, "Assessment")),
        new(Bedingungen.MindestensEinZielVereinbart, Spur.Prozess, "UmsetzungBeginnen", "Umsetzung",
            Erfuellt: () => Im(FallBuilder.AllesErfuellt(), Spur.Prozess, "Hilfeplanung"),
            Unerfuellt: () => Im(FallBuilder.AllesErfuellt().OhneZiel(), Spur.Prozess, "Hilfeplanung")),
        new(Bedingungen.AlleZieleBewertet, Spur.Prozess, "Abschliessen", "Abschluss",
            Erfuellt: () => Im(FallBuilder.AllesErfuellt(), Spur.Prozess, "Evaluation"),
            Unerfuellt: () => Im(FallBuilder.AllesErfuellt().MitUnbewertetemZiel(), Spur.Prozess, "Evaluation"),
            Parameter: P((ParameterNamen.Abschlussgrund, "ZieleErreicht"))),

        // ---- Aufenthalt: toleration ----
        new(Bedingungen.BerufsausbildungLaeuft, Spur.Aufenthalt, "AusbildungsduldungErteilen", "Ausbildungsduldung",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitBildung(BildungZustand.SprachstandFestgestellt, D(2022, 8, 1), Sprachniveau.C1))),
        new(Bedingungen.BeschaeftigungsduldungVorduldung, Spur.Aufenthalt, "BeschaeftigungsduldungErteilen", "Beschaeftigungsduldung",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt(), geduldetSeit: D(2026, 6, 1))),
        new(Bedingungen.BeschaeftigungsduldungBeschaeftigung, Spur.Aufenthalt, "BeschaeftigungsduldungErteilen", "Beschaeftigungsduldung",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitBeschaeftigung(15, D(2023, 2, 1)))),
        new(Bedingungen.BeschaeftigungsduldungSprache, Spur.Aufenthalt, "BeschaeftigungsduldungErteilen", "Beschaeftigungsduldung",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A2)),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A1))),
        new(Bedingungen.Paragraph25aAlter, Spur.Aufenthalt, "Paragraph25aErteilen", "Aufenthaltserlaubnis25a",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitKlient(D(1990, 1, 1), FallBuilder.StandardEinreise))),
        new(Bedingungen.Paragraph25aVoraufenthalt, Spur.Aufenthalt, "Paragraph25aErteilen", "Aufenthaltserlaubnis25a",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitEinreise(D(2024, 6, 1)))),
        new(Bedingungen.Paragraph25bVoraufenthalt, Spur.Aufenthalt, "Paragraph25bErteilen", "Aufenthaltserlaubnis25b",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitEinreise(D(2021, 6, 1)))),
        new(Bedingungen.Paragraph25bSprache, Spur.Aufenthalt, "Paragraph25bErteilen", "Aufenthaltserlaubnis25b",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A2)),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A1))),
        new(Bedingungen.ChancenaufenthaltsrechtNochErteilbar, Spur.Aufenthalt, "ChancenaufenthaltsrechtErteilen", "Chancenaufenthaltsrecht",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            DatumErfuellt: D(2025, 12, 31), DatumUnerfuellt: D(2026, 1, 1)),
        new(Bedingungen.ChancenaufenthaltsrechtVoraufenthalt, Spur.Aufenthalt, "ChancenaufenthaltsrechtErteilen", "Chancenaufenthaltsrecht",
            Erfuellt: () => Geduldet(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Geduldet(FallBuilder.AllesErfuellt().MitEinreise(D(2019, 1, 1))),
            DatumErfuellt: D(2025, 6, 1), DatumUnerfuellt: D(2025, 6, 1)),
        new(Bedingungen.ChancenaufenthaltsrechtLaufzeitAbgelaufen, Spur.Aufenthalt, "ChancenaufenthaltsrechtAblaufen", "Duldung",
            Erfuellt: () => MitChancenaufenthaltsrechtSeit(D(2025, 3, 1)),
            Unerfuellt: () => MitChancenaufenthaltsrechtSeit(D(2025, 12, 1))),

        // ---- Aufenthalt: settlement and naturalisation (lawful residence since entry in 2015, or only since mid-2022) ----
        new(Bedingungen.NiederlassungMindestaufenthalt, Spur.Aufenthalt, "NiederlassungserlaubnisErteilen", "Niederlassungserlaubnis",
            Erfuellt: () => FallBuilder.AllesErfuellt().Bauen(),
            Unerfuellt: () => ErstSeit2022(FallBuilder.AllesErfuellt()).Bauen()),
        new(Bedingungen.NiederlassungSprache, Spur.Aufenthalt, "NiederlassungserlaubnisErteilen", "Niederlassungserlaubnis",
            Erfuellt: () => FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.B1).Bauen(),
            Unerfuellt: () => FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A2).Bauen()),
        new(Bedingungen.EinbuergerungMindestaufenthalt, Spur.Aufenthalt, "Einbuergern", "Eingebuergert",
            Erfuellt: () => FallBuilder.AllesErfuellt().Bauen(),
            Unerfuellt: () => ErstSeit2022(FallBuilder.AllesErfuellt()).Bauen()),
        new(Bedingungen.EinbuergerungSprache, Spur.Aufenthalt, "Einbuergern", "Eingebuergert",
            Erfuellt: () => FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.B1).Bauen(),
            Unerfuellt: () => FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A2).Bauen()),
        new(Bedingungen.EinbuergerungLebensunterhalt, Spur.Aufenthalt, "Einbuergern", "Eingebuergert",
            Erfuellt: () => FallBuilder.AllesErfuellt().Bauen(),
            Unerfuellt: () => FallBuilder.AllesErfuellt().OhneBeschaeftigung().MitLeistungen(LeistungenZustand.Sgb2Bewilligt).Bauen()),

        // ---- Leistungen ----
        new(Bedingungen.Sgb2BerechtigenderAufenthalt, Spur.Leistungen, "Sgb2Beantragen", "Sgb2Beantragt",
            Erfuellt: () => FallBuilder.AllesErfuellt().OhneBeschaeftigung().Bauen(),
            Unerfuellt: () => FallBuilder.AllesErfuellt().OhneBeschaeftigung().MitAufenthalt(AufenthaltZustand.Aufenthaltsgestattung, D(2022, 10, 1)).Bauen()),
        new(Bedingungen.KeinSgb2BerechtigenderAufenthalt, Spur.Leistungen, "AsylbLGBewilligen", "AsylbLG",
            Erfuellt: () => FallBuilder.AllesErfuellt().OhneBeschaeftigung().MitAufenthalt(AufenthaltZustand.Aufenthaltsgestattung, D(2022, 10, 1)).Bauen(),
            Unerfuellt: () => FallBuilder.AllesErfuellt().OhneBeschaeftigung().Bauen()),

        // ---- Bildung ----
        new(Bedingungen.KeineQualifizierungVorAlphabetisierung, Spur.Bildung, "QualifizierungBeginnen", "Qualifizierung",
            Erfuellt: () => Planung(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.C1, alphabetisierungNoetig: true))),
        new(Bedingungen.AlphabetisierungsbedarfFestgestellt, Spur.Bildung, "AlphabetisierungskursBeginnen", "Alphabetisierungskurs",
            Erfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A1, alphabetisierungNoetig: true)),
            Unerfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A1))),
        new(Bedingungen.IntegrationskursNochNichtAbgeschlossen, Spur.Bildung, "IntegrationskursBerechtigen", "IntegrationskursBerechtigt",
            Erfuellt: () => FallBuilder.AllesErfuellt().MitBildung(BildungZustand.SprachstandFestgestellt, D(2022, 8, 1)).Bauen(),
            Unerfuellt: () => FallBuilder.AllesErfuellt().MitBildung(BildungZustand.IntegrationskursAbgeschlossen, D(2022, 8, 1)).Bauen(),
            Parameter: P((ParameterNamen.IntegrationskursArt, "Berechtigung"))),
        new(Bedingungen.IntegrationskursWiederholungMoeglich, Spur.Bildung, "IntegrationskursWiederholen", "IntegrationskursWiederholung",
            Erfuellt: () => Im(FallBuilder.AllesErfuellt(), Spur.Bildung, "IntegrationskursPruefung"),
            Unerfuellt: () => FallBuilder.AllesErfuellt().Mit(f =>
            {
                f.ZustandSetzenFuerTest(Spur.Bildung, nameof(BildungZustand.IntegrationskursPruefung), ZustandSeit);
                f.Feuern(Spur.Bildung, "IntegrationskursWiederholen", null, Rahmen(D(2025, 3, 1)));
                f.Feuern(Spur.Bildung, "PruefungAblegen", null, Rahmen(D(2025, 9, 1)));
            }).Bauen()),
        new(Bedingungen.BerufssprachkursZugang, Spur.Bildung, "BerufssprachkursBeginnen", "Berufssprachkurs",
            Erfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.B1)),
            Unerfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A2))),
        new(Bedingungen.QualifizierungSprachniveau, Spur.Bildung, "QualifizierungBeginnen", "Qualifizierung",
            Erfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A2)),
            Unerfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.A1))),
        new(Bedingungen.AusbildungSprachniveau, Spur.Bildung, "AusbildungBeginnen", "Ausbildung",
            Erfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.B2)),
            Unerfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.B1))),
        new(Bedingungen.StudiumSprachniveau, Spur.Bildung, "StudiumBeginnen", "Studium",
            Erfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.C1)),
            Unerfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.B2))),
        new(Bedingungen.SchulpflichtigesAlter, Spur.Bildung, "SchuleBeginnen", "SchuleErstfoerderung",
            Erfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKlient(D(2012, 5, 1), D(2016, 9, 1))),
            Unerfuellt: () => Planung(FallBuilder.AllesErfuellt())),
        new(Bedingungen.AuslaendischerAbschlussErfasst, Spur.Bildung, "AnerkennungsberatungBeginnen", "AnerkennungBeratung",
            Erfuellt: () => Planung(FallBuilder.AllesErfuellt()),
            Unerfuellt: () => Planung(FallBuilder.AllesErfuellt().MitKompetenzprofil(Sprachniveau.C1, auslaendischerAbschluss: false))),

        // ---- Überleitung: a consent naming the receiving authority; a withdrawal takes effect at once ----
        .. Enum.GetValues<Behoerde>().Select(b => new Bedingungsfall(
            Bedingungen.EinwilligungFuer(b), Spur.Ueberleitung, "Annehmen", "Angenommen",
            Erfuellt: () => Angefragt(b, widerrufen: false),
            Unerfuellt: () => Angefragt(b, widerrufen: true))),
    ];

    private static readonly Dictionary<string, Bedingungsfall> Faelle = AlleFaelle.ToDictionary(f => f.Bedingung.Name, StringComparer.Ordinal);

    public static TheoryData<string> AlleBedingungen() => new(Faelle.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(AlleBedingungen))]
    public void Feuern_WhenExactlyThisGuardIsUnmet_IsRefusedWithItsGermanReasonOnly(string bedingung)
    {
        var fall = Faelle[bedingung];
        var f = fall.Unerfuellt();
        var id = UeberleitungId(f, fall.Spur);
        var zustand = f.Zustand(fall.Spur, id);
        var ereignisse = f.NeueEreignisse.Count;

        var schritt = f.Schrittstand(fall.Spur, fall.Trigger, fall.DatumUnerfuellt, id).ShouldNotBeNull();
        schritt.Moeglich.ShouldBeFalse();
        schritt.Gruende.ShouldContain(fall.Bedingung.Beschreibung);

        var ex = Should.Throw<SchrittNichtMoeglichException>(() => f.Feuern(fall.Spur, fall.Trigger, fall.Parameter, Rahmen(fall.DatumUnerfuellt), id));

        ex.Gruende.ShouldBe([fall.Bedingung.Beschreibung]);
        ex.Message.ShouldBe($"Der Schritt „{fall.Trigger}“ ist derzeit nicht möglich: {fall.Bedingung.Beschreibung}");
        f.Zustand(fall.Spur, id).ShouldBe(zustand);
        f.NeueEreignisse.Count.ShouldBe(ereignisse);
    }

    [Theory]
    [MemberData(nameof(AlleBedingungen))]
    public void Feuern_WhenTheGuardIsMet_TakesTheStep(string bedingung)
    {
        var fall = Faelle[bedingung];
        var f = fall.Erfuellt();
        var id = UeberleitungId(f, fall.Spur);
        var von = f.Zustand(fall.Spur, id);

        var schritt = f.Schrittstand(fall.Spur, fall.Trigger, fall.DatumErfuellt, id).ShouldNotBeNull();
        schritt.Moeglich.ShouldBeTrue(string.Join(" ", schritt.Gruende));
        schritt.Gruende.ShouldBeEmpty();

        f.Feuern(fall.Spur, fall.Trigger, fall.Parameter, Rahmen(fall.DatumErfuellt), id);

        f.Zustand(fall.Spur, id).ShouldBe(fall.Ziel);
        f.NeueEreignisse.ShouldContain(e => e.Spur == fall.Spur && e.Trigger == fall.Trigger && e.VonZustand == von && e.NachZustand == fall.Ziel && e.FachlichesDatum == fall.DatumErfuellt);
    }

    [Fact]
    public void Bedingungen_WhenListedByReflection_EachHasAGuardCase()
    {
        var oeffentlich = typeof(Bedingungen).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Bedingung))
            .Select(f => ((Bedingung)f.GetValue(null)!).Name);
        var einwilligungen = Enum.GetValues<Behoerde>().Select(b => Bedingungen.EinwilligungFuer(b).Name);

        Faelle.Keys.ShouldBe(oeffentlich.Concat(einwilligungen), ignoreOrder: true);
    }

    [Fact]
    public void Bedingungen_WhenDescribed_AreDistinctGermanSentences()
    {
        var alle = Faelle.Values.Select(f => f.Bedingung.Beschreibung).ToList();

        alle.ShouldBeUnique();
        alle.ShouldAllBe(b => b.Length > 20 && b.EndsWith('.'));
    }

    private static Fall Im(FallBuilder builder, Spur spur, string zustand)
    {
        var fall = builder.Bauen();
        fall.ZustandSetzenFuerTest(spur, zustand, ZustandSeit);
        return fall;
    }

    private static Fall Geduldet(FallBuilder builder, DateOnly? geduldetSeit = null)
    {
        var fall = builder.Bauen();
        fall.ZustandSetzenFuerTest(Spur.Aufenthalt, nameof(AufenthaltZustand.Duldung), ZustandSeit);
        fall.Aufenthalt.GeduldetSeit = geduldetSeit ?? D(2023, 6, 1);
        fall.Aufenthalt.RechtmaessigSeit = null;
        return fall;
    }

    private static Fall Planung(FallBuilder builder)
    {
        var fall = builder.Bauen();
        fall.ZustandSetzenFuerTest(Spur.Bildung, nameof(BildungZustand.SprachstandFestgestellt), ZustandSeit);
        return fall;
    }

    /// <summary>Tolerated since 2022, granted § 104c on <paramref name="erteilt"/> (the 18-month clock starts then).</summary>
    private static Fall MitChancenaufenthaltsrechtSeit(DateOnly erteilt) =>
        FallBuilder.AllesErfuellt()
            .MitAufenthalt(AufenthaltZustand.Duldung, D(2022, 1, 10))
            .Mit(f => f.Feuern(Spur.Aufenthalt, "ChancenaufenthaltsrechtErteilen", P((ParameterNamen.GueltigBis, erteilt.AddMonths(18).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), Rahmen(erteilt)))
            .Bauen();

    /// <summary>Entered in June 2022 and has held the permit since September 2022: four years of lawful residence by today.</summary>
    private static FallBuilder ErstSeit2022(FallBuilder builder) =>
        builder.MitEinreise(D(2022, 6, 1)).MitAufenthalt(AufenthaltZustand.AufenthaltserlaubnisSchutz, D(2022, 9, 1), Schutzform.Fluechtlingseigenschaft, D(2027, 12, 31));

    private static Fall Angefragt(Behoerde behoerde, bool widerrufen) =>
        FallBuilder.AllesErfuellt()
            .Mit(f =>
            {
                f.UeberleitungAnfragen(Guid.NewGuid(), behoerde, "Abstimmung der nächsten Schritte", Rahmen(D(2026, 11, 2)));
                if (widerrufen)
                {
                    f.EinwilligungWiderrufen(f.Einwilligungen.Single(e => e.Empfaenger == behoerde.AlsEmpfaenger()).Id, Akteur, Jetzt);
                }
            })
            .Bauen();

    private static Guid? UeberleitungId(Fall fall, Spur spur) => spur == Spur.Ueberleitung ? fall.Ueberleitungen.Single().Id : null;
}

/// <summary>A guard, the step it guards, and two Falls: one with exactly that guard unmet, one with it met.</summary>
public sealed class Bedingungsfall(
    Bedingung bedingung,
    Spur spur,
    string trigger,
    string ziel,
    Func<Fall> Erfuellt,
    Func<Fall> Unerfuellt,
    Dictionary<string, string?>? Parameter = null,
    DateOnly? DatumErfuellt = null,
    DateOnly? DatumUnerfuellt = null)
{
    public Bedingung Bedingung { get; } = bedingung;

    public Spur Spur { get; } = spur;

    public string Trigger { get; } = trigger;

    /// <summary>The state the step leads to when the guard is met.</summary>
    public string Ziel { get; } = ziel;

    public Func<Fall> Erfuellt { get; } = Erfuellt;

    public Func<Fall> Unerfuellt { get; } = Unerfuellt;

    public Dictionary<string, string?> Parameter { get; } = Parameter ?? Uebergaenge.GueltigeParameter.Fuer(spur, trigger);

    public DateOnly DatumErfuellt { get; } = DatumErfuellt ?? Testzeit.Heute;

    public DateOnly DatumUnerfuellt { get; } = DatumUnerfuellt ?? Testzeit.Heute;
}
