namespace Kim.Casemanagement.StateMachine.Tests;

public class InternalTransitionFixture
{
    [Fact]
    public void Fire_WhenInternalTransition_RunsTheActionWithTheTransition()
    {
        var seen = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).InternalTransition(Trigger.X, t => seen.Add($"{t.Source}->{t.Destination} by {t.Trigger}"));

        sm.Fire(Trigger.X);
        sm.Fire(Trigger.X);

        seen.ShouldBe(["A->A by X", "A->A by X"]);
    }

    [Fact]
    public void Fire_WhenInternalTransition_RunsNoExitOrEntryActionsAndKeepsTheState()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntry(() => log.Add("enter A"))
            .OnExit(() => log.Add("exit A"))
            .InternalTransition(Trigger.X, _ => log.Add("internal"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
        log.ShouldBe(["internal"]);
    }

    [Fact]
    public void Fire_WhenInternalTransitionIsOnTheSuperstate_RunsItWithoutLeavingTheSubstate()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B)
            .OnExit(() => log.Add("exit B"))
            .InternalTransition(Trigger.X, t => log.Add($"internal in {t.Source}"));
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnExit(() => log.Add("exit C"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe(["internal in C"]);
    }

    [Fact]
    public void Fire_WhenInternalTransition_RaisesTransitionEventsWithSourceEqualToDestination()
    {
        // Unlike Stateless, this engine reports internal transitions to OnTransitioned/OnTransitionCompleted.
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).InternalTransition(Trigger.X, _ => log.Add("internal"));
        sm.OnTransitioned(t => log.Add($"transitioned {t.Source}->{t.Destination}"));
        sm.OnTransitionCompleted(t => log.Add($"completed {t.Source}->{t.Destination}"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["internal", "transitioned A->A", "completed A->A"]);
    }

    [Fact]
    public void PermittedTriggers_WhenStateHasAnInternalTransition_ListsItsTrigger()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).InternalTransition(Trigger.X, _ => { });

        sm.PermittedTriggers.ShouldBe([Trigger.X]);
        sm.CanFire(Trigger.X).ShouldBeTrue();
    }
}
