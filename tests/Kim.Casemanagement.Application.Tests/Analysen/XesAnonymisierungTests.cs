using Kim.Casemanagement.Application.Analysen;

namespace Kim.Casemanagement.Application.Tests.Analysen;

/// <summary>The k-anonymisation of the XES log: rare variants left out (0 or at least k of them), attributes generalised, weeks as group medians.</summary>
public sealed class XesAnonymisierungTests
{
    private const int K = 5;

    private static readonly XesMerkmale Jung = new("Duldung", "JungeErwachsene", true);
    private static readonly XesMerkmale Alt = new("Duldung", "Aeltere", false);

    private static IEnumerable<XesRohverlauf> Viele(int anzahl, int[] aktivitaeten, XesMerkmale merkmale, Func<int, int[]>? tage = null) =>
        Enumerable.Range(0, anzahl).Select(i => new XesRohverlauf(aktivitaeten, tage?.Invoke(i) ?? aktivitaeten.Select(_ => 0).ToArray(), merkmale));

    [Fact]
    public void Bilden_LeavesOutVariantsBelowK_AndCountsThem()
    {
        var verlaeufe = Viele(6, [1, 2], Jung).Concat(Viele(5, [1, 3], Jung))
            .Concat(Viele(2, [1, 4], Jung)).Concat(Viele(3, [1, 5], Jung)).ToList();

        var log = XesAnonymisierung.Bilden(verlaeufe, K);

        log.Klassen.Select(k => (string.Join(",", k.Aktivitaeten), k.Faelle)).ShouldBe([("1,2", 6), ("1,3", 5)]);
        log.AusgelasseneFaelle.ShouldBe(5);
        log.AusgelasseneVarianten.ShouldBe(2);
        (log.Faelle + log.AusgelasseneFaelle!.Value).ShouldBe(verlaeufe.Count);
    }

    [Fact]
    public void Bilden_WhenFewerThanKWouldBeLeftOut_LeavesOutTheSmallestKeptVariantWithThem()
    {
        var verlaeufe = Viele(8, [1, 2], Jung).Concat(Viele(5, [1, 3], Jung)).Concat(Viele(1, [9], Jung)).ToList();

        var log = XesAnonymisierung.Bilden(verlaeufe, K);

        log.Klassen.Select(k => (string.Join(",", k.Aktivitaeten), k.Faelle)).ShouldBe([("1,2", 8)]);
        log.AusgelasseneFaelle.ShouldBe(6, "one rare Fall alone would be a count below k");
        log.AusgelasseneVarianten.ShouldBe(2);
    }

    [Fact]
    public void Bilden_WhenNoVariantReachesK_WritesNothing()
    {
        var log = XesAnonymisierung.Bilden([.. Viele(3, [1], Jung), .. Viele(4, [2], Jung)], K);

        log.Klassen.ShouldBeEmpty();
        log.AusgelasseneFaelle.ShouldBe(7);
    }

    [Fact]
    public void Bilden_WhenAllFaelleTogetherAreFewerThanK_WithholdsTheCountOfThoseLeftOut()
    {
        var log = XesAnonymisierung.Bilden([.. Viele(3, [1], Jung)], K);

        log.Klassen.ShouldBeEmpty();
        log.AusgelasseneFaelle.ShouldBeNull();
        log.AusgelasseneVarianten.ShouldBeNull();
    }

    [Fact]
    public void Bilden_KeepsAttributesOnlyForGroupsOfK_AndGeneralisesTheRest()
    {
        // One variant: 6 young adults and 5 older with status Duldung keep everything; 3 young adults and 2 older with
        // status Gestattung are below k even by age group alone, so the 5 of them are written without attributes.
        var verlaeufe = Viele(6, [1, 2], Jung)
            .Concat(Viele(5, [1, 2], Alt))
            .Concat(Viele(3, [1, 2], Jung with { AufenthaltsstatusBeiAufnahme = "Gestattung" }))
            .Concat(Viele(2, [1, 2], Alt with { AufenthaltsstatusBeiAufnahme = "Gestattung" }))
            .ToList();

        var log = XesAnonymisierung.Bilden(verlaeufe, K);

        log.Klassen.Select(k => (k.Merkmale, k.Faelle)).ShouldBe(
        [
            (Jung, 6),
            (Alt, 5),
            (XesMerkmale.Keine, 5),
        ]);
    }

    [Fact]
    public void Bilden_GroupsByAgeGroupAndZieldimensionI_WhenTheStatusSplitsThemBelowK()
    {
        var verlaeufe = Viele(3, [1], Jung).Concat(Viele(3, [1], Jung with { AufenthaltsstatusBeiAufnahme = "Gestattung" })).ToList();

        var log = XesAnonymisierung.Bilden(verlaeufe, K);

        log.Klassen.Single().Merkmale.ShouldBe(new XesMerkmale(null, "JungeErwachsene", true));
        log.Klassen.Single().Faelle.ShouldBe(6);
    }

    [Fact]
    public void Bilden_WhenTheLastGroupWouldBeBelowK_TheSmallestAttributeGroupJoinsIt()
    {
        var verlaeufe = Viele(7, [1], Jung).Concat(Viele(5, [1], Alt)).Concat(Viele(1, [1], new XesMerkmale(null, null, false))).ToList();

        var log = XesAnonymisierung.Bilden(verlaeufe, K);

        log.Klassen.Select(k => (k.Merkmale, k.Faelle)).ShouldBe([(Jung, 7), (XesMerkmale.Keine, 6)]);
        log.Klassen.ShouldAllBe(k => k.Faelle >= K);
    }

    [Fact]
    public void Bilden_GivesEachGroupTheLowerMedianWeekPerStep_NeverADay()
    {
        // Days since intake per Fall: step 1 at 0..4 days (week 0), step 2 at 10, 20, 30, 40, 50 days (weeks 1, 2, 4, 5, 7).
        var verlaeufe = Viele(5, [1, 2], Jung, i => [i, 10 * (i + 1)]).Concat(Viele(1, [1, 2], Jung, _ => [-15, 400])).ToList();

        var klasse = XesAnonymisierung.Bilden(verlaeufe, K).Klassen.Single();

        klasse.Faelle.ShouldBe(6);
        klasse.WochenSeitAufnahme.ShouldBe([0, 4], "lower median of (-3, 0, 0, 0, 0, 0) and of (1, 2, 4, 5, 7, 57)");
        XesAnonymisierung.Woche(-1).ShouldBe(-1);
        XesAnonymisierung.Woche(6).ShouldBe(0);
        XesAnonymisierung.Woche(7).ShouldBe(1);
    }

    [Fact]
    public void Bilden_OnRandomLogs_WritesOnlyGroupsOfAtLeastK_WithMonotoneWeeks_AndAccountsForEveryFall()
    {
        var zufall = new Random(5);
        for (var runde = 0; runde < 50; runde++)
        {
            var verlaeufe = new List<XesRohverlauf>();
            var anzahl = zufall.Next(0, 200);
            for (var f = 0; f < anzahl; f++)
            {
                var laenge = zufall.Next(1, 4);
                var aktivitaeten = Enumerable.Range(0, laenge).Select(_ => zufall.Next(0, 3)).ToArray();
                var tag = zufall.Next(-30, 30);
                var tage = aktivitaeten.Select(_ => tag += zufall.Next(0, 40)).ToArray();
                var merkmale = new XesMerkmale(zufall.Next(3) == 0 ? null : $"S{zufall.Next(3)}", $"A{zufall.Next(3)}", zufall.Next(2) == 0);
                verlaeufe.Add(new XesRohverlauf(aktivitaeten, tage, merkmale));
            }

            var k = zufall.Next(2, 8);
            var log = XesAnonymisierung.Bilden(verlaeufe, k);

            if (log.AusgelasseneFaelle is { } ausgelassen)
            {
                (log.Faelle + ausgelassen).ShouldBe(verlaeufe.Count);
                (ausgelassen == 0 || ausgelassen >= k).ShouldBeTrue($"Runde {runde}: {ausgelassen} ausgelassen bei k = {k}");
            }
            else
            {
                verlaeufe.Count.ShouldBeInRange(1, k - 1, $"Runde {runde}: withheld only when the whole log has fewer than k Fälle");
                log.Klassen.ShouldBeEmpty();
            }

            log.Klassen.ShouldAllBe(c => c.Faelle >= k);
            log.Klassen.ShouldAllBe(c => c.WochenSeitAufnahme.Zip(c.WochenSeitAufnahme.Skip(1)).All(p => p.First <= p.Second));
            log.Klassen.Select(c => (string.Join(",", c.Aktivitaeten), string.Join(",", c.WochenSeitAufnahme), c.Merkmale)).ShouldBeUnique();
        }
    }
}
