namespace Kim.Casemanagement.StateMachine.Tests;

public class SubstateFixture
{
    [Fact]
    public void IsInState_WhenInSubstate_ReturnsTrueForTheSubstateAndItsSuperstate()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.C).SubstateOf(State.B);

        sm.IsInState(State.C).ShouldBeTrue();
        sm.IsInState(State.B).ShouldBeTrue();
        sm.IsInState(State.A).ShouldBeFalse();
    }

    [Fact]
    public void IsInState_WhenInNestedSubstate_ReturnsTrueForEverySuperstateTransitively()
    {
        var sm = new StateMachine<State, Trigger>(State.D);
        sm.Configure(State.C).SubstateOf(State.B);
        sm.Configure(State.D).SubstateOf(State.C);
        sm.Configure(State.B).SubstateOf(State.A);

        sm.IsInState(State.D).ShouldBeTrue();
        sm.IsInState(State.C).ShouldBeTrue();
        sm.IsInState(State.B).ShouldBeTrue();
        sm.IsInState(State.A).ShouldBeTrue();
    }

    [Fact]
    public void IsInState_WhenInSuperstate_ReturnsFalseForItsSubstate()
    {
        var sm = new StateMachine<State, Trigger>(State.B);
        sm.Configure(State.C).SubstateOf(State.B);

        sm.IsInState(State.B).ShouldBeTrue();
        sm.IsInState(State.C).ShouldBeFalse();
    }

    [Fact]
    public void Fire_WhenTriggerIsConfiguredOnlyOnTheSuperstate_TransitionsFromTheSubstate()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenTriggerIsConfiguredOnAGrandSuperstate_TransitionsFromTheNestedSubstate()
    {
        var sm = new StateMachine<State, Trigger>(State.D);
        sm.Configure(State.B).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B);
        sm.Configure(State.D).SubstateOf(State.C);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenSubstateAndSuperstateHandleTheSameTrigger_TheSubstateHandlerWins()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B).Permit(Trigger.X, State.D);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.D);
    }

    [Fact]
    public void Fire_WhenSubstateGuardIsUnmet_FallsBackToTheSuperstateHandler()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B).PermitIf(Trigger.X, State.D, () => false, "local");

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenNeitherSubstateNorSuperstateGuardIsMet_ReportsTheSubstateGuard()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).PermitIf(Trigger.X, State.A, () => false, "super");
        sm.Configure(State.C).SubstateOf(State.B).PermitIf(Trigger.X, State.D, () => false, "local");

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.UnmetGuards.ShouldBe(["local"]);
    }

    [Fact]
    public void Fire_WhenOnlyTheSuperstateGuardIsUnmet_ReportsTheSuperstateGuard()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).PermitIf(Trigger.X, State.A, () => false, "super");
        sm.Configure(State.C).SubstateOf(State.B);

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.State.ShouldBe(State.C);
        ex.UnmetGuards.ShouldBe(["super"]);
    }

    [Fact]
    public void Fire_BetweenSiblingSubstates_DoesNotExitOrEnterTheSuperstate()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B)
            .OnEntry(() => log.Add("enter B"))
            .OnExit(() => log.Add("exit B"));
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnExit(() => log.Add("exit C"))
            .Permit(Trigger.X, State.D);
        sm.Configure(State.D)
            .SubstateOf(State.B)
            .OnEntry(() => log.Add("enter D"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.D);
        log.ShouldBe(["exit C", "enter D"]);
    }

    [Fact]
    public void Fire_WhenLeavingTheSuperstateFromASubstate_RunsSubstateExitThenSuperstateExit()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.A).OnEntry(() => log.Add("enter A"));
        sm.Configure(State.B)
            .OnExit(() => log.Add("exit B"))
            .Permit(Trigger.X, State.A);
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnExit(() => log.Add("exit C"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["exit C", "exit B", "enter A"]);
    }

    [Fact]
    public void Fire_WhenLeavingANestedSubstate_ExitsFromTheInnermostStateOutwards()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.D);
        sm.Configure(State.B).OnExit(() => log.Add("exit B")).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B).OnExit(() => log.Add("exit C"));
        sm.Configure(State.D).SubstateOf(State.C).OnExit(() => log.Add("exit D"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["exit D", "exit C", "exit B"]);
    }

    [Fact]
    public void Fire_WhenEnteringASubstateFromOutside_RunsSuperstateEntryThenSubstateEntry()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnExit(() => log.Add("exit A"))
            .Permit(Trigger.X, State.C);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B"));
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnEntry(() => log.Add("enter C"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe(["exit A", "enter B", "enter C"]);
    }

    [Fact]
    public void Fire_WhenEnteringANestedSubstateFromOutside_EntersFromTheOutermostStateInwards()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.D);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B"));
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C"));
        sm.Configure(State.D).SubstateOf(State.C).OnEntry(() => log.Add("enter D"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["enter B", "enter C", "enter D"]);
    }

    [Fact]
    public void Fire_WhenMovingFromTheSuperstateIntoItsSubstate_RunsOnlyTheSubstateEntry()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.B);
        sm.Configure(State.B)
            .OnEntry(() => log.Add("enter B"))
            .OnExit(() => log.Add("exit B"))
            .Permit(Trigger.X, State.C);
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnEntry(() => log.Add("enter C"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe(["enter C"]);
    }

    [Fact]
    public void Fire_WhenMovingFromASubstateToItsSuperstate_RunsOnlyTheSubstateExit()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B)
            .OnEntry(() => log.Add("enter B"))
            .OnExit(() => log.Add("exit B"));
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnExit(() => log.Add("exit C"))
            .Permit(Trigger.X, State.B);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.B);
        log.ShouldBe(["exit C"]);
    }

    [Fact]
    public void Fire_WhenMovingBetweenCousinsUnderACommonSuperstate_ExitsAndEntersOnlyBelowIt()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.D);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B")).OnExit(() => log.Add("exit B"));
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C")).OnExit(() => log.Add("exit C"));
        sm.Configure(State.D).SubstateOf(State.C).OnExit(() => log.Add("exit D")).Permit(Trigger.X, State.A);
        sm.Configure(State.A).SubstateOf(State.B).OnEntry(() => log.Add("enter A"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
        log.ShouldBe(["exit D", "exit C", "enter A"]);
    }

    [Fact]
    public void SubstateOf_WhenStateIsItsOwnSuperstate_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        var ex = Should.Throw<ArgumentException>(() => sm.Configure(State.A).SubstateOf(State.A));

        ex.ParamName.ShouldBe("superstate");
    }

    [Fact]
    public void SubstateOf_WhenItWouldCloseADirectCycle_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.B).SubstateOf(State.A);

        var ex = Should.Throw<ArgumentException>(() => sm.Configure(State.A).SubstateOf(State.B));

        ex.Message.ShouldContain("cycle");
        sm.GetInfo().States.Single(s => State.A.Equals(s.UnderlyingState)).Superstate.ShouldBeNull();
    }

    [Fact]
    public void SubstateOf_WhenItWouldCloseAnIndirectCycle_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.B).SubstateOf(State.A);
        sm.Configure(State.C).SubstateOf(State.B);

        var ex = Should.Throw<ArgumentException>(() => sm.Configure(State.A).SubstateOf(State.C));

        ex.Message.ShouldContain("cycle");
    }

    [Fact]
    public void SubstateOf_WhenStateAlreadyHasAnotherSuperstate_ThrowsInvalidOperationException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.C).SubstateOf(State.B);

        var ex = Should.Throw<InvalidOperationException>(() => sm.Configure(State.C).SubstateOf(State.A));

        ex.Message.ShouldContain("already is a substate of 'B'");
        sm.GetInfo().States.Single(s => State.C.Equals(s.UnderlyingState)).Superstate!.UnderlyingState.ShouldBe(State.B);
    }
}
