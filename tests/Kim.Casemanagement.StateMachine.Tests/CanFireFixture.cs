namespace Kim.Casemanagement.StateMachine.Tests;

public class CanFireFixture
{
    [Fact]
    public void CanFire_WhenTriggerIsPermitted_ReturnsTrueWithNoUnmetGuards()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        sm.CanFire(Trigger.X).ShouldBeTrue();
        sm.CanFire(Trigger.X, out var unmetGuards).ShouldBeTrue();
        unmetGuards.ShouldBeEmpty();
    }

    [Fact]
    public void CanFire_WhenTriggerIsUnknownInTheState_ReturnsFalseWithAnEmptyList()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        sm.CanFire(Trigger.Y).ShouldBeFalse();
        sm.CanFire(Trigger.Y, out var unmetGuards).ShouldBeFalse();
        unmetGuards.ShouldNotBeNull();
        unmetGuards.ShouldBeEmpty();
    }

    [Fact]
    public void CanFire_WhenGuardIsUnmet_ReturnsFalseWithTheGuardDescriptions()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => false, "approved");

        sm.CanFire(Trigger.X).ShouldBeFalse();
        sm.CanFire(Trigger.X, out var unmetGuards).ShouldBeFalse();
        unmetGuards.ShouldBe(["approved"]);
    }

    [Fact]
    public void CanFire_WhenOnlyTheSuperstatePermitsTheTrigger_ReturnsTrue()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B);

        sm.CanFire(Trigger.X).ShouldBeTrue();
    }

    [Fact]
    public void CanFire_WhenAsked_DoesNotChangeTheStateOrRunActions()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnExit(() => log.Add("exit A")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B"));
        sm.OnTransitioned(_ => log.Add("transitioned"));

        sm.CanFire(Trigger.X).ShouldBeTrue();

        sm.State.ShouldBe(State.A);
        log.ShouldBeEmpty();
    }

    [Fact]
    public void CanFire_WhenGuardStateChanges_ReflectsTheCurrentGuardValue()
    {
        var approved = false;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => approved, "approved");

        var before = sm.CanFire(Trigger.X);
        approved = true;
        var after = sm.CanFire(Trigger.X);

        before.ShouldBeFalse();
        after.ShouldBeTrue();
    }
}
