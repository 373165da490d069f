using System.Text.Json;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Analysen.Projektion;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// One implementation per analysis (issue 19): once the per-Fall projection is built, every analysis of the API and
/// every CSV table answers from it, never from the SQL over the event log, and gives the same published figures as the
/// SQL (kept as the test reference). The SQL port here throws on any call.
/// </summary>
public sealed class EineImplementierungTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task EveryApiAnalysisAndCsv_WithTheProjectionBuilt_AnswersFromIt_WithTheFiguresOfTheSql(int saat)
    {
        await using var u = await AnalysenUmgebung.MitAsync(ReferenzvergleichTests.Zufallslog(saat));
        var projektion = new AnalysenProjektion(u.DataSource, new FesterKalender(AnalysenUmgebung.Heute));
        (await projektion.AktualisierenAsync(default)).ShouldBeGreaterThan(0);
        var schnell = u.Handler(o => o.Mindestgroesse = 2, projektion: projektion, sql: new KeineSql());
        var referenz = u.Handler(o => o.Mindestgroesse = 2);

        foreach (var f in new[] { AnalyseFilter.Keiner, new AnalyseFilter(Von: D(2024, 3, 1), Bis: D(2024, 10, 31)), new AnalyseFilter(ZieldimensionI: true) })
        {
            var was = f.Beschreibung();
            Gleich(await schnell.ProzesslandkarteAsync(f, null, default), await referenz.ProzesslandkarteAsync(f, null, default), was);
            foreach (var spur in Enum.GetValues<Spur>())
            {
                Gleich(await schnell.ProzesslandkarteAsync(f, spur, default), await referenz.ProzesslandkarteAsync(f, spur, default), $"{was} {spur}");
                Gleich(await schnell.VariantenAsync(f, spur, default), await referenz.VariantenAsync(f, spur, default), $"{was} {spur}");
            }

            Gleich(await schnell.DauernAsync(f, null, default), await referenz.DauernAsync(f, null, default), was);
            Gleich(await schnell.AbweichungenAsync(f, default), await referenz.AbweichungenAsync(f, default), was);
            Gleich(await schnell.KennzahlenAsync(f, default), await referenz.KennzahlenAsync(f, default), was);
            Gleich(await schnell.ThemenAsync(f, default), await referenz.ThemenAsync(f, default), was);
            foreach (var tabelle in AnalyseTabellen.Namen)
            {
                var spur = tabelle == "varianten" ? Spur.Prozess : (Spur?)null;
                Gleich(await schnell.TabelleAsync(tabelle, f, spur, null, default), await referenz.TabelleAsync(tabelle, f, spur, null, default), $"{was} {tabelle}");
            }
        }

        schnell.Vorberechnet.ShouldBe(projektion.Aktuell!.Stand);
        referenz.Vorberechnet.ShouldBeNull();
    }

    private static void Gleich<T>(T schnell, T referenz, string was) =>
        JsonSerializer.Serialize(schnell, Json).ShouldBe(JsonSerializer.Serialize(referenz, Json), was);

    /// <summary>The SQL port, which must not be asked once the projection is built.</summary>
    private sealed class KeineSql : IAnalysenDaten
    {
        private static T Nie<T>() => throw new InvalidOperationException("Die SQL-Auswertung wurde aufgerufen, obwohl die Projektion bereitsteht.");

        public Task<Population> PopulationAsync(AnalyseAbfrage abfrage, bool mitZeitraum, CancellationToken ct) => Nie<Task<Population>>();

        public Task<bool> UeberschneidenSichAsync(AnalyseAbfrage a, AnalyseAbfrage b, CancellationToken ct) => Nie<Task<bool>>();

        public Task<LandkartenRohdaten> LandkarteAsync(AnalyseAbfrage abfrage, Spur? spur, bool spuruebergreifend, CancellationToken ct) => Nie<Task<LandkartenRohdaten>>();

        public Task<VariantenRohdaten> VariantenAsync(AnalyseAbfrage abfrage, Spur spur, int anzahl, CancellationToken ct) => Nie<Task<VariantenRohdaten>>();

        public Task<IReadOnlyList<DauerBeobachtung>> DauernAsync(AnalyseAbfrage abfrage, MeilensteinDefinition meilenstein, CancellationToken ct) => Nie<Task<IReadOnlyList<DauerBeobachtung>>>();

        public Task<KonformitaetsRohdaten> KonformitaetAsync(AnalyseAbfrage abfrage, IReadOnlyCollection<SollKante> soll, IReadOnlyCollection<Spur> spuren, CancellationToken ct) => Nie<Task<KonformitaetsRohdaten>>();

        public Task<IReadOnlyList<QuartalsWertRoh>> KennzahlenAsync(AnalyseAbfrage abfrage, CancellationToken ct) => Nie<Task<IReadOnlyList<QuartalsWertRoh>>>();

        public Task<IReadOnlyList<ThemenWertRoh>> ThemenAsync(AnalyseAbfrage abfrage, CancellationToken ct) => Nie<Task<IReadOnlyList<ThemenWertRoh>>>();
    }
}
