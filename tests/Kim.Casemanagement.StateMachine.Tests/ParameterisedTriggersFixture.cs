namespace Kim.Casemanagement.StateMachine.Tests;

public class ParameterisedTriggersFixture
{
    [Fact]
    public void SetTriggerParameters_WhenCalled_DescribesTheTriggerAndItsArgumentTypes()
    {
        var sm = new StateMachine<State, Trigger>(State.A);

        var one = sm.SetTriggerParameters<int>(Trigger.X);
        var two = sm.SetTriggerParameters<int, string>(Trigger.Y);

        one.Trigger.ShouldBe(Trigger.X);
        one.ArgumentTypes.ShouldBe([typeof(int)]);
        two.Trigger.ShouldBe(Trigger.Y);
        two.ArgumentTypes.ShouldBe([typeof(int), typeof(string)]);
    }

    [Fact]
    public void Fire_WithAnArgument_PassesItToTheTransition()
    {
        IReadOnlyList<object?>? parameters = null;
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.OnTransitioned(t => parameters = t.Parameters);

        sm.Fire(x, 42);

        sm.State.ShouldBe(State.B);
        parameters.ShouldBe([42]);
    }

    [Fact]
    public void Fire_WhenGuardOnTheArgumentHolds_MovesToTheDestination()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).PermitIf(x, State.B, amount => amount > 0, "positive amount");

        sm.Fire(x, 5);

        sm.State.ShouldBe(State.B);
    }

    [Fact]
    public void Fire_WhenGuardOnTheArgumentFails_ThrowsWithTheGuardDescription()
    {
        var seen = new List<int>();
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).PermitIf(x, State.B, amount =>
        {
            seen.Add(amount);
            return amount > 0;
        }, "positive amount");

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(x, -3));

        sm.State.ShouldBe(State.A);
        ex.UnmetGuards.ShouldBe(["positive amount"]);
        seen.ShouldContain(-3);
        seen.ShouldAllBe(v => v == -3);
    }

    [Fact]
    public void Fire_WhenArgumentGuardsAreMutuallyExclusive_ChoosesTheDestinationFromTheArgument()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A)
            .PermitIf(x, State.B, amount => amount < 100, "small")
            .PermitIf(x, State.C, amount => amount >= 100, "large");

        sm.Fire(x, 250);

        sm.State.ShouldBe(State.C);
    }

    [Fact]
    public void Fire_WhenSeveralArgumentGuardsFail_ReportsEachDescription()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<string>(Trigger.X);
        sm.Configure(State.A).PermitIf(
            x,
            State.B,
            (name => name.Length > 0, "name given"),
            (name => name.Length < 3, "name short"),
            (name => char.IsUpper(name[0]), "name capitalised"));

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(x, "meyer"));

        ex.UnmetGuards.ShouldBe(["name short", "name capitalised"]);
    }

    [Fact]
    public void Fire_WhenArgumentTypeDiffersFromTheConfiguredOne_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        var wronglyTyped = new TriggerWithParameters<Trigger, string>(Trigger.X);

        var ex = Should.Throw<ArgumentException>(() => sm.Fire(wronglyTyped, "forty-two"));

        ex.Message.ShouldContain("String");
        ex.Message.ShouldContain("Int32");
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenParameterisedTriggerIsFiredWithoutItsArgument_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        var ex = Should.Throw<ArgumentException>(() => sm.Fire(Trigger.X));

        ex.Message.ShouldContain("Int32");
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenTooManyArgumentsAreSupplied_ThrowsArgumentException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        var twoArguments = new TriggerWithParameters<Trigger, int, int>(Trigger.X);

        var ex = Should.Throw<ArgumentException>(() => sm.Fire(twoArguments, 1, 2));

        ex.Message.ShouldContain("Too many parameters");
        sm.State.ShouldBe(State.A);
    }

    [Fact]
    public void Fire_WhenReferenceTypeArgumentIsNull_AcceptsIt()
    {
        IReadOnlyList<object?>? parameters = null;
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<string?>(Trigger.X);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.OnTransitioned(t => parameters = t.Parameters);

        sm.Fire(x, null);

        sm.State.ShouldBe(State.B);
        parameters.ShouldBe([null]);
    }

    [Fact]
    public void SetTriggerParameters_WhenCalledTwiceForTheSameTrigger_ThrowsInvalidOperationException()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.SetTriggerParameters<int>(Trigger.X);

        Should.Throw<InvalidOperationException>(() => sm.SetTriggerParameters<int>(Trigger.X))
            .Message.ShouldContain("already been configured");
        Should.Throw<InvalidOperationException>(() => sm.SetTriggerParameters<string, int>(Trigger.X))
            .Message.ShouldContain("already been configured");
    }

    [Fact]
    public void Fire_WithTwoArguments_PassesBothToTheGuardAndTheTransition()
    {
        var guardSaw = new List<string>();
        IReadOnlyList<object?>? parameters = null;
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int, string>(Trigger.X);
        sm.Configure(State.A).PermitIf(x, State.B, (count, name) =>
        {
            guardSaw.Add($"{count}:{name}");
            return count > 0 && name == "Meyer";
        }, "count and name");
        sm.Configure(State.B).OnEntry(t => parameters = t.Parameters);

        sm.Fire(x, 2, "Meyer");

        sm.State.ShouldBe(State.B);
        guardSaw.ShouldContain("2:Meyer");
        parameters.ShouldBe([2, "Meyer"]);
    }

    [Fact]
    public void Fire_WithTwoArgumentsWhenGuardFails_ThrowsWithTheGuardDescription()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int, string>(Trigger.X);
        sm.Configure(State.A).PermitIf(x, State.B, (count, name) => count > 0 && name == "Meyer", "count and name");

        var ex = Should.Throw<InvalidTransitionException>(() => sm.Fire(x, 2, "Schulz"));

        ex.UnmetGuards.ShouldBe(["count and name"]);
    }

    [Fact]
    public void CanFire_WithAnArgument_EvaluatesTheGuardAgainstIt()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        var x = sm.SetTriggerParameters<int>(Trigger.X);
        sm.Configure(State.A).PermitIf(x, State.B, amount => amount > 0, "positive amount");

        sm.CanFire(x, 1, out var metGuards).ShouldBeTrue();
        sm.CanFire(x, 0, out var unmetGuards).ShouldBeFalse();

        metGuards.ShouldBeEmpty();
        unmetGuards.ShouldBe(["positive amount"]);
        sm.State.ShouldBe(State.A);
    }
}
