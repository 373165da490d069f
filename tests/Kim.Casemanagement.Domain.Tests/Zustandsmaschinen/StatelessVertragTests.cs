using Kim.Casemanagement.Domain.Zustandsmaschinen;
using Stateless;

namespace Kim.Casemanagement.Domain.Tests.Zustandsmaschinen;

/// <summary>
/// Contract tests: each pins one way in which Stateless 5.20.1 differs from what the product needs (issue 16, ADR 0005),
/// first on a bare Stateless machine (so that an upgrade that changes the behaviour is noticed here) and then on the
/// project's layer <see cref="Zustandsmaschine{TState, TTrigger, TArg}"/>, which handles it.
/// </summary>
public class StatelessVertragTests
{
    public enum Z
    {
        Start,
        Ober,
        Unter,
        Ende,
        NieKonfiguriert,
    }

    public enum T
    {
        Weiter,
        Intern,
        Unbekannt,
    }

    // 1. Internal transitions.

    [Fact]
    public void Stateless_WhenAnInternalTransitionFires_DoesNotRaiseOnTransitioned()
    {
        var zustand = Z.Start;
        var m = new StateMachine<Z, T>(() => zustand, z => zustand = z);
        var trigger = m.SetTriggerParameters<string>(T.Intern);
        var gesehen = new List<StateMachine<Z, T>.Transition>();
        var aktionen = 0;
        m.OnTransitioned(gesehen.Add);
        m.Configure(Z.Start).InternalTransition(trigger, (_, _) => aktionen++);

        m.Fire(trigger, "x");

        aktionen.ShouldBe(1);
        gesehen.ShouldBeEmpty();
    }

    [Fact]
    public void Layer_WhenAnInternalStepFires_RunsTheActionThenReportsATransitionToTheSameState()
    {
        var zustand = Z.Start;
        var m = new Zustandsmaschine<Z, T, string>(() => zustand, z => zustand = z);
        var reihenfolge = new List<string>();
        m.BeiUebergang(t => reihenfolge.Add($"{t.Source}->{t.Destination}:{t.Trigger}:{t.Parameters[0]}:{t.IsReentry}"));
        m.Intern(Z.Start, T.Intern, arg => reihenfolge.Add("aktion:" + arg));

        m.Feuern(T.Intern, "x");

        zustand.ShouldBe(Z.Start);
        reihenfolge.ShouldBe(["aktion:x", "Start->Start:Intern:x:True"]);
    }

    [Fact]
    public void Layer_WhenAnExternalStepFires_ReportsItOnceAfterExitAndBeforeEntry()
    {
        var zustand = Z.Start;
        var m = new Zustandsmaschine<Z, T, string>(() => zustand, z => zustand = z);
        var reihenfolge = new List<string>();
        m.BeiUebergang(t => reihenfolge.Add($"uebergang:{t.Source}->{t.Destination}"));
        m.Konfigurieren(Z.Start).OnExit(() => reihenfolge.Add("exit"));
        m.Konfigurieren(Z.Ende).OnEntry(() => reihenfolge.Add("entry"));
        m.Erlaube(Z.Start, T.Weiter, Z.Ende, []);

        m.Feuern(T.Weiter, "x");

        reihenfolge.ShouldBe(["exit", "uebergang:Start->Ende", "entry"]);
    }

    // 2. Reasons for a trigger the state does not know.

    [Fact]
    public void Stateless_WhenAskedAboutATriggerTheStateDoesNotKnow_GivesNullReasons()
    {
        var zustand = Z.Start;
        var m = new StateMachine<Z, T>(() => zustand, z => zustand = z);
        m.Configure(Z.Start).Permit(T.Weiter, Z.Ende);

        m.CanFire(T.Unbekannt, out var gruende).ShouldBeFalse();
        gruende.ShouldBeNull();
    }

    [Fact]
    public void Layer_WhenAskedAboutATriggerTheStateDoesNotKnow_GivesAnEmptyListOfReasons()
    {
        var zustand = Z.Start;
        var m = new Zustandsmaschine<Z, T, string>(() => zustand, z => zustand = z);
        m.Erlaube(Z.Start, T.Weiter, Z.Ende, []);

        m.KannFeuern(T.Unbekannt, "x", out var gruende).ShouldBeFalse();
        gruende.ShouldNotBeNull();
        gruende.ShouldBeEmpty();
    }

    [Fact]
    public void Layer_WhenAGuardIsUnmet_GivesItsDescription()
    {
        var zustand = Z.Start;
        var m = new Zustandsmaschine<Z, T, string>(() => zustand, z => zustand = z);
        m.Erlaube(Z.Start, T.Weiter, Z.Ende, [(a => a == "ja", "Es muss ja heißen."), (_ => true, "immer erfüllt")]);

        m.KannFeuern(T.Weiter, "nein", out var gruende).ShouldBeFalse();
        gruende.ShouldBe(["Es muss ja heißen."]);
        m.KannFeuern(T.Weiter, "ja", out var keine).ShouldBeTrue();
        keine.ShouldBeEmpty();
    }

    // 3. Guards on a state and its superstate for the same trigger.

    [Fact]
    public void Stateless_WhenStateAndSuperstateGuardTheSameTrigger_ReportsTheSuperstatesReasons()
    {
        var zustand = Z.Unter;
        var m = new StateMachine<Z, T>(() => zustand, z => zustand = z);
        m.Configure(Z.Unter).SubstateOf(Z.Ober).PermitIf(T.Weiter, Z.Ende, () => false, "Grund des Unterzustands");
        m.Configure(Z.Ober).PermitIf(T.Weiter, Z.Ende, () => false, "Grund des Oberzustands");

        m.CanFire(T.Weiter, out var gruende).ShouldBeFalse();
        gruende.ShouldBe(["Grund des Oberzustands"]);
    }

    // 4. A superstate's Permit into the current substate.

    [Fact]
    public void Stateless_WhenASuperstatePermitsIntoTheCurrentSubstate_SaysItCanFireButFiringDoesNothing()
    {
        var zustand = Z.Unter;
        var m = new StateMachine<Z, T>(() => zustand, z => zustand = z);
        var uebergaenge = 0;
        m.OnTransitioned(_ => uebergaenge++);
        m.Configure(Z.Unter).SubstateOf(Z.Ober);
        m.Configure(Z.Ober).Permit(T.Weiter, Z.Unter);

        m.CanFire(T.Weiter).ShouldBeTrue();
        m.Fire(T.Weiter);

        zustand.ShouldBe(Z.Unter);
        uebergaenge.ShouldBe(0);
    }

    // 5. Asking about an unconfigured state.

    [Fact]
    public void Stateless_WhenAskedAboutAnUnconfiguredCurrentState_AddsItToTheMachine()
    {
        var zustand = Z.NieKonfiguriert;
        var m = new StateMachine<Z, T>(() => zustand, z => zustand = z);
        m.Configure(Z.Start).Permit(T.Weiter, Z.Ende);
        m.GetInfo().States.Select(s => (Z)s.UnderlyingState).ShouldNotContain(Z.NieKonfiguriert);

        m.IsInState(Z.Start).ShouldBeFalse();

        m.GetInfo().States.Select(s => (Z)s.UnderlyingState).ShouldContain(Z.NieKonfiguriert);
    }

    [Fact]
    public void Layer_WhenAskedAboutStates_AnswersFromTheDescriptionAndLeavesTheMachineAsConfigured()
    {
        var zustand = Z.Start;
        var m = new Zustandsmaschine<Z, T, string>(() => zustand, z => zustand = z);
        m.Konfigurieren(Z.Unter).SubstateOf(Z.Ober);
        m.Erlaube(Z.Start, T.Weiter, Z.Unter, []);
        var tabelle = new Zustandstabelle<Z, T>(Maschinenbeschreibung.Aus(m.Info()));

        tabelle.IstIn(Z.NieKonfiguriert, Z.Ober).ShouldBeFalse();
        tabelle.IstIn(Z.NieKonfiguriert, Z.NieKonfiguriert).ShouldBeTrue();
        tabelle.IstIn(Z.Unter, Z.Ober).ShouldBeTrue();
        tabelle.BekannteTrigger(Z.NieKonfiguriert).ShouldBeEmpty();

        m.Info().States.Select(s => (Z)s.UnderlyingState).ShouldNotContain(Z.NieKonfiguriert);
    }

    // One configured machine, many entities (ADR 0005): the tracks share one machine per track.

    [Fact]
    public void Layer_WhenOneMachineServesManyEntitiesOnSeveralThreads_KeepsEachEntitysStateAndEvents()
    {
        var kontext = new ThreadLocal<Entitaet?>();
        var m = new Zustandsmaschine<Z, T, string>(() => kontext.Value?.Zustand ?? Z.Start, z => kontext.Value!.Zustand = z);
        m.BeiUebergang(t => kontext.Value!.Protokoll.Add($"{t.Source}>{t.Destination}:{t.Parameters[0]}"));
        m.Erlaube(Z.Start, T.Weiter, Z.Unter, [(a => a[0] == 'e', "gerade Nummer")]);
        m.Erlaube(Z.Unter, T.Weiter, Z.Ende, []);
        m.Intern(Z.Unter, T.Intern, a => kontext.Value!.Protokoll.Add("intern:" + a));
        var entitaeten = Enumerable.Range(0, 2000).Select(i => new Entitaet(i)).ToArray();

        Parallel.ForEach(entitaeten, new ParallelOptions { MaxDegreeOfParallelism = 8 }, e =>
        {
            kontext.Value = e;
            var arg = (e.Nr % 2 == 0 ? "e" : "o") + e.Nr;
            for (var i = 0; i < 3; i++)
            {
                if (m.KannFeuern(T.Weiter, arg, out _))
                {
                    m.Feuern(T.Weiter, arg);
                }

                if (m.KannFeuern(T.Intern, arg, out _))
                {
                    m.Feuern(T.Intern, arg);
                }
            }

            kontext.Value = null;
        });

        foreach (var e in entitaeten)
        {
            var a = (e.Nr % 2 == 0 ? "e" : "o") + e.Nr;
            if (e.Nr % 2 == 0)
            {
                e.Zustand.ShouldBe(Z.Ende);
                e.Protokoll.ShouldBe([$"Start>Unter:{a}", "intern:" + a, $"Unter>Unter:{a}", $"Unter>Ende:{a}"]);
            }
            else
            {
                e.Zustand.ShouldBe(Z.Start);
                e.Protokoll.ShouldBeEmpty();
            }
        }
    }

    // The configured-trigger list Stateless lacks.

    [Fact]
    public void Layer_WhenListingTheTriggersAStateKnows_GivesItsOwnFirstThenItsSuperstates()
    {
        var zustand = Z.Unter;
        var m = new Zustandsmaschine<Z, T, string>(() => zustand, z => zustand = z);
        m.Konfigurieren(Z.Unter).SubstateOf(Z.Ober);
        m.Erlaube(Z.Ober, T.Weiter, Z.Ende, []);
        m.Intern(Z.Unter, T.Intern, _ => { });
        var tabelle = new Zustandstabelle<Z, T>(Maschinenbeschreibung.Aus(m.Info()));

        tabelle.BekannteTrigger(Z.Unter).ShouldBe([T.Intern, T.Weiter]);
        tabelle.BekannteTrigger(Z.Ober).ShouldBe([T.Weiter]);
        tabelle.Oberzustaende(Z.Unter).ShouldBe(["Ober"]);
    }

    [Fact]
    public void Layer_WhenADynamicStepFires_GoesWhereTheArgumentSaysAndListsThePossibleDestinations()
    {
        var zustand = Z.Start;
        var m = new Zustandsmaschine<Z, T, string>(() => zustand, z => zustand = z);
        m.ErlaubeDynamisch(Z.Start, T.Weiter, a => a == "ende" ? Z.Ende : Z.Unter, "je nach Argument", [Z.Ende, Z.Unter]);
        m.Konfigurieren(Z.Ende);
        m.Konfigurieren(Z.Unter);
        var beschreibung = Maschinenbeschreibung.Aus(m.Info());

        beschreibung["Start"].Kanten.Select(k => (k.Trigger, k.Ziel.Name, k.Dynamisch)).ShouldBe([("Weiter", "Ende", true), ("Weiter", "Unter", true)]);
        m.Feuern(T.Weiter, "ende");
        zustand.ShouldBe(Z.Ende);
    }

    private sealed class Entitaet(int nr)
    {
        public int Nr { get; } = nr;

        public Z Zustand { get; set; } = Z.Start;

        public List<string> Protokoll { get; } = [];
    }
}
