namespace Kim.Casemanagement.StateMachine.Tests;

public class FiringModeFixture
{
    [Fact]
    public void Fire_InQueuedModeFromAnEntryAction_IsProcessedAfterTheCurrentTransitionCompletes()
    {
        var log = new List<string>();
        var sm = CreateChain(FiringMode.Queued, log);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe([
            "enter B begin",
            "enter B end",
            "completed A->B",
            "exit B",
            "enter C",
            "completed B->C",
        ]);
    }

    [Fact]
    public void Fire_InImmediateModeFromAnEntryAction_IsProcessedNestedAtOnce()
    {
        var log = new List<string>();
        var sm = CreateChain(FiringMode.Immediate, log);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe([
            "enter B begin",
            "exit B",
            "enter C",
            "completed B->C",
            "enter B end",
            "completed A->C",
        ]);
    }

    [Fact]
    public void Fire_InQueuedModeWithSeveralNestedFires_ProcessesThemInFiringOrder()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A, FiringMode.Queued);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntry(() =>
            {
                sm.Fire(Trigger.Y);
                sm.Fire(Trigger.Z);
            })
            .Permit(Trigger.Y, State.C);
        sm.Configure(State.C).Permit(Trigger.Z, State.D);
        sm.OnTransitionCompleted(t => log.Add($"{t.Source}->{t.Destination}"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.D);
        log.ShouldBe(["A->B", "B->C", "C->D"]);
    }

    [Fact]
    public void Fire_InQueuedModeAfterAQueuedTriggerFailed_AcceptsFurtherTriggers()
    {
        var sm = new StateMachine<State, Trigger>(State.A, FiringMode.Queued);
        var failOnEntry = true;
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntry(() =>
            {
                if (failOnEntry)
                {
                    sm.Fire(Trigger.Z);
                }
            })
            .Permit(Trigger.Y, State.C);

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));
        failOnEntry = false;
        sm.Fire(Trigger.Y);

        ex.Trigger.ShouldBe(Trigger.Z);
        sm.State.ShouldBe(State.C);
    }

    [Fact]
    public void Fire_InImmediateModeWhenEntryActionLeavesAStateWithAnInitialTransition_DoesNotFollowTheStaleInitialTransition()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A, FiringMode.Immediate);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntry(() => sm.Fire(Trigger.Y))
            .InitialTransition(State.C)
            .Permit(Trigger.Y, State.D);
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C"));
        sm.Configure(State.D).OnEntry(() => log.Add("enter D"));
        sm.OnTransitionCompleted(t => log.Add($"completed {t.Source}->{t.Destination}"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.D);
        log.ShouldBe(["enter D", "completed B->D", "completed A->D"]);
    }

    [Fact]
    public void Fire_InQueuedModeWhenEntryActionFiresFromAStateWithAnInitialTransition_FiresFromTheInitialSubstate()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A, FiringMode.Queued);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntry(() => sm.Fire(Trigger.Y))
            .InitialTransition(State.C)
            .Permit(Trigger.Y, State.D);
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C")).OnExit(() => log.Add("exit C"));
        sm.Configure(State.D).OnEntry(() => log.Add("enter D"));
        sm.OnTransitionCompleted(t => log.Add($"completed {t.Source}->{t.Destination}"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.D);
        log.ShouldBe(["enter C", "completed A->C", "exit C", "enter D", "completed C->D"]);
    }

    private static StateMachine<State, Trigger> CreateChain(FiringMode mode, List<string> log)
    {
        var sm = new StateMachine<State, Trigger>(State.A, mode);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .OnEntry(() =>
            {
                log.Add("enter B begin");
                sm.Fire(Trigger.Y);
                log.Add("enter B end");
            })
            .OnExit(() => log.Add("exit B"))
            .Permit(Trigger.Y, State.C);
        sm.Configure(State.C).OnEntry(() => log.Add("enter C"));
        sm.OnTransitionCompleted(t => log.Add($"completed {t.Source}->{t.Destination}"));
        return sm;
    }
}
