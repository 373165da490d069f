using System.Reflection;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.StateMachine;

namespace Kim.Casemanagement.Domain.Tests.Architektur;

/// <summary>The domain and the engine stay free of persistence and web frameworks (STYLE.md: no EF, ASP.NET or database attributes in Domain).</summary>
public class AbhaengigkeitenTests
{
    private static readonly Assembly Domain = typeof(Fall).Assembly;
    private static readonly Assembly Zustandsmaschine = typeof(StateMachine<,>).Assembly;

    public static TheoryData<string> Verboten() => ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql"];

    [Theory]
    [MemberData(nameof(Verboten))]
    public void Domain_WhenItsReferencesAreListed_ReferencesNoInfrastructureFramework(string praefix)
    {
        Referenzen(Domain).ShouldNotContain(r => r.StartsWith(praefix, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Verboten))]
    public void StateMachine_WhenItsReferencesAreListed_ReferencesNoInfrastructureFramework(string praefix)
    {
        Referenzen(Zustandsmaschine).ShouldNotContain(r => r.StartsWith(praefix, StringComparison.Ordinal));
    }

    [Fact]
    public void StateMachine_WhenItsReferencesAreListed_ReferencesNothingButTheFramework()
    {
        Referenzen(Zustandsmaschine).ShouldAllBe(r => IstFramework(r));
    }

    [Fact]
    public void Domain_WhenItsReferencesAreListed_ReferencesOnlyTheFrameworkAndTheStateMachine()
    {
        var referenzen = Referenzen(Domain);

        referenzen.ShouldContain("Kim.Casemanagement.StateMachine");
        referenzen.Where(r => r != "Kim.Casemanagement.StateMachine").ShouldAllBe(r => IstFramework(r));
    }

    private static List<string> Referenzen(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static bool IstFramework(string name) =>
        name is "System" or "mscorlib" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal);
}
