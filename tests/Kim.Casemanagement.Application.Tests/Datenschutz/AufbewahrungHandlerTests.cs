using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Application.Tests.Analysen;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Tests.Datenschutz;

/// <summary>
/// The retention overview: the periods from the rule table (today's row and rows decided for later, in the order of the
/// Löschkonzept's data classes), the audit trail's cut-off (the rule's, or the database's floor when that is older), and
/// the role check.
/// </summary>
public sealed class AufbewahrungHandlerTests
{
    private static readonly DateOnly Heute = new(2026, 12, 6);

    private static AufbewahrungHandler Handler(Rechtsregeltabelle regeln, DateTimeOffset? untergrenze = null, params Rolle[] rollen) =>
        new(new FakeUebersicht(), new FakeNachweise(untergrenze), regeln, new FakeBenutzer(rollen.Length == 0 ? [Rolle.Datenschutz] : rollen), new FakeKalender(Heute), new Analysen.FakeAudit());

    [Fact]
    public async Task Uebersicht_WhenAPeriodChangeIsDecidedForLater_ListsTodaysRowAndTheLaterOneInTheOrderOfTheDataClasses()
    {
        var regeln = Rechtsregeltabelle.Standard.MitErsetzten(
        [
            new Rechtsregel("Aufbewahrung.Auditprotokoll", new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 31), "P2Y", "Produktstandard"),
            new Rechtsregel("Aufbewahrung.Auditprotokoll", new DateOnly(2027, 1, 1), null, "P18M", "Beschluss vom 01.12.2026"),
        ]);

        var uebersicht = await Handler(regeln).UebersichtAsync(default);

        uebersicht.Regeln.Select(r => $"{r.Schluessel} {r.Wert} {(r.Kuenftig ? "künftig" : "heute")}").ShouldBe(
        [
            "Aufbewahrung.FallakteNachAbschluss P3Y heute",
            "Aufbewahrung.Auditprotokoll P2Y heute",
            "Aufbewahrung.Auditprotokoll P18M künftig",
            "Aufbewahrung.Benachrichtigungen P90D heute",
            "Aufbewahrung.Sitzungen P30D heute",
            "Aufbewahrung.Idempotenzschluessel PT24H heute",
        ]);
        uebersicht.Regeln[0].Ausloeser.ShouldBe("Abschluss, Abbruch oder Verweisung des Falls");
        uebersicht.Regeln[2].Frist.ShouldBe(new Frist(0, 18, 0, 0));
        uebersicht.Regeln.ShouldAllBe(r => r.Quelle.Length > 0);
    }

    [Fact]
    public async Task Uebersicht_WhenTheDatabaseFloorIsYoungerThanTheRulesCutOff_TheRuleDecidesElseTheFloor()
    {
        var jetzt = new FakeKalender(Heute).Jetzt;

        var regel = await Handler(Rechtsregeltabelle.Standard, jetzt.AddYears(-1)).UebersichtAsync(default);
        regel.AuditStichtag.ShouldBe(jetzt.AddYears(-2));
        regel.AuditUntergrenzeGilt.ShouldBeFalse();

        var kurz = Rechtsregeltabelle.Standard.MitErsetzten([new Rechtsregel("Aufbewahrung.Auditprotokoll", new DateOnly(2020, 1, 1), null, "P6M", "Beschluss")]);
        var untergrenze = await Handler(kurz, jetzt.AddYears(-1)).UebersichtAsync(default);
        untergrenze.AuditStichtag.ShouldBe(jetzt.AddYears(-1));
        untergrenze.AuditUntergrenzeGilt.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Rolle.Fallmanagement)]
    [InlineData(Rolle.Teamleitung)]
    [InlineData(Rolle.Lenkungsgruppe)]
    [InlineData(Rolle.Administration)]
    public async Task Uebersicht_WhenTheCallerLacksTheDatenschutzRole_IsRefused(Rolle rolle)
    {
        var handler = Handler(Rechtsregeltabelle.Standard, null, rolle);

        await Should.ThrowAsync<ZugriffVerweigertException>(() => handler.UebersichtAsync(default));
        await Should.ThrowAsync<ZugriffVerweigertException>(() => handler.FaelleAsync(default));
        await Should.ThrowAsync<ZugriffVerweigertException>(() => handler.VorschauAsync(default));
    }

    private sealed class FakeUebersicht : IAufbewahrungsUebersicht
    {
        public Task<FaelleZurLoeschung> FaelleAsync(string mandant, DateOnly heute, CancellationToken ct) =>
            Task.FromResult(new FaelleZurLoeschung(2, 1, 3, DateTimeOffset.UnixEpoch));

        public Task<IReadOnlyList<FaelligerFallZurLoeschung>> VorschauAsync(string mandant, DateOnly heute, int hoechstens, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<FaelligerFallZurLoeschung>>([]);
    }

    private sealed class FakeNachweise(DateTimeOffset? untergrenze) : ILoeschnachweise
    {
        public Task<IReadOnlyList<Loeschlauf>> LoeschlaeufeAsync(string mandant, int anzahl, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Loeschlauf>>([]);

        public Task<AuditAufbewahrungsStand> AuditAbschnitteAsync(int anzahlEntfernte, CancellationToken ct) =>
            Task.FromResult(new AuditAufbewahrungsStand(0, 0, 0, null, null, null, new Frist(1, 0, 0, 0), untergrenze, []));
    }
}
