namespace Kim.Casemanagement.StateMachine.Tests;

public class EntryExitActionsFixture
{
    [Fact]
    public void Fire_WhenEnteringAState_RunsItsOnEntryWithTheTransition()
    {
        Transition<State, Trigger>? seen = null;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(t => seen = t);

        sm.Fire(Trigger.X);

        seen.ShouldNotBeNull();
        seen.Source.ShouldBe(State.A);
        seen.Destination.ShouldBe(State.B);
        seen.Trigger.ShouldBe(Trigger.X);
    }

    [Fact]
    public void Fire_WhenLeavingAState_RunsItsOnExitWithTheTransition()
    {
        Transition<State, Trigger>? seen = null;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnExit(t => seen = t).Permit(Trigger.X, State.B);

        sm.Fire(Trigger.X);

        seen.ShouldNotBeNull();
        seen.Source.ShouldBe(State.A);
        seen.Destination.ShouldBe(State.B);
        seen.Trigger.ShouldBe(Trigger.X);
    }

    [Fact]
    public void Fire_WhenSeveralEntryAndExitActionsAreConfigured_RunsThemInConfigurationOrder()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnExit(() => log.Add("exit A 1"))
            .OnExit(() => log.Add("exit A 2"))
            .Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntry(() => log.Add("enter B 1"))
            .OnEntry(() => log.Add("enter B 2"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["exit A 1", "exit A 2", "enter B 1", "enter B 2"]);
    }

    [Fact]
    public void Fire_WhenOnEntryFromIsConfigured_RunsItOnlyForThatTrigger()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .Permit(Trigger.X, State.B)
            .Permit(Trigger.Y, State.B);
        sm.Configure(State.B)
            .OnEntry(t => log.Add($"enter B by {t.Trigger}"))
            .OnEntryFrom(Trigger.X, _ => log.Add("enter B from X"))
            .Permit(Trigger.Z, State.A);

        sm.Fire(Trigger.Y);
        sm.Fire(Trigger.Z);
        sm.Fire(Trigger.X);

        log.ShouldBe(["enter B by Y", "enter B by X", "enter B from X"]);
    }

    [Fact]
    public void Fire_WhenOnEntryFromIsForTheFirstEnumValue_RunsItOnlyForThatTrigger()
    {
        // Trigger.X is the enum's default value; OnEntry (no trigger) must not be mistaken for OnEntryFrom(X).
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.Y, State.B);
        sm.Configure(State.B).OnEntryFrom(Trigger.X, _ => log.Add("enter B from X"));

        sm.Fire(Trigger.Y);

        sm.State.ShouldBe(State.B);
        log.ShouldBeEmpty();
    }

    [Fact]
    public void Fire_WhenOnEntryFromIsForAParameterisedTrigger_PassesTheArgument()
    {
        var received = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        var assign = sm.SetTriggerParameters<string>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntryFrom(assign, (assignee, t) => received.Add($"{assignee} via {t.Trigger}"));

        sm.Fire(assign, "Meyer");

        received.ShouldBe(["Meyer via X"]);
    }

    [Fact]
    public void Fire_WhenTransitioning_RunsExitThenOnTransitionedThenEntryThenOnTransitionCompleted()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnExit(() => log.Add("exit A")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B"));
        sm.OnTransitioned(_ => log.Add("transitioned"));
        sm.OnTransitionCompleted(_ => log.Add("completed"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["exit A", "transitioned", "enter B", "completed"]);
    }

    [Fact]
    public void Fire_WhenActionsRun_ExitSeesTheSourceStateAndLaterStepsSeeTheDestination()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnExit(() => log.Add($"exit sees {sm.State}")).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => log.Add($"entry sees {sm.State}"));
        sm.OnTransitioned(_ => log.Add($"transitioned sees {sm.State}"));
        sm.OnTransitionCompleted(_ => log.Add($"completed sees {sm.State}"));

        sm.Fire(Trigger.X);

        log.ShouldBe(["exit sees A", "transitioned sees B", "entry sees B", "completed sees B"]);
    }

    [Fact]
    public void Fire_WhenAnEntryActionThrows_PropagatesTheExceptionAfterTheStateHasChanged()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).OnEntry(() => throw new InvalidDataException("entry failed"));

        var ex = Should.Throw<InvalidDataException>(() => sm.Fire(Trigger.X));

        ex.Message.ShouldBe("entry failed");
        sm.State.ShouldBe(State.B);
    }
}
