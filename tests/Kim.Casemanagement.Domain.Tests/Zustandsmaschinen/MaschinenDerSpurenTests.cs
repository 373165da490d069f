using System.Text.RegularExpressions;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Tests.Support;

namespace Kim.Casemanagement.Domain.Tests.Zustandsmaschinen;

/// <summary>Rules for the tracks' machines and the track registry (issue 16, ADR 0005).</summary>
public partial class MaschinenDerSpurenTests
{
    public static TheoryData<Spur> AlleSpuren() => new(Enum.GetValues<Spur>());

    [Fact]
    public void Register_WhenListed_HasExactlyOneEntryPerTrackInTheOrderOfTheEnum()
    {
        Spurregister.Alle.Select(d => d.Spur).ShouldBe(Enum.GetValues<Spur>());
    }

    [Theory]
    [MemberData(nameof(AlleSpuren))]
    public void Maschine_WhenDescribed_ConfiguresEveryStateOfItsEnum(Spur spur)
    {
        var (zustaende, _) = FallAnsicht.EnumNamen(spur);

        Fall.Beschreibung(spur).Zustaende.Select(z => z.Name).ShouldBe(zustaende, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(AlleSpuren))]
    public void Maschine_WhenAStateAndOneOfItsSuperstatesAreCompared_NeverConfigureTheSameTrigger(Spur spur)
    {
        // Stateless would report the superstate's reasons for such a trigger (see StatelessVertragTests).
        foreach (var zustand in Fall.Beschreibung(spur).Zustaende)
        {
            foreach (var ober in zustand.Oberzustaende)
            {
                zustand.EigeneTrigger.Intersect(ober.EigeneTrigger).ShouldBeEmpty($"{spur}: {zustand.Name} und sein Oberzustand {ober.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AlleSpuren))]
    public void Maschine_WhenASuperstatePermitsAStep_NeverLeadsIntoItsOwnSubstate(Spur spur)
    {
        // Stateless would say the step can fire and then do nothing (see StatelessVertragTests).
        foreach (var zustand in Fall.Beschreibung(spur).Zustaende.Where(z => z.Unterzustaende.Count > 0))
        {
            zustand.Kanten.Where(k => !k.Intern).ShouldAllBe(k => !k.Ziel.IstIn(zustand), $"{spur}: {zustand.Name}");
        }
    }

    [Fact]
    public void Quellcode_OutsideTheLayer_NeverConfiguresAnInternalTransitionDirectly()
    {
        var verstoesse = Quellen.CSharpDateien()
            .Where(d => !d.Pfad.StartsWith("src/Kim.Casemanagement.Domain/Zustandsmaschinen/", StringComparison.Ordinal))
            .Where(d => d.Text.Contains(".InternalTransition", StringComparison.Ordinal))
            .Select(d => d.Pfad)
            .ToList();

        verstoesse.ShouldBeEmpty("Interne Schritte nur über Zustandsmaschine.Intern (sonst fehlt ihr Ereignis).");
    }

    [Fact]
    public void Quellcode_OutsideTheTracks_ListsNoTwoProcessStatesAsLiterals()
    {
        // A list of process states in SQL ('Abschluss', 'Abbruch') or code ("Ruhend" or "Abschluss") belongs in the registry.
        var namen = Spurregister.Prozess.Zustaende.Select(Regex.Escape).ToArray();
        var muster = new Regex($"""['"]({string.Join('|', namen)})['"]\s*(,|or|\|\|)\s*\(?\s*['"]({string.Join('|', namen)})['"]""", RegexOptions.CultureInvariant);
        var verstoesse = Quellen.CSharpDateien()
            .Where(d => !d.Pfad.StartsWith("src/Kim.Casemanagement.Domain/Faelle/", StringComparison.Ordinal))

            // The default ideal flows are the board's configuration (a path of states and its waiting states), not a state set of the machine.
            .Where(d => d.Pfad != "src/Kim.Casemanagement.Application/Analysen/AnalysenStandards.cs")
            .SelectMany(d => muster.Matches(d.Text).Where(m => m.Groups[1].Value != m.Groups[3].Value).Select(m => $"{d.Pfad}: {m.Value}"))
            .ToList();

        verstoesse.ShouldBeEmpty();
    }

    [Fact]
    public void Prozess_WhenItsStateSetsAreDerived_FollowTheSuperstatesOffenAndTheRestingState()
    {
        var p = Spurregister.Prozess;

        p.BeendeteZustaende.ShouldBe(["Verweisung", "Abschluss", "Abbruch"], ignoreOrder: true);
        p.PausierteZustaende.ShouldBe(["Ruhend"]);
        p.OffeneZustaende.ShouldBe(["Anfrage", "Klaerung", "Assessment", "Hilfeplanung", "Umsetzung", "Monitoring", "Evaluation", "Ruhend", "Wiederaufnahme"], ignoreOrder: true);
        p.LaufendeZustaende.ShouldBe(p.OffeneZustaende.Except(["Ruhend"]), ignoreOrder: true);
        p.Blaetter.ShouldBe(p.OffeneZustaende.Concat(p.BeendeteZustaende), ignoreOrder: true);
        p.MitUnterzustaenden("Aktiv").ShouldBe(["Aktiv", "Assessment", "Hilfeplanung", "Umsetzung", "Monitoring", "Evaluation"], ignoreOrder: true);
    }

    [Fact]
    public void SpurenOhneOffenenOberzustand_WhenTheirStateSetsAreDerived_TreatLeavesWithoutAStepOutAsEnded()
    {
        Spurregister.Von(Spur.Aufenthalt).BeendeteZustaende.ShouldBe(["Eingebuergert", "Ausgereist"], ignoreOrder: true);
        Spurregister.Von(Spur.Ueberleitung).BeendeteZustaende.ShouldBe(["Abgelehnt", "Erledigt", "Zurueckgezogen"], ignoreOrder: true);
        Spurregister.Von(Spur.Ueberleitung).OffeneZustaende.ShouldBe(["Entwurf", "Angefragt", "Angenommen"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(AlleSpuren))]
    public void Register_WhenAskedForAnAuthority_NamesTheTrackItOwns(Spur spur)
    {
        var definition = Spurregister.Von(spur);

        definition.Bezeichnung.ShouldBe(spur.Bezeichnung());
        if (definition.ZustaendigeBehoerde is { } behoerde)
        {
            behoerde.AlsSpur().ShouldBe(spur);
        }
    }

    [Fact]
    public void Register_WhenAskedForAnUnknownTrack_RefusesWithAGermanMessage()
    {
        var fehler = Should.Throw<DomainException>(() => Spurregister.Von((Spur)99));

        fehler.Message.ShouldBe("Unbekannte Spur.");
    }

    [Fact]
    public void Beschreibung_WhenAskedTwice_IsTheSameInstance()
    {
        Fall.Beschreibung(Spur.Bildung).ShouldBeSameAs(Fall.Beschreibung(Spur.Bildung));
    }
}
