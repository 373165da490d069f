using Kim.Casemanagement.StateMachine.Reflection;

namespace Kim.Casemanagement.StateMachine.Tests;

public class GetInfoFixture
{
    [Fact]
    public void GetInfo_WhenCalled_ReportsTheInitialStateAndTheTypes()
    {
        var info = CreateMachine().GetInfo();

        info.InitialState.UnderlyingState.ShouldBe(State.A);
        info.StateType.ShouldBe(typeof(State));
        info.TriggerType.ShouldBe(typeof(Trigger));
    }

    [Fact]
    public void GetInfo_WhenCalled_ListsEveryConfiguredOrReferencedStateOnce()
    {
        var info = CreateMachine().GetInfo();

        info.States.Select(s => (State)s.UnderlyingState).ShouldBe([State.A, State.B, State.C, State.D], ignoreOrder: true);
    }

    [Fact]
    public void GetInfo_WhenStatesAreNested_ReportsSuperstateAndSubstates()
    {
        var info = CreateMachine().GetInfo();

        var b = Find(info, State.B);
        var c = Find(info, State.C);
        b.Superstate.ShouldBeNull();
        b.Substates.Select(s => s.UnderlyingState).ShouldBe([State.C]);
        c.Superstate.ShouldBeSameAs(b);
        c.Substates.ShouldBeEmpty();
        b.InitialTransitionTarget.ShouldBe(State.C);
        Find(info, State.A).InitialTransitionTarget.ShouldBeNull();
    }

    [Fact]
    public void GetInfo_WhenTransitionsAreFixed_ReportsDestinationGuardDescriptionsAndReentryFlag()
    {
        var a = Find(CreateMachine().GetInfo(), State.A);

        a.FixedTransitions.Count.ShouldBe(3);

        var x = a.FixedTransitions.Single(t => Trigger.X.Equals(t.Trigger));
        x.DestinationState.UnderlyingState.ShouldBe(State.B);
        x.GuardDescriptions.ShouldBeEmpty();
        x.IsReentry.ShouldBeFalse();

        var y = a.FixedTransitions.Single(t => Trigger.Y.Equals(t.Trigger));
        y.DestinationState.UnderlyingState.ShouldBe(State.C);
        y.GuardDescriptions.ShouldBe(["signed", "paid"]);
        y.IsReentry.ShouldBeFalse();

        var z = a.FixedTransitions.Single(t => Trigger.Z.Equals(t.Trigger));
        z.DestinationState.UnderlyingState.ShouldBe(State.A);
        z.GuardDescriptions.ShouldBe(["may restart"]);
        z.IsReentry.ShouldBeTrue();
    }

    [Fact]
    public void GetInfo_WhenTransitionIsDynamic_ReportsDescriptionPossibleDestinationsAndGuards()
    {
        var b = Find(CreateMachine().GetInfo(), State.B);

        var dynamic = b.DynamicTransitions.ShouldHaveSingleItem();
        dynamic.Trigger.ShouldBe(Trigger.X);
        dynamic.DestinationDescription.ShouldBe("by amount");
        dynamic.PossibleDestinationStates.Select(s => s.UnderlyingState).ShouldBe([State.A, State.D]);
        dynamic.GuardDescriptions.ShouldBe(["amount not negative"]);
    }

    [Fact]
    public void GetInfo_WhenTriggersAreIgnoredOrInternal_ReportsThem()
    {
        var b = Find(CreateMachine().GetInfo(), State.B);

        var ignored = b.IgnoredTriggers.ShouldHaveSingleItem();
        ignored.Trigger.ShouldBe(Trigger.Y);
        ignored.GuardDescriptions.ShouldBe(["duplicate"]);

        var internalTransition = b.InternalTransitions.ShouldHaveSingleItem();
        internalTransition.Trigger.ShouldBe(Trigger.Z);
        internalTransition.ActionDescription.ShouldBe("count reminder");
        internalTransition.GuardDescriptions.ShouldBeEmpty();
        b.FixedTransitions.ShouldBeEmpty();
    }

    [Fact]
    public void GetInfo_WhenStatesHaveActions_ReportsEntryAndExitDescriptions()
    {
        var info = CreateMachine().GetInfo();

        var a = Find(info, State.A);
        a.EntryActions.ShouldBe([new ActionInfo("greet", null)]);
        a.ExitActions.ShouldBe([new ActionInfo("say goodbye", null)]);

        var c = Find(info, State.C);
        c.EntryActions.ShouldBe([new ActionInfo("notify", Trigger.Y)]);
        c.ExitActions.ShouldBeEmpty();
    }

    [Fact]
    public void GetInfo_WhenActionHasNoDescription_ReportsTheMethodName()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).OnEntry(Greet).OnExit(Greet);

        var a = Find(sm.GetInfo(), State.A);

        a.EntryActions.Single().Description.ShouldBe(nameof(Greet));
        a.ExitActions.Single().Description.ShouldBe(nameof(Greet));
    }

    [Fact]
    public void GetInfo_WhenAStateIsOnlyADestination_ReportsItWithoutTransitions()
    {
        var d = Find(CreateMachine().GetInfo(), State.D);

        d.Superstate.ShouldBeNull();
        d.FixedTransitions.ShouldBeEmpty();
        d.EntryActions.ShouldBeEmpty();
        d.ToString().ShouldBe("D");
    }

    private static StateMachine<State, Trigger> CreateMachine()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        var amount = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A)
            .OnEntry(() => { }, "greet")
            .OnExit(() => { }, "say goodbye")
            .Permit(Trigger.X, State.B)
            .PermitIf(Trigger.Y, State.C, (() => true, "signed"), (() => true, "paid"))
            .PermitReentryIf(Trigger.Z, () => true, "may restart");
        sm.Configure(State.B)
            .InitialTransition(State.C)
            .PermitDynamicIf(amount, a => a > 10 ? State.D : State.A, "by amount", [State.A, State.D], (a => a >= 0, "amount not negative"))
            .IgnoreIf(Trigger.Y, () => true, "duplicate")
            .InternalTransition(Trigger.Z, _ => { }, "count reminder");
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .OnEntryFrom(Trigger.Y, _ => { }, "notify");
        return sm;
    }

    private static StateInfo Find(StateMachineInfo info, State state) =>
        info.States.Single(s => state.Equals(s.UnderlyingState));

    private static void Greet()
    {
    }
}
