using System.Net.Sockets;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Web.Fehler;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Fehler;

/// <summary>
/// While PostgreSQL restarts, a request gets 503 with a German text (the client repeats with its Idempotency-Key), not
/// the 500 of an unexpected error; database errors that are not about reachability keep their meaning.
/// </summary>
public sealed class KimExceptionHandlerTests
{
    public static TheoryData<string, Exception> Unerreichbar => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "starting up", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03") },
        { "admin shutdown", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "connection failure", new PostgresException("connection failure", "FATAL", "FATAL", "08006") },
        { "wrapped by EF Core", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.AddressNotAvailable))) },
        { "timeout", new NpgsqlException("Exception while reading from stream", new TimeoutException()) },
    };

    [Theory]
    [MemberData(nameof(Unerreichbar))]
    public void Abbilden_WhenTheDatabaseIsNotReachable_Answers503InGerman(string fall, Exception ausnahme)
    {
        var (status, problem) = KimExceptionHandler.Abbilden(ausnahme);

        status.ShouldBe(503, fall);
        problem.Title.ShouldBe("Vorübergehend nicht verfügbar");
        problem.Detail!.ShouldContain("Idempotency-Key");
    }

    [Fact]
    public void Abbilden_WhenTheDatabaseRefusesTheStatement_StaysAnError()
    {
        KimExceptionHandler.Abbilden(new PostgresException("duplicate key value", "ERROR", "ERROR", "23505")).Status.ShouldBe(500);
        KimExceptionHandler.Abbilden(new InvalidOperationException("x", new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014"))).Status.ShouldBe(500);
        KimExceptionHandler.Abbilden(new InvalidOperationException("kaputt")).Status.ShouldBe(500);
        KimExceptionHandler.Abbilden(new KonfliktException("geändert")).Status.ShouldBe(409, "a stale version is a conflict, not an outage");
    }
}
