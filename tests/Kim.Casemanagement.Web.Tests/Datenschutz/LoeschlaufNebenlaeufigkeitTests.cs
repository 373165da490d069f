using System.Net;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Datenschutz;

/// <summary>
/// The erasure job against concurrency (Issue 15 item 3): two runs at once (two instances) anonymise every due Fall
/// exactly once; a case manager reopening a Fall while the job erases it: one of them wins, nothing is half-done.
/// The period is one day (a rule row, as a Kommune would set it) and the Fälle were closed on 3 November 2026.
/// </summary>
public sealed class LoeschlaufNebenlaeufigkeitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly Rechtsregeltabelle EinTag = Rechtsregeltabelle.Standard.MitErsetzten(
        [new Rechtsregel("Aufbewahrung.FallakteNachAbschluss", new DateOnly(2020, 1, 1), null, "P1D", "Test")]);

    [Fact]
    public async Task ZweiLaeufe_Gleichzeitig_AnonymisierenJedenFaelligenFallGenauEinmal()
    {
        var faelle = await GeschlosseneFaelleAsync(12);

        await using var a = Loeschung();
        await using var b = Loeschung();
        var laeufe = await Task.WhenAll(a.LaufAsync(false, default), b.LaufAsync(false, default));

        // One run did the work (or both, one after the other: the second found nothing due); never a Fall twice.
        laeufe.Where(l => l is not null).SelectMany(l => l!).Sum(l => l.Anonymisiert).ShouldBeGreaterThanOrEqualTo(faelle.Length);
        (await ZahlAsync("SELECT count(*) FROM faelle WHERE id = ANY(@f)", faelle)).ShouldBe(0);
        (await ZahlAsync("SELECT count(*) FROM fall_ereignisse WHERE fall_id = ANY(@f)", faelle)).ShouldBe(0);
        (await ZahlAsync("SELECT count(*) FROM faelle f WHERE f.anonymisiert_am IS NOT NULL AND f.ereignis_anzahl <> (SELECT count(*) FROM fall_ereignisse e WHERE e.fall_id = f.id)", faelle)).ShouldBe(0);
        (await ZahlAsync("SELECT coalesce(sum(anonymisiert), 0) FROM loeschlaeufe WHERE NOT probelauf", faelle))
            .ShouldBe(await ZahlAsync("SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL", faelle));
    }

    [Fact]
    public async Task Wiederaufnahme_WaehrendDerLoeschung_EinerGewinntNichtsHalb()
    {
        var faelle = await GeschlosseneFaelleAsync(16);
        var vorher = await ZahlAsync("SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL", faelle);

        await using var loeschung = Loeschung();
        var lauf = Task.Run(() => loeschung.LaufAsync(false, default));

        // Once the job has anonymised its first Fall, every Fall is reopened at once: some are gone already, some not
        // yet, and the ones in between race with the job.
        while (await ZahlAsync("SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL", faelle) == vorher && !lauf.IsCompleted)
        {
            await Task.Delay(2);
        }

        var wiederaufnahmen = faelle.Select(async id =>
        {
            using var antwort = await api.Client.SchrittAsync(id, "Prozess", "Wiederaufnehmen", "2026-12-01");
            return (id, antwort.StatusCode);
        }).ToArray();
        await lauf;
        var ergebnisse = await Task.WhenAll(wiederaufnahmen);

        foreach (var (id, status) in ergebnisse)
        {
            status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Conflict);
            var vorhanden = await ZahlAsync("SELECT count(*) FROM faelle WHERE id = ANY(@f)", [id]);
            if (status == HttpStatusCode.OK)
            {
                // The reopening won: the Fall is open again and was not touched by the job.
                vorhanden.ShouldBe(1);
                (await ZahlAsync("SELECT count(*) FROM faelle WHERE id = ANY(@f) AND prozess_zustand = 'Wiederaufnahme' AND klient_id IS NOT NULL", [id])).ShouldBe(1);
            }
            else
            {
                // The erasure won: nothing of the old Fall is left, and the refused write stored nothing.
                vorhanden.ShouldBe(0);
                (await ZahlAsync("SELECT count(*) FROM fall_ereignisse WHERE fall_id = ANY(@f)", [id])).ShouldBe(0);
            }
        }

        var geloescht = ergebnisse.Count(e => e.StatusCode != HttpStatusCode.OK);
        (await ZahlAsync("SELECT count(*) FROM faelle WHERE anonymisiert_am IS NOT NULL", faelle)).ShouldBe(vorher + geloescht);
        (await ZahlAsync("SELECT count(*) FROM faelle f WHERE f.anonymisiert_am IS NOT NULL AND f.ereignis_anzahl <> (SELECT count(*) FROM fall_ereignisse e WHERE e.fall_id = f.id)", faelle)).ShouldBe(0);
    }

    private FallLoeschung Loeschung() =>
        new(api.Database.OwnerConnectionString, EinTag, new Kalender(TimeProvider.System), NullLogger<FallLoeschung>.Instance);

    /// <summary>New Fälle, each taken into clarification and then broken off on 3 November 2026.</summary>
    private async Task<Guid[]> GeschlosseneFaelleAsync(int anzahl)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < anzahl; i++)
        {
            ids.Add(await api.Client.GeschlossenerFallAsync());
        }

        return [.. ids];
    }

    private async Task<long> ZahlAsync(string sql, Guid[] faelle)
    {
        await using var verbindung = new NpgsqlConnection(api.Database.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        befehl.Parameters.AddWithValue("f", faelle);
        return Convert.ToInt64(await befehl.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
