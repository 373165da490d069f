using System.Security.Claims;
using System.Security.Cryptography;
using Kim.Casemanagement.Infrastructure.Idempotenz;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Fehler;

/// <summary>
/// Writes with an <c>Idempotency-Key</c> header take effect at most once per user and key: a repeated request gets the
/// stored answer of the first (header <c>Idempotency-Replayed: true</c>); the same key with another request answers
/// 422. A change and its key commit together (Fall repository), so a client that lost the answer (timeout, crash,
/// restart) can simply send the same request again. Only committed 2xx answers are stored; after an error the key stays
/// free for the retry.
/// </summary>
internal sealed class IdempotenzPruefung(RequestDelegate next)
{
    public const string Kopfzeile = "Idempotency-Key";
    public const string Wiederholt = "Idempotency-Replayed";

    public async Task InvokeAsync(HttpContext context, IdempotenzKontext kontext, IdempotenzSpeicher speicher, IProblemDetailsService problemDetails)
    {
        var methode = context.Request.Method;
        if (!context.Request.Headers.TryGetValue(Kopfzeile, out var werte)
            || HttpMethods.IsGet(methode) || HttpMethods.IsHead(methode) || HttpMethods.IsOptions(methode)
            || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } benutzerId)
        {
            await next(context);
            return;
        }

        var schluessel = werte.ToString();
        if (werte.Count != 1 || schluessel.Length is 0 or > 100 || !schluessel.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            await ProblemAsync(context, problemDetails, StatusCodes.Status400BadRequest, "Ungültiger Idempotency-Key",
                "Der Idempotency-Key muss 1 bis 100 Zeichen lang sein und darf nur Buchstaben, Ziffern und - _ . : enthalten.");
            return;
        }

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: Fehler.AnfrageGroessenGrenze.Grenze);
        string hash;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{methode} {context.Request.Path}{context.Request.QueryString}\n"));
            var puffer = new byte[16 * 1024];
            int gelesen;
            while ((gelesen = await context.Request.Body.ReadAsync(puffer, context.RequestAborted)) > 0)
            {
                sha.AppendData(puffer, 0, gelesen);
            }

            hash = Convert.ToHexString(sha.GetHashAndReset());
        }

        context.Request.Body.Position = 0;
        var vorhanden = await speicher.LesenAsync(benutzerId, schluessel, context.RequestAborted);
        if (vorhanden is not null)
        {
            await VorhandenAsync(context, problemDetails, vorhanden, hash);
            return;
        }

        kontext.Setzen(benutzerId, schluessel, hash);
        var original = context.Response.Body;
        await using var puffer2 = new MemoryStream();
        context.Response.Body = puffer2;
        // A duplicate that raced with the first request looked before the first one committed, then ran into the changed
        // Fall (e.g. "step not possible", returned or thrown). It is the same request, so it gets the first one's answer.
        IdempotenzEintrag? inzwischen = null;
        try
        {
            await next(context);
        }
        catch (Exception)
        {
            context.Response.Body = original;
            inzwischen = kontext.Gespeichert ? null : await speicher.LesenAsync(benutzerId, schluessel, CancellationToken.None);
            if (inzwischen is null)
            {
                throw;
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        var antwort = puffer2.ToArray();
        if (kontext.Gespeichert && context.Response.StatusCode is >= 200 and < 300)
        {
            // After the commit: if this fails (or the process dies here), a retry learns that the change was made.
            await speicher.AntwortSpeichernAsync(benutzerId, schluessel, context.Response.StatusCode, context.Response.ContentType, antwort, CancellationToken.None);
        }
        else if (!kontext.Gespeichert && (inzwischen is not null || context.Response.StatusCode >= 400))
        {
            inzwischen ??= await speicher.LesenAsync(benutzerId, schluessel, CancellationToken.None);
            if (inzwischen is not null)
            {
                context.Response.Clear();
                await VorhandenAsync(context, problemDetails, inzwischen, hash);
                return;
            }
        }

        await original.WriteAsync(antwort, context.RequestAborted);
    }

    private static async Task VorhandenAsync(HttpContext context, IProblemDetailsService problemDetails, IdempotenzEintrag vorhanden, string hash)
    {
        if (!string.Equals(vorhanden.AnfrageHash, hash, StringComparison.Ordinal))
        {
            await ProblemAsync(context, problemDetails, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key bereits verwendet",
                "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.");
            return;
        }

        context.Response.Headers[Wiederholt] = "true";
        if (vorhanden.Status is { } status && vorhanden.Antwort is { } inhalt)
        {
            context.Response.StatusCode = status;
            if (vorhanden.Inhaltstyp is { } typ)
            {
                context.Response.ContentType = typ;
            }

            await context.Response.Body.WriteAsync(inhalt, context.RequestAborted);
            return;
        }

        // Committed, but the answer was not stored (the process ended right after the commit).
        await ProblemAsync(context, problemDetails, StatusCodes.Status409Conflict, "Bereits ausgeführt",
            "Eine Anfrage mit diesem Idempotency-Key wurde bereits ausgeführt; sie wurde nicht noch einmal ausgeführt.");
    }

    private static async Task ProblemAsync(HttpContext context, IProblemDetailsService problemDetails, int status, string titel, string detail)
    {
        context.Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = titel, Detail = detail, Extensions = { ["traceId"] = context.TraceIdentifier } },
        });
    }
}
