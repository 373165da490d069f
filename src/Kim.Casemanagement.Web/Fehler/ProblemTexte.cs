
namespace Kim.Casemanagement.Web.Fehler;

/// <summary>German title and detail for ProblemDetails the framework writes itself (404, 405, 413, ...).</summary>
internal static class ProblemTexte
{
    public static void Eindeutschen(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var (titel, detail) = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("Fehlerhafte Anfrage", "Die Anfrage ist unvollständig oder fehlerhaft."),
            StatusCodes.Status401Unauthorized => ("Nicht angemeldet", "Bitte melden Sie sich an."),
            StatusCodes.Status403Forbidden => ("Nicht erlaubt", "Diese Aktion ist für Ihre Rolle nicht erlaubt."),
            StatusCodes.Status404NotFound => ("Nicht gefunden", "Die angeforderte Adresse oder der Datensatz wurde nicht gefunden."),
            StatusCodes.Status405MethodNotAllowed => ("Methode nicht erlaubt", "Diese HTTP-Methode ist für die Adresse nicht erlaubt."),
            StatusCodes.Status409Conflict => ("Konflikt", "Die Anfrage steht im Widerspruch zum aktuellen Zustand."),
            StatusCodes.Status413PayloadTooLarge => ("Anfrage zu groß", "Der Inhalt der Anfrage ist zu groß."),
            StatusCodes.Status415UnsupportedMediaType => ("Falsches Format", "Bitte senden Sie JSON (Content-Type: application/json)."),
            StatusCodes.Status429TooManyRequests => ("Zu viele Anfragen", "Bitte warten Sie einen Moment und versuchen Sie es erneut."),
            StatusCodes.Status500InternalServerError => ("Interner Fehler", "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut."),
            _ => (problem.Title, problem.Detail),
        };

        // Our own handler sets German texts already; only fill what the framework left in English or empty.
        if (problem.Title is null || IstEnglischerStandardtitel(problem.Title))
        {
            problem.Title = titel;
        }

        problem.Detail ??= detail;
    }

    private static bool IstEnglischerStandardtitel(string titel) =>
        titel is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Method Not Allowed" or "Conflict" or "Content Too Large"
            or "Payload Too Large" or "Unsupported Media Type" or "Too Many Requests" or "An error occurred while processing your request.";
}
