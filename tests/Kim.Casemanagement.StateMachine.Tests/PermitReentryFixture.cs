namespace Kim.Casemanagement.StateMachine.Tests;

public class PermitReentryFixture
{
    [Fact]
    public void Fire_WhenReentryIsPermitted_RunsExitThenEntryAndStaysInTheState()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntry(() => log.Add("enter A"))
            .OnExit(() => log.Add("exit A"))
            .PermitReentry(Trigger.X);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
        log.ShouldBe(["exit A", "enter A"]);
    }

    [Fact]
    public void Fire_WhenReentryIsPermitted_RaisesTransitionEventsWithSourceEqualToDestination()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntry(() => log.Add("enter A"))
            .OnExit(() => log.Add("exit A"))
            .PermitReentry(Trigger.X);
        sm.OnTransitioned(t => log.Add($"transitioned {t.Source}->{t.Destination} reentry={t.IsReentry}"));
        sm.OnTransitionCompleted(t => log.Add($"completed {t.Source}->{t.Destination}"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["exit A", "transitioned A->A reentry=True", "enter A", "completed A->A"]);
    }

    [Fact]
    public void Fire_WhenReentryTriggerHasOnEntryFrom_RunsIt()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntryFrom(Trigger.X, t => log.Add($"entered A from {t.Trigger}"))
            .PermitReentry(Trigger.X);

        sm.Fire(Trigger.X);

        log.ShouldBe(["entered A from X"]);
    }

    [Fact]
    public void Fire_WhenSubstateReenters_DoesNotExitOrEnterTheSuperstate()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B)
            .OnEntry(() => log.Add("enter B"))
            .OnExit(() => log.Add("exit B"));
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnEntry(() => log.Add("enter C"))
            .OnExit(() => log.Add("exit C"))
            .PermitReentry(Trigger.X);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe(["exit C", "enter C"]);
    }

    [Fact]
    public void Fire_WhenReentryIsConfiguredOnTheSuperstate_LeavesTheSubstateAndReentersTheSuperstate()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B)
            .OnEntry(() => log.Add("enter B"))
            .OnExit(() => log.Add("exit B"))
            .PermitReentry(Trigger.X);
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnEntry(() => log.Add("enter C"))
            .OnExit(() => log.Add("exit C"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.B);
        log.ShouldBe(["exit C", "exit B", "enter B"]);
    }

    [Fact]
    public void Fire_WhenReenteredSuperstateHasAnInitialTransition_EndsInTheInitialSubstateAgain()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.D);
        sm.Configure(State.B)
            .OnEntry(() => log.Add("enter B"))
            .OnExit(() => log.Add("exit B"))
            .InitialTransition(State.C)
            .PermitReentry(Trigger.X);
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C"));
        sm.Configure(State.D).SubstateOf(State.B).OnExit(() => log.Add("exit D"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe(["exit D", "exit B", "enter B", "enter C"]);
    }

    [Fact]
    public void Fire_WhenPermitReentryIfGuardIsTrue_ReentersTheState()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntry(() => log.Add("enter A"))
            .OnExit(() => log.Add("exit A"))
            .PermitReentryIf(Trigger.X, () => true, "may restart");

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
        log.ShouldBe(["exit A", "enter A"]);
    }

    [Fact]
    public void Fire_WhenPermitReentryIfGuardIsFalse_ThrowsWithTheGuardDescriptionAndRunsNoActions()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntry(() => log.Add("enter A"))
            .OnExit(() => log.Add("exit A"))
            .PermitReentryIf(Trigger.X, () => false, "may restart");

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.UnmetGuards.ShouldBe(["may restart"]);
        log.ShouldBeEmpty();
    }

    [Fact]
    public void Fire_WhenParameterisedPermitReentryIfGuardSeesTheArgument_ReentersOnlyWhenItHolds()
    {
        var entered = new List<int>();
        var sm = new StateMachine<State, Trigger>(State.A);
        var retry = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A)
            .OnEntryFrom(retry, (attempt, _) => entered.Add(attempt))
            .PermitReentryIf(retry, (attempt => attempt <= 3, "at most three attempts"));

        sm.Fire(retry, 3);
        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(retry, 4));

        entered.ShouldBe([3]);
        ex.UnmetGuards.ShouldBe(["at most three attempts"]);
    }
}
