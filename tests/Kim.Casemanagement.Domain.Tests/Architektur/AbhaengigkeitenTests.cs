using System.Reflection;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Tests.Support;

namespace Kim.Casemanagement.Domain.Tests.Architektur;

/// <summary>
/// The domain stays free of persistence and web frameworks (STYLE.md: no EF, ASP.NET or database attributes in Domain);
/// besides the framework it references only the Stateless library (ARCHITECTURE.md, ADR 0005).
/// </summary>
public class AbhaengigkeitenTests
{
    private static readonly Assembly Domain = typeof(Fall).Assembly;

    public static TheoryData<string> Verboten() => ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql"];

    [Theory]
    [MemberData(nameof(Verboten))]
    public void Domain_WhenItsReferencesAreListed_ReferencesNoInfrastructureFramework(string praefix)
    {
        Referenzen(Domain).ShouldNotContain(r => r.StartsWith(praefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_WhenItsReferencesAreListed_ReferencesOnlyTheFrameworkAndStateless()
    {
        var referenzen = Referenzen(Domain);

        referenzen.ShouldContain("Stateless");
        referenzen.Where(r => r != "Stateless").ShouldAllBe(r => IstFramework(r));
    }

    [Fact]
    public void Solution_WhenItsProjectsAreListed_HasNoHomeMadeStateMachineEngine()
    {
        var sln = File.ReadAllText(Path.Combine(Quellen.Wurzel(), "Kim.Casemanagement.sln"));

        sln.ShouldNotContain("Kim.Casemanagement.StateMachine");
        Quellen.CSharpDateien().Select(d => d.Pfad).ShouldNotContain(p => p.StartsWith("src/Kim.Casemanagement.StateMachine/", StringComparison.Ordinal));
    }

    private static List<string> Referenzen(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static bool IstFramework(string name) =>
        name is "System" or "mscorlib" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal);
}
