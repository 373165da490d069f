using System.Text.Json;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>Suppression end to end: SQL aggregates, then the handler's rules, with the default minimum group size 5.</summary>
public sealed class GeheimhaltungSqlTests
{
    /// <summary>12 Fälle: Anfrage → Klärung; 9 go on to the Assessment, 3 are referred elsewhere (Verweisung). 10 are in Duldung at intake.</summary>
    private static Ereignislog ZwoelfFaelle()
    {
        var log = new Ereignislog();
        for (var i = 0; i < 12; i++)
        {
            log.Fall(D(2025, 1, 1))
                .Spur(Spur.Prozess, ("Anfrage", D(2025, 1, 1)), ("Klaerung", D(2025, 1, 10)), (i < 9 ? "Assessment" : "Verweisung", D(2025, 2, 1 + i)))
                .Spur(Spur.Aufenthalt, (i < 10 ? "Duldung" : "Aufenthaltsgestattung", D(2024, 6, 1)));
        }

        return log;
    }

    [Fact]
    public async Task ProzesslandkarteAsync_WhenOneStepIsTooSmall_AlsoWithholdsTheStepThatWouldRevealItByDifference()
    {
        await using var u = await AnalysenUmgebung.MitAsync(ZwoelfFaelle());

        var karte = await u.Handler().ProzesslandkarteAsync(AnalyseFilter.Keiner, Spur.Prozess, default);

        karte.Gesperrt.ShouldBeFalse();
        karte.Knoten.Single(k => k.Id == "Prozess:Klaerung").Anzahl.ShouldBe(12);
        karte.Kanten.ShouldNotContain(k => k.Nach == "Prozess:Verweisung", "3 Fälle: below the minimum");
        karte.Kanten.ShouldNotContain(k => k.Nach == "Prozess:Assessment", "12 - 9 would reveal the 3");
        karte.Kanten.Single(k => k.Von == "Prozess:Anfrage").Anzahl.ShouldBe(12);
    }

    [Fact]
    public async Task ProzesslandkarteAsync_WhenAFilterLeavesOutFewerThanTheMinimum_ShowsNothing()
    {
        await using var u = await AnalysenUmgebung.MitAsync(ZwoelfFaelle());
        var handler = u.Handler();

        // Duldung: 10 of 12. Compared with the unfiltered map, the 2 others could be computed by difference.
        var duldung = await handler.ProzesslandkarteAsync(new AnalyseFilter(Aufenthaltsstatus: AufenthaltZustand.Duldung), Spur.Prozess, default);
        var gestattung = await handler.ProzesslandkarteAsync(new AnalyseFilter(Aufenthaltsstatus: AufenthaltZustand.Aufenthaltsgestattung), Spur.Prozess, default);

        duldung.Gesperrt.ShouldBeTrue();
        duldung.Hinweis!.ShouldContain("ohne einen der Filter");
        duldung.Knoten.ShouldBeEmpty();
        gestattung.Gesperrt.ShouldBeTrue();
        gestattung.Hinweis!.ShouldContain("weniger als 5");
    }

    [Fact]
    public async Task EveryAnalysis_NeverContainsAFallIdOrPersonalText()
    {
        var log = ZwoelfFaelle();
        await using var u = await AnalysenUmgebung.MitAsync(log);
        var handler = u.Handler(o => o.Mindestgroesse = 2);

        var ausgaben = new object[]
        {
            await handler.ProzesslandkarteAsync(AnalyseFilter.Keiner, null, default),
            await handler.ProzesslandkarteAsync(AnalyseFilter.Keiner, Spur.Prozess, default),
            await handler.VariantenAsync(AnalyseFilter.Keiner, Spur.Prozess, default),
            await handler.DauernAsync(AnalyseFilter.Keiner, null, default),
            await handler.AbweichungenAsync(AnalyseFilter.Keiner, default),
            await handler.KennzahlenAsync(AnalyseFilter.Keiner, default),
            await handler.ThemenAsync(AnalyseFilter.Keiner, default),
        };

        var json = string.Join('\n', ausgaben.Select(a => JsonSerializer.Serialize(a)));
        foreach (var fall in log.Faelle)
        {
            json.ShouldNotContain(fall.Id.ToString());
            json.ShouldNotContain(fall.KlientId.ToString());
        }

        json.ShouldNotContain("Notiz");
        json.ShouldNotContain("Test");
        json.ShouldNotContain("fm.a");
    }
}
