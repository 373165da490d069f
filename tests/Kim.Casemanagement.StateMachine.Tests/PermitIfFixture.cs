namespace Kim.Casemanagement.StateMachine.Tests;

public class PermitIfFixture
{
    [Fact]
    public void Fire_WhenGuardIsTrue_MovesToTheDestination()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => true, "always");

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.B);
    }

    [Fact]
    public void Fire_WhenGuardIsFalse_ThrowsInvalidTransitionExceptionWithTheGuardDescription()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => false, "documents complete");

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        sm.State.ShouldBe(State.A);
        ex.State.ShouldBe(State.A);
        ex.Trigger.ShouldBe(Trigger.X);
        ex.UnmetGuards.ShouldBe(["documents complete"]);
        ex.IsGuardFailure.ShouldBeTrue();
        ex.Message.ShouldBe("Trigger 'X' is valid for transition from state 'A' but guard conditions are not met: documents complete.");
    }

    [Fact]
    public void Fire_WhenGuardChangesBetweenFires_EvaluatesItAtFireTime()
    {
        var allowed = false;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, () => allowed, "allowed");

        Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));
        allowed = true;
        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.B);
    }

    [Fact]
    public void Fire_WhenGuardHasNoDescription_ReportsTheGuardMethodName()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, IsApproved);

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.UnmetGuards.ShouldBe([nameof(IsApproved)]);
    }

    [Fact]
    public void Fire_WhenSeveralGuardsAreUnmet_ReportsEachUnmetDescriptionInOrder()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(
            Trigger.X,
            State.B,
            (() => false, "first"),
            (() => true, "second"),
            (() => false, "third"));

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.UnmetGuards.ShouldBe(["first", "third"]);
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenAllOfSeveralGuardsAreMet_MovesToTheDestination()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, (() => true, "first"), (() => true, "second"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.B);
    }

    [Fact]
    public void Fire_WhenGuardsForTheSameTriggerAreMutuallyExclusive_FollowsTheOneThatIsMet()
    {
        var goToC = false;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => !goToC, "to B")
            .PermitIf(Trigger.X, State.C, () => goToC, "to C");

        goToC = true;
        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
    }

    [Fact]
    public void Fire_WhenTwoGuardedTransitionsForTheSameTriggerAreBothMet_ThrowsInvalidOperationException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => true, "to B")
            .PermitIf(Trigger.X, State.C, () => true, "to C");

        var ex = Should.Throw<InvalidOperationException>(() => sm.Fire(Trigger.X));

        ex.GetType().ShouldBe(typeof(InvalidOperationException));
        ex.Message.ShouldContain("mutually exclusive");
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenNoneOfSeveralGuardedTransitionsIsMet_ReportsEveryUnmetDescription()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .PermitIf(Trigger.X, State.B, () => false, "to B")
            .PermitIf(Trigger.X, State.C, () => false, "to C");

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.UnmetGuards.ShouldBe(["to B", "to C"]);
    }

    [Fact]
    public void CanFire_WhenGuardIsFalse_ReturnsTheGuardDescriptionInTheOutList()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, (() => false, "signed"), (() => false, "paid"));

        var canFire = sm.CanFire(Trigger.X, out var unmetGuards);

        canFire.ShouldBeFalse();
        unmetGuards.ShouldBe(["signed", "paid"]);
    }

    [Fact]
    public void PermitIf_WhenDestinationIsTheConfiguredState_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        Should.Throw<ArgumentException>(() => sm.Configure(State.A).PermitIf(Trigger.X, State.A, () => true, "guard"))
            .ParamName.ShouldBe("destination");
    }

    private static bool IsApproved() => false;
}
