using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Analysen;
using static Kim.Casemanagement.Infrastructure.Tests.Analysen.Ereignislog;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>The cohort filters in SQL judge every Fall exactly as the domain does (Klient.AlterAm, IstJungeErwachseneAm, IstInZieldimensionIAm).</summary>
public sealed class KohortenSqlTests
{
    private static readonly Guid TeamNord = Guid.Parse("11111111-1111-1111-1111-111111111111");

    /// <summary>(birth date, entry date, intake date, residence status at intake, team)</summary>
    private static readonly (DateOnly Geburt, DateOnly? Einreise, DateOnly Aufnahme, string Status, Guid? Team)[] Personen =
    [
        (D(2007, 6, 15), D(2022, 6, 16), D(2025, 6, 15), "Duldung", TeamNord),          // 18 today; entry 3 years minus a day ago
        (D(2007, 6, 16), D(2022, 6, 15), D(2025, 6, 15), "Duldung", TeamNord),          // 17 until tomorrow; entry exactly 3 years ago
        (D(1997, 6, 16), null, D(2025, 6, 15), "Aufenthaltsgestattung", null),          // still 27; entry unknown
        (D(1997, 6, 15), D(2024, 1, 1), D(2025, 6, 15), "Aufenthaltsgestattung", TeamNord), // 28 today
        (D(2008, 2, 29), D(2025, 1, 1), D(2026, 2, 28), "Schutzstatus", null),          // 18 on 28 February of a common year
        (D(1980, 1, 1), D(2015, 9, 1), D(2025, 3, 1), "Duldung", null),
    ];

    internal static Ereignislog Log()
    {
        var log = new Ereignislog();
        foreach (var p in Personen)
        {
            log.Fall(p.Aufnahme, p.Geburt, p.Einreise, p.Team).Spur(Spur.Aufenthalt, (p.Status, p.Aufnahme), ("Ausgereist", p.Aufnahme.AddDays(30)));
        }

        return log;
    }

    public static TheoryData<string, AnalyseFilter> Filter() => new()
    {
        { "Duldung", new AnalyseFilter(Aufenthaltsstatus: AufenthaltZustand.Duldung) },
        { "junge Erwachsene", new AnalyseFilter(Altersgruppe: Altersgruppe.JungeErwachsene) },
        { "Jüngere", new AnalyseFilter(Altersgruppe: Altersgruppe.Juengere) },
        { "Ältere", new AnalyseFilter(Altersgruppe: Altersgruppe.Aeltere) },
        { "Zieldimension I", new AnalyseFilter(ZieldimensionI: true) },
        { "nicht Zieldimension I", new AnalyseFilter(ZieldimensionI: false) },
        { "Team", new AnalyseFilter(TeamId: TeamNord) },
        { "junge Erwachsene im Team", new AnalyseFilter(Altersgruppe: Altersgruppe.JungeErwachsene, TeamId: TeamNord) },
        { "Zeitraum", new AnalyseFilter(Von: D(2025, 6, 1), Bis: D(2025, 12, 31)) },
    };

    [Theory]
    [MemberData(nameof(Filter))]
    public async Task PopulationAsync_ForEachFilter_SelectsTheFaelleTheDomainRulesSelect(string name, AnalyseFilter filter)
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var population = await u.Daten.PopulationAsync(u.Abfrage(filter), mitZeitraum: true, default);

        population.Gefiltert.ShouldBe(Personen.Count(p => Passt(p, filter)), name);
    }

    [Fact]
    public async Task EveryCohortStatement_RunsUnderItsMandant_SoThatEvenAStatementWithoutAMandantFilterSeesNoOtherKommune()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        async Task<long> FaelleOhneFilter(string mandant)
        {
            await using var befehl = u.DataSource.CreateCommand();
            var abfrage = u.Abfrage() with { Mandant = mandant };
            // The final SELECT forgets the Mandant on purpose: only the row-level security narrows it.
            befehl.CommandText = $"{KohortenSql.Mit(abfrage, befehl, mitZeitraum: false)}\nSELECT count(*) FROM faelle";
            return (long)(await befehl.ExecuteScalarAsync())!;
        }

        (await FaelleOhneFilter(Ereignislog.Mandant)).ShouldBe(Personen.Length);
        (await FaelleOhneFilter("andere-kommune")).ShouldBe(0L, "unter dem Mandanten einer anderen Kommune ist kein Fall sichtbar");
    }

    [Fact]
    public async Task PopulationAsync_WithSeveralFilters_AlsoCountsTheSelectionWithoutEachOfThem()
    {
        await using var u = await AnalysenUmgebung.MitAsync(Log());
        var filter = new AnalyseFilter(Aufenthaltsstatus: AufenthaltZustand.Duldung, TeamId: TeamNord);

        var population = await u.Daten.PopulationAsync(u.Abfrage(filter), mitZeitraum: true, default);

        population.Gefiltert.ShouldBe(2);
        population.OhneEinenFilter.ShouldBe([3L, 3L], "without the status: team Nord has 3; without the team: Duldung has 3");
    }

    [Fact]
    public async Task PopulationAsync_WhenTheRuleTableChanges_JudgesEachFallByTheRuleOfItsIntakeDay()
    {
        // From 2025-06-15 Zieldimension I is 4 years after entry: the second person (entry exactly 3 years before) is now in it.
        var tabelle = Rechtsregeltabelle.Standard.MitErsetzten(
        [
            new Rechtsregel(Regeln.ZieldimensionIJahre.Name, D(2000, 1, 1), D(2025, 6, 14), "3", "Test"),
            new Rechtsregel(Regeln.ZieldimensionIJahre.Name, D(2025, 6, 15), null, "4", "Test"),
        ]);
        await using var u = await AnalysenUmgebung.MitAsync(Log());

        var population = await u.Daten.PopulationAsync(u.Abfrage(new AnalyseFilter(ZieldimensionI: true), tabelle), mitZeitraum: true, default);

        population.Gefiltert.ShouldBe(Personen.Count(p => Passt(p, new AnalyseFilter(ZieldimensionI: true), tabelle)));
        population.Gefiltert.ShouldBe(4);
    }

    private static bool Passt((DateOnly Geburt, DateOnly? Einreise, DateOnly Aufnahme, string Status, Guid? Team) p, AnalyseFilter f, Rechtsregeltabelle? regeln = null)
    {
        regeln ??= Rechtsregeltabelle.Standard;
        var klient = Klient.Erfassen(Guid.NewGuid(), "Test", "Person", p.Geburt, Geschlecht.Weiblich, "Syrien", p.Einreise, null, 0, D(2030, 1, 1), DateTimeOffset.UnixEpoch);
        var alter = klient.AlterAm(p.Aufnahme);
        var gruppe = alter < regeln.Wert(Regeln.JungeErwachseneVonJahre, p.Aufnahme) ? Altersgruppe.Juengere
            : klient.IstJungeErwachseneAm(p.Aufnahme, regeln) ? Altersgruppe.JungeErwachsene : Altersgruppe.Aeltere;
        return (f.Aufenthaltsstatus is null || f.Aufenthaltsstatus.ToString() == p.Status)
            && (f.Altersgruppe is null || f.Altersgruppe == gruppe)
            && (f.ZieldimensionI is null || f.ZieldimensionI == klient.IstInZieldimensionIAm(p.Aufnahme, regeln))
            && (f.TeamId is null || f.TeamId == p.Team)
            && (f.Von is null || p.Aufnahme >= f.Von) && (f.Bis is null || p.Aufnahme <= f.Bis);
    }
}
