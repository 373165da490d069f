using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using static Kim.Casemanagement.Infrastructure.Tests.Persistence.Testfaelle;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// A correction of the client's master data (Art. 16 DSGVO) is stored with the Fall's version check, in the same batch:
/// read back from the database and from the cache alike; a stale correction stores nothing.
/// </summary>
public sealed partial class FallRepositoryTests
{
    [Fact]
    public async Task SpeichernAsync_WhenTheClientWasCorrected_WritesTheClientRowAndEveryReadSeesTheNewValues()
    {
        var fallId = await NeuerFallAsync();
        var anderer = await NeuerFallAsync();
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = (await bereich.Repository.LadenAsync(fallId, default))!;
            fall.KlientBerichtigen(fall.Klient.Stammdaten with { Vorname = "Aminah", Geburtsdatum = new DateOnly(1990, 7, 4), MinderjaehrigeKinder = 3 }, Fallmanagerin, Heute, Jetzt);
            await bereich.Repository.SpeichernAsync(fall, default);
            fall.KlientGeaendert.ShouldBeFalse("the flag is cleared once the row is stored");
        }

        (await Sql.ScalarAsync<string>(fixture.OwnerConnectionString, $"SELECT k.vorname || ' ' || k.geburtsdatum || ' ' || k.minderjaehrige_kinder || ' ' || f.version FROM klienten k JOIN faelle f ON f.klient_id = k.id WHERE f.id = '{fallId}'"))
            .ShouldBe("Aminah 1990-07-04 3 2");
        (await Sql.ScalarAsync<string>(fixture.OwnerConnectionString, $"SELECT k.vorname FROM klienten k JOIN faelle f ON f.klient_id = k.id WHERE f.id = '{anderer}'"))
            .ShouldBe("Amina", "only the Fall's own client row changes");
        await using var lesen = _dienste.NeuerBereich();
        var gelesen = (await lesen.Repository.LesenAsync(fallId, default))!.Fall;
        gelesen.Klient.Vorname.ShouldBe("Aminah");
        gelesen.Klient.MinderjaehrigeKinder.ShouldBe(3);
    }

    [Fact]
    public async Task SpeichernAsync_WhenACorrectionRacesWithAnotherChange_ThrowsKonfliktAndTheClientRowStaysAsItWas()
    {
        var fallId = await NeuerFallAsync();
        await using var erster = _dienste.NeuerBereich();
        await using var zweiter = _dienste.NeuerBereich();
        var fallErster = (await erster.Repository.LadenAsync(fallId, default))!;
        var fallZweiter = (await zweiter.Repository.LadenAsync(fallId, default))!;
        fallErster.Zuweisen("fm.erste", null, Jetzt);
        fallZweiter.KlientBerichtigen(fallZweiter.Klient.Stammdaten with { Nachname = "Haddad-Berichtigt" }, Fallmanagerin, Heute, Jetzt);

        await erster.Repository.SpeichernAsync(fallErster, default);
        await Should.ThrowAsync<KonfliktException>(() => zweiter.Repository.SpeichernAsync(fallZweiter, default));

        (await Sql.ScalarAsync<string>(fixture.OwnerConnectionString, $"SELECT k.nachname FROM klienten k JOIN faelle f ON f.klient_id = k.id WHERE f.id = '{fallId}'"))
            .ShouldBe("Haddad");
        (await Sql.ScalarAsync<long>(fixture.OwnerConnectionString, $"SELECT count(*) FROM notizen WHERE fall_id = '{fallId}'")).ShouldBe(0L);
    }
}
