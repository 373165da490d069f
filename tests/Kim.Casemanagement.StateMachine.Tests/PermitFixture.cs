namespace Kim.Casemanagement.StateMachine.Tests;

public class PermitFixture
{
    [Fact]
    public void Fire_WhenTriggerIsPermitted_MovesToTheDestination()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.B);
    }

    [Fact]
    public void Fire_WhenSeveralTriggersArePermitted_FollowsTheFiredOne()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .Permit(Trigger.X, State.B)
            .Permit(Trigger.Y, State.C);

        sm.Fire(Trigger.Y);

        sm.State.ShouldBe(State.C);
    }

    [Fact]
    public void Fire_WhenCalledRepeatedly_FollowsEachConfiguredStep()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).Permit(Trigger.X, State.C);
        sm.Configure(State.C).Permit(Trigger.X, State.A);

        var visited = new List<State>();
        for (var i = 0; i < 4; i++)
        {
            sm.Fire(Trigger.X);
            visited.Add(sm.State);
        }

        visited.ShouldBe([State.B, State.C, State.A, State.B]);
    }

    [Fact]
    public void Permit_WhenDestinationIsTheConfiguredState_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        var ex = Should.Throw<ArgumentException>(() => sm.Configure(State.A).Permit(Trigger.X, State.A));

        ex.ParamName.ShouldBe("destination");
        ex.Message.ShouldContain("PermitReentry");
    }

    [Fact]
    public void Fire_WhenTriggerIsNotConfigured_ThrowsInvalidTransitionExceptionWithStateTriggerAndNoUnmetGuards()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.Y));

        ex.State.ShouldBe(State.A);
        ex.Trigger.ShouldBe(Trigger.Y);
        ex.UnmetGuards.ShouldBeEmpty();
        ex.IsGuardFailure.ShouldBeFalse();
        ex.Message.ShouldBe("No valid leaving transitions are permitted from state 'A' for trigger 'Y'.");
    }

    [Fact]
    public void Fire_WhenTriggerIsNotConfigured_LeavesStateUnchangedAndRunsNoActions()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnExit(() => log.Add("exit A")).Permit(Trigger.X, State.B);
        sm.OnTransitioned(_ => log.Add("transitioned"));

        Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.Y));

        sm.State.ShouldBe(State.A);
        log.ShouldBeEmpty();
    }

    [Fact]
    public void Fire_WhenStateWasNeverConfigured_ThrowsInvalidTransitionException()
    {
        var sm = new StateMachine<State, Trigger>(State.D);

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.State.ShouldBe(State.D);
        ex.Trigger.ShouldBe(Trigger.X);
    }

    [Fact]
    public void InvalidTransitionException_WhenRaised_IsAnInvalidOperationException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        var ex = Should.Throw<InvalidOperationException>(() => sm.Fire(Trigger.X));

        ex.ShouldBeOfType<InvalidTransitionException>();
    }
}
