using Kim.Casemanagement.Infrastructure.Audit;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>The Datenschutz search: every filter, newest first, paging.</summary>
public sealed class AuditAbfrageTests
{
    private static readonly Guid FallA = Guid.Parse("aaaaaaaa-0000-4000-8000-000000000001");
    private static readonly Guid FallB = Guid.Parse("bbbbbbbb-0000-4000-8000-000000000002");
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SuchenAsync_WithEachFilter_ReturnsExactlyTheMatchingRowsNewestFirst()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        await using (var schreiber = Schreiber(dataSource))
        {
            await schreiber.EinreihenAsync([
                Zeile("a1", FallA, "fm.a", "Fall.Lesen", 0),
                Zeile("a2", FallA, "fm.b", "Fall.Schritt", 10),
                Zeile("b1", FallB, "fm.a", "Fall.Lesen", 20),
                Zeile("a3", FallA, "fm.a", "Fall.Lesen", 30),
                Zeile("b2", FallB, "fm.b", "Fall.Lesen", 40),
            ]);
        }

        var abfrage = new AuditAbfrage(dataSource);
        async Task<string[]> Details(AuditFilter filter) => [.. (await abfrage.SuchenAsync(filter, default)).Eintraege.Select(e => e.Detail!)];

        (await Details(new AuditFilter())).ShouldBe(["b2", "a3", "b1", "a2", "a1"]);
        (await Details(new AuditFilter { FallId = FallA })).ShouldBe(["a3", "a2", "a1"]);
        (await Details(new AuditFilter { BenutzerId = "fm.a" })).ShouldBe(["a3", "b1", "a1"]);
        (await Details(new AuditFilter { Von = T0.AddMinutes(10), Bis = T0.AddMinutes(40) })).ShouldBe(["a3", "b1", "a2"]);
        (await Details(new AuditFilter { Aktion = "Fall.Lesen", FallId = FallB })).ShouldBe(["b2", "b1"]);
        (await Details(new AuditFilter { Von = T0.ToOffset(TimeSpan.FromHours(2)).AddMinutes(35) })).ShouldBe(["b2"]);

        // An action ending with a dot names its area; LIKE's wildcards in it are plain characters.
        (await Details(new AuditFilter { Aktion = "Fall." })).ShouldBe(["b2", "a3", "b1", "a2", "a1"]);
        (await Details(new AuditFilter { Aktion = "Fall.", BenutzerId = "fm.b" })).ShouldBe(["b2", "a2"]);
        (await Details(new AuditFilter { Aktion = "Fall.Les" })).ShouldBeEmpty();
        (await Details(new AuditFilter { Aktion = "Fal." })).ShouldBeEmpty();
        (await Details(new AuditFilter { Aktion = "F%." })).ShouldBeEmpty();
        (await Details(new AuditFilter { Aktion = "Fall_Lesen" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task SuchenAsync_WithPages_ReturnsEachRowOnceAndTellsWhetherMoreFollow()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.AppConnectionString);
        await using (var schreiber = Schreiber(dataSource))
        {
            await schreiber.EinreihenAsync(Enumerable.Range(1, 5).Select(i => Zeile($"z{i}", FallA, "fm.a", "Fall.Lesen", i)));
        }

        var abfrage = new AuditAbfrage(dataSource);
        var seiten = new List<AuditSeite>();
        for (var seite = 1; seite <= 3; seite++)
        {
            seiten.Add(await abfrage.SuchenAsync(new AuditFilter { Seite = seite, Groesse = 2 }, default));
        }

        seiten.Select(s => string.Join(',', s.Eintraege.Select(e => e.Detail))).ShouldBe(["z5,z4", "z3,z2", "z1"]);
        seiten.Select(s => s.HatWeitere).ShouldBe([true, true, false]);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => abfrage.SuchenAsync(new AuditFilter { Groesse = AuditFilter.MaxGroesse + 1 }, default));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => abfrage.SuchenAsync(new AuditFilter { Seite = 0 }, default));
    }

    private static AuditEintrag Zeile(string detail, Guid fallId, string benutzerId, string aktion, int minuten)
    {
        var eintrag = Eintrag(aktion, 200, fallId, benutzerId);
        eintrag.Detail = detail;
        eintrag.Zeitpunkt = T0.AddMinutes(minuten);
        return eintrag;
    }
}
