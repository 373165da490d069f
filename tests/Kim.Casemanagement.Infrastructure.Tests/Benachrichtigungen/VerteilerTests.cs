using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Testing;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tests.Benachrichtigungen;

/// <summary>
/// The dispatcher's cursor against real concurrent transactions: a row that commits after a later-started one was
/// already delivered is still delivered (once), rolled-back rows never are, and per-recipient seq numbers have no gaps.
/// </summary>
public sealed class VerteilerTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Jetzt = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Runde_WhenAnEarlierTransactionCommitsAfterALaterOneWasDelivered_DeliversTheLateRowExactlyOnce()
    {
        await using var instanz = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt);
        var verteiler = instanz.Verteiler;
        await verteiler.RundeAsync(default);
        var empfaenger = "late." + Guid.NewGuid().ToString("N");

        // T1 starts first (smaller xid) and writes its notice, but stays open.
        await using var t1Verbindung = await instanz.Datenbank.DataSource.OpenConnectionAsync();
        await using var t1 = await t1Verbindung.BeginTransactionAsync();
        await SchreibenAsync(t1Verbindung, t1, "frueh", "anderer." + empfaenger);

        // T2 starts later (larger xid), commits at once, and is delivered.
        await using (var t2Verbindung = await instanz.Datenbank.DataSource.OpenConnectionAsync())
        await using (var t2 = await t2Verbindung.BeginTransactionAsync())
        {
            await SchreibenAsync(t2Verbindung, t2, "spaet", empfaenger);
            await t2.CommitAsync();
        }

        (await verteiler.RundeAsync(default)).ShouldBe(1);
        instanz.Zustellung.Zugestellt.Select(z => z.Benachrichtigung.Titel).ShouldBe(["spaet"]);

        // Rounds while T1 is still open deliver nothing new, and nothing twice.
        (await verteiler.RundeAsync(default)).ShouldBe(0);
        (await verteiler.RundeAsync(default)).ShouldBe(0);

        await t1.CommitAsync();
        (await verteiler.RundeAsync(default)).ShouldBe(1);
        (await verteiler.RundeAsync(default)).ShouldBe(0);
        instanz.Zustellung.Zugestellt.Select(z => z.Benachrichtigung.Titel).ShouldBe(["spaet", "frueh"]);
    }

    [Fact]
    public async Task Runde_WhenATransactionRollsBack_NeverDeliversItsRows()
    {
        await using var instanz = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt);
        await instanz.Verteiler.RundeAsync(default);
        var empfaenger = "rollback." + Guid.NewGuid().ToString("N");

        await using (var verbindung = await instanz.Datenbank.DataSource.OpenConnectionAsync())
        await using (var tx = await verbindung.BeginTransactionAsync())
        {
            await SchreibenAsync(verbindung, tx, "verworfen", empfaenger);
            (await instanz.Verteiler.RundeAsync(default)).ShouldBe(0);
            await tx.RollbackAsync();
        }

        await using (var verbindung = await instanz.Datenbank.DataSource.OpenConnectionAsync())
        await using (var tx = await verbindung.BeginTransactionAsync())
        {
            await SchreibenAsync(verbindung, tx, "gilt", empfaenger);
            await tx.CommitAsync();
        }

        await instanz.Verteiler.RundeAsync(default);
        var zugestellt = instanz.Zustellung.Zugestellt.Where(z => z.Empfaenger == empfaenger).ToList();
        zugestellt.Select(z => (z.Benachrichtigung.Titel, z.Benachrichtigung.Seq)).ShouldBe([("gilt", 1L)]);
    }

    [Fact]
    public async Task Runde_UnderConcurrentWritersWithRandomCommitDelaysAndRollbacks_DeliversEveryCommittedRowOnceAndNothingElse()
    {
        await using var instanz = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt);
        var verteiler = instanz.Verteiler;
        await verteiler.RundeAsync(default);
        var praefix = "last." + Guid.NewGuid().ToString("N")[..8] + ".";
        var empfaenger = Enumerable.Range(0, 5).Select(i => praefix + i).ToArray();
        var bestaetigt = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var ende = new CancellationTokenSource();

        // The dispatcher runs rounds back to back while 16 writers commit or roll back at random moments.
        var runden = Task.Run(async () =>
        {
            while (!ende.IsCancellationRequested)
            {
                await verteiler.RundeAsync(default);
            }
        });
        var schreiber = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var zufall = new Random(w);
            for (var i = 0; i < 25; i++)
            {
                await using var verbindung = await instanz.Datenbank.DataSource.OpenConnectionAsync();
                await using var tx = await verbindung.BeginTransactionAsync();
                var titel = $"w{w}-{i}";
                var an = empfaenger.OrderBy(_ => zufall.Next()).Take(zufall.Next(1, 3)).ToArray();
                await SchreibenAsync(verbindung, tx, titel, an);
                await Task.Delay(zufall.Next(0, 15));
                if (zufall.Next(5) == 0)
                {
                    await tx.RollbackAsync();
                }
                else
                {
                    await tx.CommitAsync();
                    foreach (var e in an)
                    {
                        bestaetigt.Add(e + "|" + titel);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(schreiber);
        await ende.CancelAsync();
        await runden;
        await verteiler.RundeAsync(default);

        var zugestellt = instanz.Zustellung.Zugestellt.Where(z => z.Empfaenger.StartsWith(praefix, StringComparison.Ordinal)).ToList();
        zugestellt.Select(z => z.Empfaenger + "|" + z.Benachrichtigung.Titel).OrderBy(x => x, StringComparer.Ordinal)
            .ShouldBe(bestaetigt.OrderBy(x => x, StringComparer.Ordinal), "every committed notice once, no rolled-back one");
        foreach (var gruppe in zugestellt.GroupBy(z => z.Empfaenger))
        {
            gruppe.Select(z => z.Benachrichtigung.Seq).Order().ShouldBe(Enumerable.Range(1, gruppe.Count()).Select(i => (long)i), $"gap-free seq for {gruppe.Key}");
        }
    }

    private static Task<int> SchreibenAsync(NpgsqlConnection verbindung, NpgsqlTransaction tx, string titel, params string[] empfaenger) =>
        BenachrichtigungsSql.SchreibenAsync(
            verbindung,
            tx,
            empfaenger.Select(e => new NeueBenachrichtigung(e, null, "Test", titel, "Text", null)).ToList(),
            Jetzt,
            default);
}
