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
/// stale version 409, oversized body 413, everything else a generic 500 (details only in the log).
/// German <c>detail</c> texts, because people read them.
/// </summary>
internal sealed partial class KimExceptionHandler(IProblemDetailsService problemDetails, ILogger<KimExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, problem) = Abbilden(exception);
        if (status >= 500)
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
        KonfliktException k => (StatusCodes.Status409Conflict, new ProblemDetails { Title = "Bearbeitungskonflikt", Detail = k.Message }),
        Infrastructure.Idempotenz.WiederholteAnfrageException w => (StatusCodes.Status409Conflict, new ProblemDetails { Title = "Bereits ausgeführt", Detail = "Eine Anfrage mit diesem Idempotency-Key wurde bereits ausgeführt; sie wurde nicht noch einmal ausgeführt." }),
        BadHttpRequestException b => (b.StatusCode, Anfragefehler(b)),

        // Last line of defence: text PostgreSQL cannot store (NUL) in a field no validation covered.
        Exception e when e.GetBaseException() is Npgsql.PostgresException { SqlState: "22021" or "22P05" } =>
            (StatusCodes.Status400BadRequest, new ProblemDetails { Title = "Ungültige Eingabe", Detail = "Die Eingabe enthält Zeichen, die nicht gespeichert werden können (z. B. Steuerzeichen)." }),
        _ => (StatusCodes.Status500InternalServerError, new ProblemDetails { Title = "Interner Fehler", Detail = "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut." }),
    };

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {ExceptionType} while handling request {TraceId}")]
    private static partial void LogUnerwartet(ILogger logger, string exceptionType, string traceId, Exception exception);
}
