using System.Text.Json;
using FluentValidation;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Fehler;

/// <summary>
/// The one place that turns exceptions into ProblemDetails: validation 400, not found 404, step not possible or
/// stale version or a held Fall 409, oversized body 413, the database unreachable for a moment (restart, failover, connection
/// refused) 503 with Retry-After, everything else a generic 500 (details only in the log).
/// German <c>detail</c> texts, because people read them.
/// </summary>
internal sealed partial class KimExceptionHandler(IProblemDetailsService problemDetails, ILogger<KimExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, problem) = Abbilden(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while PostgreSQL restarts: the client repeats with its Idempotency-Key. No stack trace per request.
            LogDatenbankNichtErreichbar(logger, Ursache(exception), httpContext.TraceIdentifier);
            httpContext.Response.Headers.RetryAfter = "2";
        }
        else if (status >= 500)
        {
            LogUnerwartet(logger, exception.GetType().Name, httpContext.TraceIdentifier, exception);
        }

        httpContext.Response.StatusCode = status;
        problem.Status = status;
        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static (int Status, ProblemDetails Problem) Abbilden(Exception exception) => exception switch
    {
        ValidationException v => (StatusCodes.Status400BadRequest, Validierung(
            v.Errors.GroupBy(e => Feldname(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))),
        DomainException d when d.Errors.Count > 0 => (StatusCodes.Status400BadRequest, Validierung(d.Errors.ToDictionary(e => e.Key, e => e.Value), d.Message)),
        DomainException d => (StatusCodes.Status400BadRequest, new ProblemDetails { Title = "Ungültige Eingabe", Detail = d.Message }),
        NichtGefundenException n => (StatusCodes.Status404NotFound, new ProblemDetails { Title = "Nicht gefunden", Detail = n.Message }),
        ZugriffVerweigertException z => (StatusCodes.Status403Forbidden, new ProblemDetails { Title = "Nicht erlaubt", Detail = z.Message }),
        SchrittNichtMoeglichException s => (StatusCodes.Status409Conflict, SchrittProblem(s)),
        FallGesperrtException g => (StatusCodes.Status409Conflict, new ProblemDetails { Title = "Fall gesperrt", Detail = g.Message }),
        KonfliktException k => (StatusCodes.Status409Conflict, new ProblemDetails { Title = "Bearbeitungskonflikt", Detail = k.Message }),
        Infrastructure.Idempotenz.WiederholteAnfrageException w => (StatusCodes.Status409Conflict, new ProblemDetails { Title = "Bereits ausgeführt", Detail = "Eine Anfrage mit diesem Idempotency-Key wurde bereits ausgeführt; sie wurde nicht noch einmal ausgeführt." }),
        BadHttpRequestException b => (b.StatusCode, Anfragefehler(b)),

        // Last line of defence: text PostgreSQL cannot store (NUL) in a field no validation covered.
        Exception e when e.GetBaseException() is Npgsql.PostgresException { SqlState: "22021" or "22P05" } =>
            (StatusCodes.Status400BadRequest, new ProblemDetails { Title = "Ungültige Eingabe", Detail = "Die Eingabe enthält Zeichen, die nicht gespeichert werden können (z. B. Steuerzeichen)." }),
        _ when IstVoruebergehend(exception) => (StatusCodes.Status503ServiceUnavailable, new ProblemDetails
        {
            Title = "Vorübergehend nicht verfügbar",
            Detail = "Die Datenbank ist im Moment nicht erreichbar. Bitte versuchen Sie es in wenigen Sekunden erneut; eine Änderung mit demselben Idempotency-Key wird dabei nicht doppelt ausgeführt.",
        }),
        _ => (StatusCodes.Status500InternalServerError, new ProblemDetails { Title = "Interner Fehler", Detail = "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut." }),
    };

    /// <summary>
    /// The database could not be reached or is shutting down or starting up (Npgsql marks these transient; SQLSTATE
    /// classes 08 connection exception and 57P operator intervention), also when EF Core wrapped it.
    /// </summary>
    internal static bool IstVoruebergehend(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException p)
            {
                return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal);
            }

            if (e is Npgsql.NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private static string Ursache(Exception exception)
    {
        var innerste = exception.GetBaseException();
        return innerste is Npgsql.PostgresException p ? $"SQLSTATE {p.SqlState}" : innerste.GetType().Name;
    }

    private static ValidationProblemDetails Validierung(Dictionary<string, string[]> errors, string? detail = null) => new(errors)
    {
        Title = "Die Eingaben sind ungültig.",
        Detail = detail ?? "Bitte prüfen Sie die markierten Angaben.",
    };

    private static ProblemDetails SchrittProblem(SchrittNichtMoeglichException s)
    {
        var problem = new ProblemDetails { Title = "Schritt nicht möglich", Detail = s.Message };
        problem.Extensions["spur"] = s.Spur;
        problem.Extensions["zustand"] = s.Zustand;
        problem.Extensions["trigger"] = s.Trigger;
        problem.Extensions["gruende"] = s.Gruende;
        return problem;
    }

    private static ProblemDetails Anfragefehler(BadHttpRequestException b)
    {
        if (b.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Title = "Anfrage zu groß", Detail = "Der Inhalt der Anfrage ist zu groß." };
        }

        var detail = b.InnerException is JsonException json
            ? $"Der Inhalt der Anfrage ist kein gültiges JSON oder passt nicht zum erwarteten Format{(json.Path is { Length: > 0 } p ? $" (bei „{(p.Length > 80 ? p[..80] : p)}“)" : string.Empty)}."
            : "Die Anfrage ist unvollständig oder fehlerhaft (z. B. ein Pflichtfeld, ein ungültiger Wert in der Adresse oder ein fehlender Inhalt).";
        return new ProblemDetails { Title = "Fehlerhafte Anfrage", Detail = detail };
    }

    private static string Feldname(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable ({Cause}) while handling request {TraceId}; answered 503")]
    private static partial void LogDatenbankNichtErreichbar(ILogger logger, string cause, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {ExceptionType} while handling request {TraceId}")]
    private static partial void LogUnerwartet(ILogger logger, string exceptionType, string traceId, Exception exception);
}
