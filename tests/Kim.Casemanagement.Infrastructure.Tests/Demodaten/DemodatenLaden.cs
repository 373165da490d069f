using Kim.Casemanagement.Infrastructure.Demodaten;
using Kim.Casemanagement.Testing;

namespace Kim.Casemanagement.Infrastructure.Tests.Demodaten;

/// <summary>
/// Two fresh migrated databases, each loaded once with the same 2,000 generated clients (same seed and "today"), shared by the
/// tests of <see cref="DemodatenLadenTests"/>.
/// </summary>
public sealed class DemodatenLaden : IAsyncLifetime
{
    public const int Klienten = 2000;
    public const int Seed = 11;

    public static readonly DateOnly Heute = new(2026, 11, 20);

    private TestDatabase? _erste;
    private TestDatabase? _zweite;

    public TestDatabase Erste => _erste ?? throw new InvalidOperationException("Nicht initialisiert.");

    public TestDatabase Zweite => _zweite ?? throw new InvalidOperationException("Nicht initialisiert.");

    public DemodatenGenerator Generator { get; private set; } = null!;

    public LadeErgebnis Ergebnis { get; private set; } = null!;

    public static DemodatenOptionen Optionen => new() { Klienten = Klienten, Jahre = 8, Seed = Seed, Heute = Heute };

    public async Task InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        _erste = await cluster.CreateDatabaseAsync("demodaten_a");
        _zweite = await cluster.CreateDatabaseAsync("demodaten_b");
        Generator = new DemodatenGenerator(Optionen);
        Ergebnis = await DemodatenLader.LadenAsync(Erste.OwnerConnectionString, Generator, null, CancellationToken.None);
        await DemodatenLader.LadenAsync(Zweite.OwnerConnectionString, new DemodatenGenerator(Optionen), null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_erste is not null)
        {
            await _erste.DisposeAsync();
        }

        if (_zweite is not null)
        {
            await _zweite.DisposeAsync();
        }
    }
}
