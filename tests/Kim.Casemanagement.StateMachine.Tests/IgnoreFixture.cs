namespace Kim.Casemanagement.StateMachine.Tests;

public class IgnoreFixture
{
    [Fact]
    public void Fire_WhenTriggerIsIgnored_KeepsTheStateAndRunsNoActions()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntry(() => log.Add("enter A"))
            .OnExit(() => log.Add("exit A"))
            .Ignore(Trigger.X);
        sm.OnTransitioned(_ => log.Add("transitioned"));
        sm.OnTransitionCompleted(_ => log.Add("completed"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
        log.ShouldBeEmpty();
    }

    [Fact]
    public void Fire_WhenIgnoreIfGuardIsTrue_IgnoresTheTrigger()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).IgnoreIf(Trigger.X, () => true, "duplicate");

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenIgnoreIfGuardIsFalse_ThrowsWithTheGuardDescription()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).IgnoreIf(Trigger.X, () => false, "duplicate");

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.UnmetGuards.ShouldBe(["duplicate"]);
    }

    [Fact]
    public void Fire_WhenIgnoreIfGuardIsFalseAndAnotherTransitionIsMet_TakesTheOtherTransition()
    {
        var duplicate = false;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .IgnoreIf(Trigger.X, () => duplicate, "duplicate")
            .PermitIf(Trigger.X, State.B, () => !duplicate, "new");

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.B);
    }

    [Fact]
    public void Fire_WhenSubstateIgnoresATriggerTheSuperstatePermits_StaysInTheSubstate()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B).Ignore(Trigger.X);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
    }

    [Fact]
    public void PermittedTriggers_WhenTriggerIsIgnored_DoesNotListIt()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .Ignore(Trigger.X)
            .IgnoreIf(Trigger.Y, () => true, "duplicate")
            .Permit(Trigger.Z, State.B);

        sm.PermittedTriggers.ShouldBe([Trigger.Z]);
    }

    [Fact]
    public void CanFire_WhenTriggerIsIgnored_ReturnsTrueBecauseFiringIsAccepted()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Ignore(Trigger.X);

        sm.CanFire(Trigger.X, out var unmetGuards).ShouldBeTrue();
        unmetGuards.ShouldBeEmpty();
    }
}
