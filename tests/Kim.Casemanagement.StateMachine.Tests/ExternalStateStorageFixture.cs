namespace Kim.Casemanagement.StateMachine.Tests;

public class ExternalStateStorageFixture
{
    [Fact]
    public void State_WhenConstructedWithAccessor_ReadsTheExternalValue()
    {
        var stored = State.B;
        var sm = new StateMachine<State, Trigger>(() => stored, s => stored = s);

        sm.State.ShouldBe(State.B);

        stored = State.C;
        sm.State.ShouldBe(State.C);
    }

    [Fact]
    public void Fire_WhenConstructedWithMutator_WritesTheNewStateToTheExternalValue()
    {
        var stored = State.A;
        var written = new List<State>();
        var sm = new StateMachine<State, Trigger>(() => stored, s =>
        {
            written.Add(s);
            stored = s;
        });
        sm.Configure(State.A).Permit(Trigger.X, State.B);

        sm.Fire(Trigger.X);

        stored.ShouldBe(State.B);
        written.ShouldBe([State.B]);
    }

    [Fact]
    public void Fire_WhenExternalValueChangedSinceConstruction_UsesTheCurrentExternalValueAsSource()
    {
        var stored = State.A;
        var sm = new StateMachine<State, Trigger>(() => stored, s => stored = s);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.C).Permit(Trigger.X, State.D);

        stored = State.C;
        sm.Fire(Trigger.X);

        stored.ShouldBe(State.D);
    }

    [Fact]
    public void GetInfo_WhenConstructedWithAccessor_ReportsTheValueReadAtConstructionAsInitialState()
    {
        var stored = State.C;
        var sm = new StateMachine<State, Trigger>(() => stored, s => stored = s);

        stored = State.A;

        sm.GetInfo().InitialState.UnderlyingState.ShouldBe(State.C);
    }

    [Fact]
    public void Constructor_WhenAccessorIsNull_ThrowsArgumentNullException()
    {
        var ex = Should.Throw<ArgumentNullException>(() => new StateMachine<State, Trigger>(null!, _ => { }));

        ex.ParamName.ShouldBe("stateAccessor");
    }

    [Fact]
    public void Constructor_WhenMutatorIsNull_ThrowsArgumentNullException()
    {
        var ex = Should.Throw<ArgumentNullException>(() => new StateMachine<State, Trigger>(() => State.A, null!));

        ex.ParamName.ShouldBe("stateMutator");
    }

    [Fact]
    public void State_WhenConstructedWithOwnState_StartsInTheGivenState()
    {
        var sm = new StateMachine<State, Trigger>(State.C);

        sm.State.ShouldBe(State.C);
        sm.GetInfo().InitialState.UnderlyingState.ShouldBe(State.C);
    }

    [Fact]
    public void Fire_WhenConstructedWithOwnState_KeepsTheNewStateInsideTheMachine()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B).Permit(Trigger.Y, State.C);

        sm.Fire(Trigger.X);
        sm.State.ShouldBe(State.B);

        sm.Fire(Trigger.Y);
        sm.State.ShouldBe(State.C);
    }

    [Fact]
    public void FiringMode_WhenNotGiven_IsQueued()
    {
        var stored = State.A;

        new StateMachine<State, Trigger>(State.A).FiringMode.ShouldBe(FiringMode.Queued);
        new StateMachine<State, Trigger>(() => stored, s => stored = s).FiringMode.ShouldBe(FiringMode.Queued);
        new StateMachine<State, Trigger>(State.A, FiringMode.Immediate).FiringMode.ShouldBe(FiringMode.Immediate);
    }
}
