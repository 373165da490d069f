namespace Kim.Casemanagement.StateMachine.Tests;

public class DynamicTransitionFixture
{
    [Fact]
    public void Fire_WhenPermitDynamic_GoesToTheDestinationChosenAtFireTime()
    {
        var next = State.B;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitDynamic(Trigger.X, () => next, "next state", State.B, State.C);

        next = State.C;
        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
    }

    [Fact]
    public void Fire_WhenPermitDynamicIsFiredRepeatedly_CallsTheSelectorEachTime()
    {
        var calls = 0;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitDynamic(Trigger.X, () =>
        {
            calls++;
            return State.B;
        });
        sm.Configure(State.B).Permit(Trigger.Y, State.A);

        sm.Fire(Trigger.X);
        sm.Fire(Trigger.Y);
        sm.Fire(Trigger.X);

        calls.ShouldBe(2);
        sm.State.ShouldBe(State.B);
    }

    [Fact]
    public void Fire_WhenPermitDynamicSelectsTheCurrentState_ReentersIt()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntry(() => log.Add("enter A"))
            .OnExit(() => log.Add("exit A"))
            .PermitDynamic(Trigger.X, () => State.A);

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.A);
        log.ShouldBe(["exit A", "enter A"]);
    }

    [Fact]
    public void Fire_WhenPermitDynamicIfGuardHolds_GoesToTheSelectedDestination()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitDynamicIf(Trigger.X, () => State.D, () => true, "open");

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.D);
    }

    [Fact]
    public void Fire_WhenPermitDynamicIfGuardFails_ThrowsWithTheGuardDescription()
    {
        var selectorCalled = false;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitDynamicIf(
            Trigger.X,
            () =>
            {
                selectorCalled = true;
                return State.D;
            },
            () => false,
            "open");

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(Trigger.X));

        ex.UnmetGuards.ShouldBe(["open"]);
        selectorCalled.ShouldBeFalse();
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenParameterisedPermitDynamicIf_ChoosesTheDestinationFromTheArgument()
    {
        var sm1 = CreateRoutingMachine(out var route1);
        var sm2 = CreateRoutingMachine(out var route2);

        sm1.Fire(route1, 1);
        sm2.Fire(route2, 1000);

        sm1.State.ShouldBe(State.B);
        sm2.State.ShouldBe(State.C);
    }

    [Fact]
    public void Fire_WhenParameterisedPermitDynamicIfGuardFails_ThrowsWithTheGuardDescription()
    {
        var sm = CreateRoutingMachine(out var route);

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(route, -5));

        ex.UnmetGuards.ShouldBe(["amount not negative"]);
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenDynamicDestinationIsASubstate_RunsSuperstateAndSubstateEntry()
    {
        var log = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitDynamic(Trigger.X, () => State.C);
        sm.Configure(State.B).OnEntry(() => log.Add("enter B"));
        sm.Configure(State.C).SubstateOf(State.B).OnEntry(() => log.Add("enter C"));

        sm.Fire(Trigger.X);

        sm.State.ShouldBe(State.C);
        log.ShouldBe(["enter B", "enter C"]);
    }

    private static StateMachine<State, Trigger> CreateRoutingMachine(out TriggerWithParameters<Trigger, int> route)
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        route = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).PermitDynamicIf(
            route,
            amount => amount < 100 ? State.B : State.C,
            "by amount",
            [State.B, State.C],
            (amount => amount >= 0, "amount not negative"));
        return sm;
    }
}
