using Kim.Casemanagement.Infrastructure.Aufbewahrung;
using Kim.Casemanagement.Infrastructure.Tests.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Microsoft.Extensions.DependencyInjection;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;

namespace Kim.Casemanagement.Infrastructure.Tests.Aufbewahrung;

/// <summary>Sessions and notices leave after their periods from the rule table (30 and 90 days); younger or open ones stay.</summary>
public sealed class KurzzeitAufbewahrungTests
{
    [Fact]
    public async Task LoeschenAsync_DeletesSessionsEndedAndNoticesWrittenBeforeTheirPeriodAndKeepsTheRest()
    {
        await using var db = await NeueDatenbankAsync();
        await using var instanz = new Instanz(db.AppConnectionString, db.OwnerConnectionString, DateTimeOffset.UtcNow);
        await Sql.ExecuteAsync(db.OwnerConnectionString, """
            INSERT INTO benutzer (id, anzeigename, mandant, deaktiviert, erstellt_am, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES ('u1', 'Test', 'standard', false, now() - interval '1 year', false, false, true, true, 0);
            INSERT INTO sitzungen (id, benutzer_id, art, zweiter_faktor, erstellt_am, letzte_aktivitaet, ablauf_absolut, beendet_am, beendet_grund) VALUES
              ('00000000-0000-0000-0000-000000000001', 'u1', 'Cookie', true, now() - interval '41 days', now() - interval '41 days', now() - interval '40 days 14 hours', now() - interval '40 days', 'Abmeldung'),
              ('00000000-0000-0000-0000-000000000002', 'u1', 'Cookie', true, now() - interval '11 days', now() - interval '10 days', now() - interval '10 days', now() - interval '10 days', 'Abmeldung'),
              ('00000000-0000-0000-0000-000000000003', 'u1', 'Token', true, now() - interval '40 days', now() - interval '40 days', now() - interval '39 days 14 hours', NULL, NULL),
              ('00000000-0000-0000-0000-000000000004', 'u1', 'Token', true, now() - interval '1 hour', now(), now() + interval '9 hours', NULL, NULL);
            """);
        await Sql.ExecuteAsync(db.AppConnectionString, """
            INSERT INTO benachrichtigungen (empfaenger_id, seq, art, titel, text, erstellt_am) VALUES
              ('u1', 1, 'Wiedervorlage', 'alt, gelesen', 't', now() - interval '100 days'),
              ('u1', 2, 'Wiedervorlage', 'alt, ungelesen', 't', now() - interval '91 days'),
              ('u1', 3, 'Wiedervorlage', 'jung', 't', now() - interval '89 days');
            UPDATE benachrichtigungen SET gelesen_am = now() - interval '99 days' WHERE seq = 1;
            """);
        await using var bereich = instanz.NeuerBereich();
        var aufbewahrung = bereich.ServiceProvider.GetRequiredService<KurzzeitAufbewahrung>();

        var erster = await aufbewahrung.LoeschenAsync(default);
        var zweiter = await aufbewahrung.LoeschenAsync(default);

        erster.ShouldBe((2, 2));
        zweiter.ShouldBe((0, 0));
        (await Sql.ColumnAsync<Guid>(db.AppConnectionString, "SELECT id FROM sitzungen ORDER BY id")).ShouldBe(
            [Guid.Parse("00000000-0000-0000-0000-000000000002"), Guid.Parse("00000000-0000-0000-0000-000000000004")]);
        (await Sql.ColumnAsync<long>(db.AppConnectionString, "SELECT seq FROM benachrichtigungen ORDER BY seq")).ShouldBe([3L]);
    }
}
