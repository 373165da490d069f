namespace Kim.Casemanagement.StateMachine.Tests;

public class UnhandledTriggerFixture
{
    [Fact]
    public void Fire_WhenOnUnhandledTriggerIsSet_CallsItInsteadOfThrowing()
    {
        var calls = new List<string>();
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.OnUnhandledTrigger((state, trigger, unmetGuards) => calls.Add($"{state} {trigger} [{string.Join(",", unmetGuards)}]"));

        sm.Fire(Trigger.Y);

        calls.ShouldBe(["A Y []"]);
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenGuardIsUnmetAndOnUnhandledTriggerIsSet_PassesTheUnmetGuards()
    {
        IReadOnlyList<string>? received = null;
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, (() => false, "signed"), (() => false, "paid"));
        sm.OnUnhandledTrigger((_, _, unmetGuards) => received = unmetGuards);

        sm.Fire(Trigger.X);

        received.ShouldBe(["signed", "paid"]);
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenOnUnhandledTriggerThrows_PropagatesThatException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.OnUnhandledTrigger((state, trigger, _) => throw new NotSupportedException($"{trigger} in {state}"));

        var ex = Should.Throw<NotSupportedException>(() => sm.Fire(Trigger.Z));

        ex.Message.ShouldBe("Z in A");
    }

    [Fact]
    public void Fire_WhenUnhandledInASubstate_ReportsTheCurrentSubstate()
    {
        var states = new List<State>();
        var sm = new StateMachine<State, Trigger>(State.C);
        sm.Configure(State.C).SubstateOf(State.B);
        sm.OnUnhandledTrigger((state, _, _) => states.Add(state));

        sm.Fire(Trigger.X);

        states.ShouldBe([State.C]);
    }

    [Fact]
    public void OnUnhandledTrigger_WhenActionIsNull_ThrowsArgumentNullException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        Should.Throw<ArgumentNullException>(() => sm.OnUnhandledTrigger(null!)).ParamName.ShouldBe("unhandledTriggerAction");
    }
}
