namespace Kim.Casemanagement.StateMachine.Tests;

public class OnTransitionedFixture
{
    [Fact]
    public void OnTransitioned_WhenFired_SeesSourceDestinationTriggerAndParameters()
    {
        Transition<State, Trigger>? seen = null;
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int, string>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.OnTransitioned(t => seen = t);

        sm.Fire(x, 7, "note");

        seen.ShouldNotBeNull();
        seen.Source.ShouldBe(State.A);
        seen.Destination.ShouldBe(State.B);
        seen.Trigger.ShouldBe(Trigger.X);
        seen.Parameters.ShouldBe([7, "note"]);
        seen.IsReentry.ShouldBeFalse();
        seen.IsInitial.ShouldBeFalse();
        seen.ToString().ShouldBe("A --X--> B");
    }

    [Fact]
    public void OnTransitioned_WhenTriggerHasNoParameters_SeesAnEmptyParameterList()
    {
        Transition<State, Trigger>? seen = null;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.OnTransitioned(t => seen = t);

        sm.Fire(Trigger.X);

        seen.ShouldNotBeNull();
        seen.Parameters.ShouldBeEmpty();
    }

    [Fact]
    public void OnTransitioned_WhenSeveralHandlersAreRegistered_RunsThemInRegistrationOrder()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.OnTransitioned(_ => log.Add("first"));
        sm.OnTransitioned(_ => log.Add("second"));
        sm.OnTransitionCompleted(_ => log.Add("completed first"));
        sm.OnTransitionCompleted(_ => log.Add("completed second"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["first", "second", "completed first", "completed second"]);
    }

    [Fact]
    public void OnTransitionCompleted_WhenDestinationHasAnInitialTransition_SeesTheFinalState()
    {
        var transitioned = new List<string>();
        var completed = new List<string>();
        var stateWhenCompleted = new List<State>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).InitialTransition(State.C);
        sm.Configure(State.C).SubstateOf(State.B);
        sm.OnTransitioned(t => transitioned.Add($"{t.Source}->{t.Destination}"));
        sm.OnTransitionCompleted(t =>
        {
            completed.Add($"{t.Source}->{t.Destination} by {t.Trigger}");
            stateWhenCompleted.Add(sm.State);
        });

        sm.Fire(Trigger.X);

        transitioned.ShouldBe(["A->B", "B->C"]);
        completed.ShouldBe(["A->C by X"]);
        stateWhenCompleted.ShouldBe([State.C]);
    }

    [Fact]
    public void OnTransitioned_WhenTriggerIsIgnoredOrUnhandled_IsNotRaised()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Ignore(Trigger.X);
        sm.OnTransitioned(_ => log.Add("transitioned"));
        sm.OnTransitionCompleted(_ => log.Add("completed"));
        sm.OnUnhandledTrigger((_, _, _) => log.Add("unhandled"));

        sm.Fire(Trigger.X);
        sm.Fire(Trigger.Y);

        log.ShouldBe(["unhandled"]);
    }

    [Fact]
    public void OnTransitioned_WhenHandlerIsNull_ThrowsArgumentNullException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        Should.Throw<ArgumentNullException>(() => sm.OnTransitioned(null!)).ParamName.ShouldBe("onTransitionAction");
        Should.Throw<ArgumentNullException>(() => sm.OnTransitionCompleted(null!)).ParamName.ShouldBe("onTransitionAction");
    }
}
