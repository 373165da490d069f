using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Persistence.Testfaelle;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// A read reports the Fall's active hold (Art. 18 DSGVO) whether its rows come from the database (the Fall and its
/// hold in one statement) or from the cache (the version lookup with its hold): a hold until a later day is reported
/// with its end, an expired or lifted one is not.
/// </summary>
public sealed partial class FallRepositoryTests
{
    [Fact]
    public async Task LesenAsync_ReportsTheActiveHold_FromTheDatabaseAndFromTheCache()
    {
        await using var ohne = new KimDienste(fixture.AppConnectionString, fixture.OwnerConnectionString, new Dictionary<string, string?> { ["Database:FallZwischenspeicher"] = "0" });
        Guid fallId;
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = Eroeffnen(await bereich.Repository.NaechstesAktenzeichenAsync(Heute, default));
            fallId = fall.Id;
            await bereich.Repository.HinzufuegenAsync(fall, default);
        }

        (await HoldsAsync()).ShouldBe((null, null), "not held");

        // Set directly (the version stays, so the cached rows stay valid and the cache path is exercised too).
        await SqlAsync($"INSERT INTO fall_sperren (id, fall_id, mandant, grund, bis, gesetzt_am, gesetzt_von) SELECT gen_random_uuid(), id, mandant, 'Beweissicherung', current_date + 30, now(), 'ds' FROM faelle WHERE id = '{fallId}'");
        var (ausDatenbank, ausCache) = await HoldsAsync();
        ausDatenbank.ShouldNotBeNull();
        ausCache.ShouldBe(ausDatenbank);
        ausDatenbank.Bis.ShouldBe(await BisAsync());

        await SqlAsync($"UPDATE fall_sperren SET bis = current_date - 1 WHERE fall_id = '{fallId}'");
        (await HoldsAsync()).ShouldBe((null, null), "expired yesterday");

        await SqlAsync($"UPDATE fall_sperren SET bis = NULL, aufgehoben_am = now(), aufgehoben_von = 'ds' WHERE fall_id = '{fallId}'");
        (await HoldsAsync()).ShouldBe((null, null), "lifted");

        async Task<(Application.Abstractions.FallSperrvermerk? AusDatenbank, Application.Abstractions.FallSperrvermerk? AusCache)> HoldsAsync()
        {
            await using var ohneCache = ohne.NeuerBereich();
            var a = await ohneCache.Repository.LesenAsync(fallId, default);
            await using var mitCache = _dienste.NeuerBereich();
            var treffer = _dienste.Zwischenspeicher.Treffer;
            var b = await mitCache.Repository.LesenAsync(fallId, default);
            _dienste.Zwischenspeicher.Treffer.ShouldBe(treffer + 1, "the second read is answered from the cache");
            a.ShouldNotBeNull().Fall.Id.ShouldBe(fallId);
            return (a.Sperre, b.ShouldNotBeNull().Sperre);
        }

        async Task<DateOnly> BisAsync()
        {
            await using var verbindung = new NpgsqlConnection(fixture.OwnerConnectionString);
            await verbindung.OpenAsync();
            await using var befehl = new NpgsqlCommand($"SELECT bis FROM fall_sperren WHERE fall_id = '{fallId}'", verbindung);
            return (DateOnly)(await befehl.ExecuteScalarAsync())!;
        }

        async Task SqlAsync(string sql)
        {
            await using var verbindung = new NpgsqlConnection(fixture.OwnerConnectionString);
            await verbindung.OpenAsync();
            await using var befehl = new NpgsqlCommand(sql, verbindung);
            await befehl.ExecuteNonQueryAsync();
        }
    }
}
