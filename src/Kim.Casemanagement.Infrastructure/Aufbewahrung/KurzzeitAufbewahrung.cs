using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Aufbewahrung;

/// <summary>
/// Deletes short-lived data past its period (docs/loeschkonzept.md, L3 and L4), with the periods of the rule table valid
/// today: sessions that ended or expired longer than <see cref="Regeln.AufbewahrungSitzungen"/> ago, and notices written
/// longer than <see cref="Regeln.AufbewahrungBenachrichtigungen"/> ago (read or not: the case file keeps what they
/// reported). Run in the scheduler's single-instance round; idempotent (a second run finds nothing).
/// </summary>
public sealed class KurzzeitAufbewahrung(Datenbank datenbank, Rechtsregeltabelle regeln, TimeProvider zeit, IOptions<SitzungsOptionen> sitzungen)
{
    // A session has ended when it was ended, reached its absolute expiry, or was idle for the idle timeout.
    private const string SitzungenSql = """
        DELETE FROM sitzungen
        WHERE beendet_am < $1 OR ablauf_absolut < $1 OR letzte_aktivitaet + $2 < $1
        """;

    private const string BenachrichtigungenSql = "DELETE FROM benachrichtigungen WHERE erstellt_am < $1";

    /// <summary>One run; returns how many sessions and notices were deleted.</summary>
    public async Task<(int Sitzungen, int Benachrichtigungen)> LoeschenAsync(CancellationToken ct)
    {
        var jetzt = zeit.GetUtcNow();
        var heute = DateOnly.FromDateTime(jetzt.UtcDateTime);

        await using var sitzungenBefehl = datenbank.DataSource.CreateCommand(SitzungenSql);
        sitzungenBefehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = regeln.Wert(Regeln.AufbewahrungSitzungen, heute).Vor(jetzt) });
        sitzungenBefehl.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = sitzungen.Value.Leerlauf });
        var s = await sitzungenBefehl.ExecuteNonQueryAsync(ct);

        await using var benachrichtigungenBefehl = datenbank.DataSource.CreateCommand(BenachrichtigungenSql);
        benachrichtigungenBefehl.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = regeln.Wert(Regeln.AufbewahrungBenachrichtigungen, heute).Vor(jetzt) });
        var b = await benachrichtigungenBefehl.ExecuteNonQueryAsync(ct);
        return (s, b);
    }
}
