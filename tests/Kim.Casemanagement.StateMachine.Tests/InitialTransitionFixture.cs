namespace Kim.Casemanagement.StateMachine.Tests;

public class InitialTransitionFixture
{
    [Fact]
    public void Fire_WhenDestinationHasAnInitialTransition_EndsInTheTargetSubstate()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).InitialTransition(State.C);
        sm.Configure(State.C).SubstateOf(State.B);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        sm.IsInState(State.B).ShouldBeTrue();
    }

    [Fact]
    public void Fire_WhenDestinationHasAnInitialTransition_RunsSuperstateEntryThenSubstateEntry()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnExit(() => log.Add("exit A")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B")).InitialTransition(State.C);
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C"));
        sm.Configure(State.D).SubstateOf(State.B).OnEntry(() => log.Add("enter D"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["exit A", "enter B", "enter C"]);
    }

    [Fact]
    public void Fire_WhenInitialTransitionsAreNested_FollowsThemToTheInnermostState()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B")).InitialTransition(State.C);
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C")).InitialTransition(State.D);
        sm.Configure(State.D).SubstateOf(State.C).OnEntry(() => log.Add("enter D"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.D);
        log.ShouldBe(["enter B", "enter C", "enter D"]);
    }

    [Fact]
    public void Fire_WhenDestinationHasAnInitialTransition_RaisesOnTransitionedForEachStep()
    {
        var transitions = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).InitialTransition(State.C);
        sm.Configure(State.C).SubstateOf(State.B);
        sm.OnTransitioned(t => transitions.Add($"{t.Source}->{t.Destination} by {t.Trigger} initial={t.IsInitial}"));

        sm.Fire(Trigger.X);

        transitions.ShouldBe(["A->B by X initial=False", "B->C by X initial=True"]);
    }

    [Fact]
    public void Fire_WhenTargetSubstateHasOnEntryFromTheFiredTrigger_RunsIt()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).InitialTransition(State.C);
        sm.Configure(State.C).SubstateOf(State.B).OnEntryFrom(Trigger.X, _ => log.Add("enter C from X"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["enter C from X"]);
    }

    [Fact]
    public void Fire_WhenEnteringASiblingDirectly_DoesNotFollowTheInitialTransition()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.D);
        sm.Configure(State.B).InitialTransition(State.C);
        sm.Configure(State.C).SubstateOf(State.B);
        sm.Configure(State.D).SubstateOf(State.B);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.D);
    }

    [Fact]
    public void Fire_WhenMovingFromASubstateToItsSuperstate_ReentersTheInitialSubstate()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.D);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B")).InitialTransition(State.C);
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C"));
        sm.Configure(State.D).SubstateOf(State.B).OnExit(() => log.Add("exit D")).Permit(Trigger.X, State.B);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe(["exit D", "enter C"]);
    }

    [Fact]
    public void Fire_WhenInitialTransitionTargetIsNotASubstate_ThrowsInvalidOperationException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).InitialTransition(State.C);

        var ex = Should.Throw<InvalidOperationException>(() => sm.Fire(Trigger.X));

        ex.Message.ShouldContain("not one of its substates");
    }

    [Fact]
    public void InitialTransition_WhenConfiguredTwice_ThrowsInvalidOperationException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.B).InitialTransition(State.C);

        var ex = Should.Throw<InvalidOperationException>(() => sm.Configure(State.B).InitialTransition(State.D));

        ex.Message.ShouldContain("already has an initial transition");
    }

    [Fact]
    public void InitialTransition_WhenTargetIsTheStateItself_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        var ex = Should.Throw<ArgumentException>(() => sm.Configure(State.B).InitialTransition(State.B));

        ex.ParamName.ShouldBe("target");
    }
}
