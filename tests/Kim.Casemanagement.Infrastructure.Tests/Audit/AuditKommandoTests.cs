using Kim.Casemanagement.Infrastructure.Audit;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditPruefungTests;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>The verify-audit command: exit code and German summary.</summary>
public sealed class AuditKommandoTests
{
    [Fact]
    public async Task VerifyAsync_WhenTheChainIsIntact_Returns0AndPrintsTheHead()
    {
        await using var kette = await KetteAsync();
        using var ausgabe = new StringWriter();

        var code = await AuditKommando.VerifyAsync(kette.Datenbank.OwnerConnectionString, ausgabe, default);

        code.ShouldBe(0);
        var text = ausgabe.ToString();
        text.ShouldContain("Audit-Kette intakt: 10 Siegel geprüft.");
        text.ShouldContain($"Kopf: Nr 10, Hash {await kette.NachgerechneterKopfAsync()}");
    }

    [Fact]
    public async Task VerifyAsync_WhenASuperuserChangedARow_Returns1AndNamesTheBrokenLink()
    {
        await using var kette = await KetteAsync();
        await kette.AlsSuperuserAsync($"UPDATE audit_protokoll SET benutzer_id = 'jemand.anderes' WHERE id = {kette.AuditId(2)}");
        using var ausgabe = new StringWriter();

        var code = await AuditKommando.VerifyAsync(kette.Datenbank.AppConnectionString, ausgabe, default);

        code.ShouldBe(1);
        var text = ausgabe.ToString();
        text.ShouldContain("Audit-Kette GEBROCHEN.");
        text.ShouldContain($"Erster Bruch: Siegel Nr 2 (Audit-Id {kette.AuditId(2)}): Zeile verändert.");
        text.ShouldContain("Davor intakt: 1 Siegel.");
    }

    [Fact]
    public async Task VerifyAsync_WhenTheDatabaseIsUnreachable_Returns2()
    {
        using var ausgabe = new StringWriter();

        var code = await AuditKommando.VerifyAsync("Host=127.0.0.1;Port=1;Username=kim_app;Database=kim;Timeout=2", ausgabe, default);

        code.ShouldBe(2);
        ausgabe.ToString().ShouldStartWith("Audit-Prüfung nicht möglich");
    }
}
