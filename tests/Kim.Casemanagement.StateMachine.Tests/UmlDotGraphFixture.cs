using Kim.Casemanagement.StateMachine.Graph;

namespace Kim.Casemanagement.StateMachine.Tests;

public class UmlDotGraphFixture
{
    [Fact]
    public void Format_WhenMachineHasASuperstateAGuardAndAReentry_ProducesTheExpectedGraph()
    {
        var sm = CreateMachine();

        var graph = UmlDotGraph.Format(sm.GetInfo());

        graph.ShouldBe(
            "digraph {\n" +
            "compound=true;\n" +
            "node [shape=Mrecord]\n" +
            "rankdir=\"LR\"\n" +
            "\"A\" [label=\"A|entry / greet|exit / say goodbye\"];\n" +
            "subgraph \"clusterB\"\n" +
            "\t{\n" +
            "\tlabel = \"B|entry / open file\"\n" +
            "\"C\" [label=\"C\"];\n" +
            "\"D\" [label=\"D\"];\n" +
            "}\n" +
            "\"A\" -> \"C\" [style=\"solid\", label=\"X\"];\n" +
            "\"B\" -> \"A\" [style=\"solid\", label=\"Z\"];\n" +
            "\"C\" -> \"D\" [style=\"solid\", label=\"Y [ready und \\\"signed\\\"]\"];\n" +
            "\"D\" -> \"D\" [style=\"solid\", label=\"Z\"];\n" +
            " init [label=\"\", shape=point];\n" +
            " init -> \"A\"[style = \"solid\"]\n" +
            "}\n");
    }

    [Fact]
    public void Format_WhenCalledTwice_ProducesTheSameOutput()
    {
        var sm = CreateMachine();

        var first = UmlDotGraph.Format(sm.GetInfo());
        var second = UmlDotGraph.Format(sm.GetInfo());

        second.ShouldBe(first);
    }

    [Fact]
    public void Format_WhenTheMachineHasBeenUsedInBetween_ProducesTheSameOutput()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .Permit(Trigger.X, State.C)
            .Permit(Trigger.Y, State.D);
        var before = UmlDotGraph.Format(sm.GetInfo());

        sm.Fire(Trigger.Y);
        var after = UmlDotGraph.Format(sm.GetInfo());

        after.ShouldBe(before);
    }

    [Fact]
    public void Format_WhenTransitionIsDynamic_DrawsOneEdgePerPossibleDestination()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A).PermitDynamic(Trigger.X, () => State.B, "choose", State.B, State.C);

        var graph = UmlDotGraph.Format(sm.GetInfo());

        graph.ShouldContain("\"A\" -> \"B\" [style=\"solid\", label=\"X\"];\n\"A\" -> \"C\" [style=\"solid\", label=\"X\"];\n");
    }

    private static StateMachine<State, Trigger> CreateMachine()
    {
        var sm = new StateMachine<State, Trigger>(State.A);
        sm.Configure(State.A)
            .OnEntry(() => { }, "greet")
            .OnExit(() => { }, "say goodbye")
            .Permit(Trigger.X, State.C);
        sm.Configure(State.B)
            .OnEntry(() => { }, "open file")
            .Permit(Trigger.Z, State.A);
        sm.Configure(State.C)
            .SubstateOf(State.B)
            .PermitIf(Trigger.Y, State.D, (() => true, "ready"), (() => true, "\"signed\""));
        sm.Configure(State.D)
            .SubstateOf(State.B)
            .PermitReentry(Trigger.Z);
        return sm;
    }
}
