using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Idempotenz;
using Kim.Casemanagement.Infrastructure.Tests.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;

namespace Kim.Casemanagement.Infrastructure.Tests.Aufbewahrung;

/// <summary>The idempotency clean-up takes its period from the rule table row valid today, not from a constant.</summary>
public sealed class IdempotenzAufbewahrungTests
{
    [Theory]
    [InlineData("PT24H", new[] { "k30m", "k2h" })]
    [InlineData("PT1H", new[] { "k30m" })]
    public async Task AufraeumenAsync_DeletesKeysOlderThanThePeriodOfTheRuleTable(string frist, string[] bleiben)
    {
        await using var db = await NeueDatenbankAsync();
        await using var instanz = new Instanz(db.AppConnectionString, db.OwnerConnectionString, DateTimeOffset.UtcNow);
        await Sql.ExecuteAsync(db.AppConnectionString, """
            INSERT INTO idempotenz (benutzer_id, schluessel, anfrage_hash, erstellt_am) VALUES
              ('fm.test', 'k30m', 'h', now() - interval '30 minutes'),
              ('fm.test', 'k2h', 'h', now() - interval '2 hours'),
              ('fm.test', 'k25h', 'h', now() - interval '25 hours');
            """);
        var regeln = Rechtsregeltabelle.Standard.MitErsetzten([new Rechtsregel("Aufbewahrung.Idempotenzschluessel", new DateOnly(2020, 1, 1), null, frist, "Test")]);

        await new IdempotenzSpeicher(instanz.Datenbank, TimeProvider.System, regeln).AufraeumenAsync(default);

        (await Sql.ColumnAsync<string>(db.AppConnectionString, "SELECT schluessel FROM idempotenz ORDER BY erstellt_am DESC")).ShouldBe(bleiben);
    }
}
