using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Infrastructure.Persistence.Aggregat;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>The cache of Fall rows under concurrent use: bounded, never failing a request, never going back to an older version.</summary>
public sealed class FallZwischenspeicherTests
{
    [Fact]
    public async Task Setzen_WhenManyRequestsInsertAtOnceBeyondTheCapacity_NeverThrowsAndStaysBounded()
    {
        const int kapazitaet = 100;
        var speicher = new FallZwischenspeicher(Options.Create(new DatenbankOptionen { FallZwischenspeicher = kapazitaet }));
        var ids = Enumerable.Range(0, 50_000).Select(_ => Guid.CreateVersion7()).ToArray();

        // Eight writers over many more Fälle than fit: every insert beyond the capacity evicts while others insert.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 200_000; i++)
            {
                var id = ids[((w * 7919) + i) % ids.Length];
                speicher.Setzen(id, new FallZwischenspeicher.Eintrag(i, [id], []));
                speicher.Versuchen(id, out _);
            }
        })));

        speicher.Anzahl.ShouldBeLessThanOrEqualTo(kapazitaet + 8, "at most one pending insert per writer above the bound");
    }

    [Fact]
    public void Setzen_WhenAnOlderVersionArrivesLate_KeepsTheNewerOne()
    {
        var speicher = new FallZwischenspeicher(Options.Create(new DatenbankOptionen { FallZwischenspeicher = 10 }));
        var id = Guid.CreateVersion7();

        speicher.Setzen(id, new FallZwischenspeicher.Eintrag(5, [id], []));
        speicher.Setzen(id, new FallZwischenspeicher.Eintrag(4, [id], []));

        speicher.Versuchen(id, out var eintrag).ShouldBeTrue();
        eintrag.Version.ShouldBe(5);
    }

    [Fact]
    public void Versuchen_WhenTheCacheIsOff_NeverAnswers()
    {
        var speicher = new FallZwischenspeicher(Options.Create(new DatenbankOptionen { FallZwischenspeicher = 0 }));
        var id = Guid.CreateVersion7();

        speicher.Setzen(id, new FallZwischenspeicher.Eintrag(1, [id], []));

        speicher.Versuchen(id, out _).ShouldBeFalse();
        speicher.Anzahl.ShouldBe(0);
    }
}
