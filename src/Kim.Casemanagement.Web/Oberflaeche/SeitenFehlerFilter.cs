using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Kim.Casemanagement.Web.Oberflaeche;

/// <summary>
/// For pages: a Fall the user may not see is an HTML 404 page (the same as for a Fall that does not exist: no existence
/// leak), an action the role may not take a 403 page. Everything else goes on to the one exception handler.
/// </summary>
internal sealed class SeitenFehlerFilter(IModelMetadataProvider metadaten) : IAsyncPageFilter
{
    /// <summary>
    /// Why a Fall a person knows of (from a notice, a bookmark) may not open, said the same way whether it exists or not.
    /// </summary>
    public const string FallNichtSichtbar = "Einen Fall sehen Sie nur, solange Sie ihn führen oder vertreten, ihn als Teamleitung verantworten "
        + "oder eine gültige Einwilligung Ihre Behörde nennt. Benachrichtigungen bleiben in Ihrem Posteingang, auch wenn der Fall danach "
        + "für Sie nicht mehr sichtbar ist (zum Beispiel nach einem Widerruf der Einwilligung oder am Ende einer Vertretung).";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var ergebnis = await next();
        if (ergebnis.Exception is null || ergebnis.ExceptionHandled)
        {
            return;
        }

        (int Status, string Titel, string Text)? seite = ergebnis.Exception switch
        {
            NichtGefundenException n when context.RouteData.Values.ContainsKey("fallId") => (StatusCodes.Status404NotFound, "Nicht gefunden", n.Message + " " + FallNichtSichtbar),
            NichtGefundenException n => (StatusCodes.Status404NotFound, "Nicht gefunden", n.Message),
            ZugriffVerweigertException z => (StatusCodes.Status403Forbidden, "Nicht erlaubt", z.Message),
            _ => null,
        };
        if (seite is { } s)
        {
            ergebnis.Result = new ViewResult
            {
                ViewName = "Fehlerseite",
                StatusCode = s.Status,
                ViewData = new ViewDataDictionary(metadaten, new ModelStateDictionary()) { ["Titel"] = s.Titel, ["Text"] = s.Text },
            };
            ergebnis.ExceptionHandled = true;
        }
    }
}
