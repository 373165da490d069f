using Kim.Casemanagement.StateMachine.Graph;

namespace Kim.Casemanagement.StateMachine.Tests;

public class MermaidGraphFixture
{
    [Fact]
    public void Format_WhenMachineHasASuperstateAGuardAndAReentry_ProducesTheExpectedDiagram()
    {
        var sm = CreateMachine();

        var graph = MermaidGraph.Format(sm.GetInfo());

        graph.ShouldBe(
            "stateDiagram-v2\n" +
            "    [*] --> A\n" +
            "    A\n" +
            "    state B {\n" +
            "        [*] --> C\n" +
            "        C\n" +
            "        D\n" +
            "        C --> D : Y [ready]\n" +
            "        D --> D : Z\n" +
            "    }\n" +
            "    A --> B : X\n" +
            "    B --> A : Z\n");
    }

    [Fact]
    public void Format_WhenCalledTwice_ProducesTheSameOutput()
    {
        var sm = CreateMachine();

        var first = MermaidGraph.Format(sm.GetInfo());
        var second = MermaidGraph.Format(sm.GetInfo());

        second.ShouldBe(first);
    }

    [Fact]
    public void Format_WhenTheMachineHasBeenUsedInBetween_ProducesTheSameOutput()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .Permit(Trigger.X, State.C)
            .Permit(Trigger.Y, State.D);
        var before = MermaidGraph.Format(sm.GetInfo());

        sm.Fire(Trigger.Y);
        _ = sm.PermittedTriggers.ToList();
        var after = MermaidGraph.Format(sm.GetInfo());

        after.ShouldBe(before);
        after.ShouldBe(
            "stateDiagram-v2\n" +
            "    [*] --> A\n" +
            "    A\n" +
            "    C\n" +
            "    D\n" +
            "    A --> C : X\n" +
            "    A --> D : Y\n");
    }

    [Fact]
    public void Format_WhenTransitionsAreDynamicOrInternal_DrawsOneEdgePerPossibleDestinationAndMarksInternalOnes()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .PermitDynamic(Trigger.X, () => State.B, "choose", State.B, State.C)
            .InternalTransition(Trigger.Y, _ => { }, "log");

        var graph = MermaidGraph.Format(sm.GetInfo());

        graph.ShouldBe(
            "stateDiagram-v2\n" +
            "    [*] --> A\n" +
            "    A\n" +
            "    B\n" +
            "    C\n" +
            "    A --> B : X\n" +
            "    A --> C : X\n" +
            "    A --> A : Y (intern)\n");
    }

    [Fact]
    public void Format_WhenGuardDescriptionsContainMermaidSyntax_SanitisesThem()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitIf(Trigger.X, State.B, (() => true, "rule #1: ok; done"), (() => true, "second"));

        var graph = MermaidGraph.Format(sm.GetInfo());

        graph.ShouldContain("    A --> B : X [rule Nr.1 - ok, done und second]\n");
    }

    private static StateMachine<State, Trigger> CreateMachine()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).Permit(Trigger.X, State.B);
        sm.Configure(State.B)
            .InitialTransition(State.C)
            .Permit(Trigger.Z, State.A);
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .PermitIf(Trigger.Y, State.D, () => true, "ready");
        sm.Configure(State.D)
            .SubstateOf(State.B)
            .PermitReentry(Trigger.Z);
        return sm;
    }
}
