using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>The read pool of the Fall reads (ADR 0015): multiplexed, bounded, named; a bound below one is refused at start.</summary>
public sealed class LesepoolTests
{
    private static Datenbank Bauen(int leseVerbindungen) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Kim"] = "Host=127.0.0.1;Port=1;Username=kim_app;Database=kim;Maximum Pool Size=30" }).Build(),
        Options.Create(new DatenbankOptionen { LeseVerbindungen = leseVerbindungen }),
        NullLoggerFactory.Instance);

    [Fact]
    public async Task LeseDataSource_IsMultiplexed_BoundedByTheOption_AndNamed_WhileTheOtherPoolsAreNot()
    {
        await using var datenbank = Bauen(5);
        var lesen = new NpgsqlConnectionStringBuilder(datenbank.LeseDataSource.ConnectionString);
        lesen.Multiplexing.ShouldBeTrue();
        lesen.MaxPoolSize.ShouldBe(5);
        lesen.ApplicationName.ShouldBe(Datenbank.LesepoolName);
        lesen.Options.ShouldBe(Datenbank.SitzungsOptionen, "dieselben Sitzungsoptionen wie die anderen Pools (jit=off, installationsweiter Mandant)");
        foreach (var andere in new[] { datenbank.DataSource, datenbank.EfDataSource })
        {
            var einstellungen = new NpgsqlConnectionStringBuilder(andere.ConnectionString);
            einstellungen.Multiplexing.ShouldBeFalse("Schreiben, EF Core, Transaktionen und LISTEN laufen nicht über Multiplexing");
            einstellungen.MaxPoolSize.ShouldBe(30);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void LeseVerbindungen_BelowOne_IsRefusedAtStart(int wert)
    {
        var fehler = Should.Throw<InvalidOperationException>(() => Bauen(wert));
        fehler.Message.ShouldContain("Database:LeseVerbindungen");
    }
}
