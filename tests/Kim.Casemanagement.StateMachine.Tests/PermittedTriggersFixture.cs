namespace Kim.Casemanagement.StateMachine.Tests;

public class PermittedTriggersFixture
{
    [Fact]
    public void PermittedTriggers_WhenSeveralTriggersArePermitted_ListsEachOnce()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .Permit(Trigger.X, State.B)
            .PermitIf(Trigger.Y, State.C, () => true, "open")
            .PermitIf(Trigger.Y, State.D, () => false, "closed");

        sm.PermittedTriggers.ShouldBe([Trigger.X, Trigger.Y], ignoreOrder: true);
    }

    [Fact]
    public void PermittedTriggers_WhenInSubstate_IncludesSuperstateTriggers()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B).Permit(Trigger.Y, State.D);

        sm.PermittedTriggers.ShouldBe([Trigger.X, Trigger.Y], ignoreOrder: true);
    }

    [Fact]
    public void PermittedTriggers_WhenSubstateAndSuperstateHandleTheSameTrigger_ListsItOnce()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).Permit(Trigger.X, State.A);
        sm.Configure(State.C).SubstateOf(State.B).Permit(Trigger.X, State.D);

        sm.PermittedTriggers.ShouldBe([Trigger.X]);
    }

    [Fact]
    public void PermittedTriggers_WhenGuardIsUnmet_ExcludesTheTrigger()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .Permit(Trigger.X, State.B)
            .PermitIf(Trigger.Y, State.C, () => false, "closed");

        sm.PermittedTriggers.ShouldBe([Trigger.X]);
    }

    [Fact]
    public void PermittedTriggers_WhenTriggerIsIgnored_ExcludesIt()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).Ignore(Trigger.Z);
        sm.Configure(State.C).SubstateOf(State.B).Ignore(Trigger.X).Permit(Trigger.Y, State.A);

        sm.PermittedTriggers.ShouldBe([Trigger.Y]);
    }

    [Fact]
    public void PermittedTriggers_WhenStateIsNotConfigured_IsEmpty()
    {
        var sm = new StateMachine<State, Trigger>(State.D);
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        sm.PermittedTriggers.ShouldBeEmpty();
    }

    [Fact]
    public void GetPermittedTriggers_WithArguments_EvaluatesArgumentGuards()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A)
            .PermitIf(x, State.B, amount => amount > 0, "positive amount")
            .Permit(Trigger.Y, State.C);

        sm.GetPermittedTriggers(5).ShouldBe([Trigger.X, Trigger.Y], ignoreOrder: true);
        sm.GetPermittedTriggers(-5).ShouldBe([Trigger.Y]);
    }

    [Fact]
    public void GetPermittedTriggers_WithArgumentsInSubstate_IncludesSuperstateTriggers()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        var x = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.B).PermitIf(x, State.A, amount => amount > 0, "positive amount");
        sm.Configure(State.C).SubstateOf(State.B);

        sm.GetPermittedTriggers(1).ShouldBe([Trigger.X]);
        sm.GetPermittedTriggers(0).ShouldBeEmpty();
    }

    [Fact]
    public void GetConfiguredTriggers_WhenSomeAreBlocked_ListsThemTooButNotIgnoredOnes()
    {
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.B).PermitIf(Trigger.X, State.A, () => false, "closed");
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .Permit(Trigger.Y, State.D)
            .Ignore(Trigger.Z);

        sm.GetConfiguredTriggers().ShouldBe([Trigger.X, Trigger.Y], ignoreOrder: true);
        sm.PermittedTriggers.ShouldBe([Trigger.Y]);
    }

    [Fact]
    public void GetConfiguredTriggers_CombinedWithCanFire_ExplainsWhyAStepIsBlocked()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => false, "documents complete")
            .Permit(Trigger.Y, State.C);

        var blocked = sm.GetConfiguredTriggers()
            .Select(t => (Trigger: t, CanFire: sm.CanFire(t, out var unmet), Unmet: unmet))
            .Where(r => !r.CanFire)
            .ToList();

        blocked.Count.ShouldBe(1);
        blocked[0].Trigger.ShouldBe(Trigger.X);
        blocked[0].Unmet.ShouldBe(["documents complete"]);
    }

    [Fact]
    public void ToString_WhenCalled_ShowsTheStateAndThePermittedTriggers()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B).Permit(Trigger.Y, State.C);

        sm.ToString().ShouldBe("StateMachine { State = A, PermittedTriggers = { X, Y } }");
    }
}
