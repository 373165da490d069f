using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using static Kim.Casemanagement.Infrastructure.Tests.Persistence.Testfaelle;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// The per-instance cache of Fall rows (ADR 0003): a Fall built from it equals one read from the database, in every
/// property and in the order of its child records, also when instants have more than microsecond precision; a change
/// made through another instance is seen at once.
/// </summary>
public sealed partial class FallRepositoryTests
{
    // Instants with sub-microsecond ticks: PostgreSQL keeps whole microseconds.
    private static readonly DateTimeOffset Ungerade = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public async Task LadenAsync_WhenTheRowsComeFromTheCache_BuildsTheSameFallAsTheDatabaseInTheSameOrder()
    {
        await using var ohne = new KimDienste(fixture.AppConnectionString, fixture.OwnerConnectionString, new Dictionary<string, string?> { ["Database:FallZwischenspeicher"] = "0" });
        Guid fallId;
        Guid spaetesZiel;
        Guid fruehesZiel;
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = Eroeffnen(await bereich.Repository.NaechstesAktenzeichenAsync(Heute, default), jetzt: Ungerade);
            fall.EinwilligungInCaseManagement(Ungerade);
            fall.EinwilligungErteilen(Guid.NewGuid(), Empfaenger.Jobcenter, Datenkategorie.Leistungen, "Übergang in die Grundsicherung vorbereiten", Aufnahmetag, null, "EW-JC", Fallmanagerin, Ungerade.AddTicks(3));
            spaetesZiel = fall.ZielVereinbaren(Guid.NewGuid(), "Sprachkurs B1 abschließen", new DateOnly(2026, 9, 30), "Klientin", null, new DateOnly(2026, 2, 20), Heute, Ungerade).Id;
            fall.VertretungEinrichten(Guid.NewGuid(), "fm.schulz", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Ungerade);
            fall.VertretungEinrichten(Guid.NewGuid(), "fm.weber", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), Ungerade);
            fallId = fall.Id;
            await bereich.Repository.HinzufuegenAsync(fall, default);
        }

        await GleichAsync();

        // A goal agreed earlier than the existing one (the database orders it first), a withdrawn consent, a removed
        // deputy, a step with its follow-ups: saved, then compared again.
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = (await bereich.Repository.LadenAsync(fallId, default))!;
            var spaeter = Ungerade.AddTicks(7654321);
            fruehesZiel = fall.ZielVereinbaren(Guid.NewGuid(), "Wohnung finden", new DateOnly(2026, 6, 30), "Klientin", null, new DateOnly(2026, 1, 20), Heute, spaeter).Id;
            fall.EinwilligungWiderrufen(fall.Einwilligungen.Single(e => e.Empfaenger == Empfaenger.Jobcenter).Id, Fallmanagerin, spaeter);
            fall.VertretungBeenden(fall.Vertretungen.Single(v => v.BenutzerId == "fm.weber").Id, spaeter);
            fall.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Klaeren), Aufnahmetag, jetzt: spaeter);
            fall.WiedervorlageAnlegen(Guid.NewGuid(), new DateOnly(2026, 3, 20), "Unterlagen anfordern", WiedervorlageArt.Manuell, null, null, spaeter);
            await bereich.Repository.SpeichernAsync(fall, default);
        }

        var treffer = _dienste.Zwischenspeicher.Treffer;
        var (ausCache, ausDatenbank) = await GleichAsync();
        _dienste.Zwischenspeicher.Treffer.ShouldBe(treffer + 1, "the second load is answered from the rows the save kept");
        ausCache.Ziele.Select(z => z.Id).ShouldBe([fruehesZiel, spaetesZiel]);
        ausDatenbank.Ziele.Select(z => z.Id).ShouldBe([fruehesZiel, spaetesZiel]);
        ausCache.Vertretungen.Select(v => v.BenutzerId).ShouldBe(["fm.schulz"]);
        ausCache.GeaendertAm.Ticks.ShouldBe(ausDatenbank.GeaendertAm.Ticks);
        ohne.Zwischenspeicher.Treffer.ShouldBe(0, "with size 0 nothing is cached");

        async Task<(Fall AusCache, Fall AusDatenbank)> GleichAsync()
        {
            await using var mitCache = _dienste.NeuerBereich();
            await using var ohneCache = ohne.NeuerBereich();
            var a = (await mitCache.Repository.LadenAsync(fallId, default))!;
            var b = (await ohneCache.Repository.LadenAsync(fallId, default))!;
            Abbild(a).ShouldBe(Abbild(b));
            foreach (var (x, y) in new[]
            {
                (a.Einwilligungen.Select(e => e.Id), b.Einwilligungen.Select(e => e.Id)),
                (a.Ziele.Select(z => z.Id), b.Ziele.Select(z => z.Id)),
                (a.Wiedervorlagen.Select(w => w.Id), b.Wiedervorlagen.Select(w => w.Id)),
                (a.Vertretungen.Select(v => v.Id), b.Vertretungen.Select(v => v.Id)),
                (a.Ueberleitungen.Select(u => u.Id), b.Ueberleitungen.Select(u => u.Id)),
            })
            {
                x.ShouldBe(y, "child records in the order of a database load");
            }

            return (a, b);
        }
    }

    [Fact]
    public async Task LesenAsync_WhenTheVersionIsCached_SharesOneInstancePerVersionAndGivesEachCallerItsOwnOnRequest()
    {
        Guid fallId;
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = Eroeffnen(await bereich.Repository.NaechstesAktenzeichenAsync(Heute, default));
            fall.EinwilligungInCaseManagement(Ungerade);
            fallId = fall.Id;
            await bereich.Repository.HinzufuegenAsync(fall, default);
        }

        async Task<GelesenerFall> LesenAsync()
        {
            await using var bereich = _dienste.NeuerBereich();
            return (await bereich.Repository.LesenAsync(fallId, default))!;
        }

        var erste = await LesenAsync();
        var zweite = await LesenAsync();
        var dritte = await LesenAsync();

        zweite.Fall.ShouldBeSameAs(dritte.Fall, "reads of one cached version share the instance");
        var eigener = zweite.Eigener();
        eigener.ShouldNotBeSameAs(zweite.Fall, "what a caller may use for steps and state machines is its own");
        Abbild(eigener).ShouldBe(Abbild(zweite.Fall));
        Abbild(zweite.Fall).ShouldBe(Abbild(erste.Fall));

        // A change makes a new version: the next reads share a new instance with the change, the old one is left alone.
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = (await bereich.Repository.LadenAsync(fallId, default))!;
            fall.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Klaeren), Aufnahmetag);
            await bereich.Repository.SpeichernAsync(fall, default);
        }

        var nachher = await LesenAsync();
        nachher.Fall.ShouldNotBeSameAs(zweite.Fall);
        nachher.Fall.Version.ShouldBe(zweite.Fall.Version + 1);
        nachher.Fall.Prozess.Zustand.ShouldBe(ProzessZustand.Klaerung);
        zweite.Fall.Prozess.Zustand.ShouldNotBe(ProzessZustand.Klaerung);
        (await LesenAsync()).Fall.ShouldBeSameAs(nachher.Fall);
    }

    [Fact]
    public async Task LadenAsync_WhenAnotherInstanceChangedTheCachedFall_ReadsTheNewVersion()
    {
        await using var andereInstanz = new KimDienste(fixture.AppConnectionString, fixture.OwnerConnectionString);
        var fallId = await NeuerFallAsync(angaben: Asylverfahren, mitEinwilligungen: true);
        await using (var bereich = _dienste.NeuerBereich())
        {
            (await bereich.Repository.LadenAsync(fallId, default))!.Version.ShouldBe(1);
        }

        await using (var bereich = andereInstanz.NeuerBereich())
        {
            var fall = (await bereich.Repository.LadenAsync(fallId, default))!;
            fall.Ausfuehren(Spur.Aufenthalt, nameof(AufenthaltTrigger.Anerkennen), new DateOnly(2026, 2, 25), new() { [ParameterNamen.Schutzform] = nameof(Schutzform.Asylberechtigung) });
            await bereich.Repository.SpeichernAsync(fall, default);
        }

        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = (await bereich.Repository.LadenAsync(fallId, default))!;
            fall.Version.ShouldBe(2);
            fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Schutzstatus);
            fall.Wiedervorlagen.Count.ShouldBe(1, "the follow-up of the Rechtskreiswechsel, written by the other instance");
        }
    }
}
