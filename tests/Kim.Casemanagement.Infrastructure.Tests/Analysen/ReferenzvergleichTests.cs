using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// On random event logs (ties on the same day, steps that stay in their state, several referrals per Fall, open and closed
/// Fälle), every SQL analysis returns exactly what the reference algorithm returns.
/// </summary>
public sealed class ReferenzvergleichTests
{
    private static readonly Dictionary<Spur, string[]> Zustaende = new()
    {
        [Spur.Prozess] = ["Anfrage", "Klaerung", "Assessment", "Hilfeplanung", "Umsetzung", "Monitoring", "Ruhend", "Abschluss"],
        [Spur.Aufenthalt] = ["Aufenthaltsgestattung", "Schutzstatus", "AufenthaltserlaubnisSchutz", "Duldung"],
        [Spur.Leistungen] = ["AsylbLG", "RechtskreiswechselFaellig", "Sgb2Beantragt", "Sgb2Bewilligt", "Kooperationsplan"],
        [Spur.Bildung] = ["Erstberatung", "SprachstandFestgestellt", "IntegrationskursLaeuft", "Berufssprachkurs"],
    };

    internal static Ereignislog Zufallslog(int saat)
    {
        var zufall = new Random(saat);
        var log = new Ereignislog();
        for (var f = 0; f < 40; f++)
        {
            var aufnahme = D(2024, 1, 1).AddDays(zufall.Next(0, 400));
            var fall = log.Fall(aufnahme, einreise: aufnahme.AddDays(-zufall.Next(0, 2000)));
            foreach (var (spur, zustaende) in Zustaende)
            {
                var datum = aufnahme.AddDays(-zufall.Next(0, 3) * 30);
                var schritte = new List<(string, DateOnly)>();
                for (var i = 0; i < zufall.Next(1, 7); i++)
                {
                    schritte.Add((zustaende[zufall.Next(zustaende.Length)], datum));
                    datum = datum.AddDays(zufall.Next(0, 3) == 0 ? 0 : zufall.Next(1, 120));
                }

                fall.Spur(spur, [.. schritte]);
            }

            for (var u = 0; u < zufall.Next(0, 3); u++)
            {
                var datum = aufnahme.AddDays(zufall.Next(0, 60));
                fall.Ueberleitung(zufall.Next(2) == 0 ? "Jobcenter" : "Bildungsberatung", [.. new[] { "Angefragt", "Angenommen", "Erledigt" }.Take(zufall.Next(1, 4)).Select((z, i) => (z, datum.AddDays(i * 9)))]);
            }

            if (zufall.Next(3) == 0)
            {
                fall.Prozessstand("Abschluss", aufnahme.AddDays(200));
            }
        }

        return log;
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task EverySqlAnalysis_OnARandomLog_EqualsTheReferenceAlgorithm(int saat)
    {
        var log = Zufallslog(saat);
        await using var u = await AnalysenUmgebung.MitAsync(log);
        var ereignisse = log.AlsAnalyseEreignisse();

        foreach (var (spur, ueber) in new (Spur?, bool)[] { (Spur.Prozess, false), (Spur.Ueberleitung, false), (null, false), (null, true) })
        {
            Vergleich.Zeilen(await u.Daten.LandkarteAsync(u.Abfrage(), spur, ueber, default))
                .ShouldBe(Vergleich.Zeilen(Ereignisfolgen.Landkarte(ereignisse, spur, ueber, AnalysenUmgebung.Heute, log.IstOffen)), $"Landkarte {spur} {ueber}");
        }

        foreach (var spur in Enum.GetValues<Spur>())
        {
            var referenz = Ereignisfolgen.Varianten(ereignisse, spur);
            var sql = await u.Daten.VariantenAsync(u.Abfrage(), spur, 1000, default);
            Vergleich.Zeilen(sql).ShouldBe(Vergleich.Zeilen(referenz), $"Varianten {spur}");
        }

        var soll = Enum.GetValues<Spur>().SelectMany(s => AnalysenStandards.Idealverlauf(s).Kanten().Select(k => new SollKante(s, k.Von, k.Nach))).ToList();
        Vergleich.Zeilen(await u.Daten.KonformitaetAsync(u.Abfrage(), soll, Enum.GetValues<Spur>(), default))
            .ShouldBe(Vergleich.Zeilen(Ereignisfolgen.Konformitaet(ereignisse, soll, Enum.GetValues<Spur>())));
    }

    [Fact]
    public async Task VariantenAsync_WithALimit_ReturnsTheMostFrequentAndTheTotalsOverAll()
    {
        var log = Zufallslog(21);
        await using var u = await AnalysenUmgebung.MitAsync(log);

        var alle = Ereignisfolgen.Varianten(log.AlsAnalyseEreignisse(), Spur.Prozess);
        var sql = await u.Daten.VariantenAsync(u.Abfrage(), Spur.Prozess, 3, default);

        sql.Haeufigste.Count.ShouldBe(3);
        Vergleich.Zeilen(sql).ShouldBe(Vergleich.Zeilen(alle with { Haeufigste = [.. alle.Haeufigste.Take(3)] }));
    }
}
