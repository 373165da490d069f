using Kim.Casemanagement.Application.Faelle.Diagramme;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Web.Api;

/// <summary>Static descriptions of the tracks: diagrams generated from the engine.</summary>
internal static class SpurenApi
{
    public static RouteGroupBuilder MapSpurenApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/spuren").WithTags("Spuren").RequireRateLimiting(Sicherheit.SicherheitsKonfiguration.RateApi);
        g.MapGet("/{spur}/diagramm", Diagramm).WithName("Diagramm").WithSummary("Das Zustandsdiagramm einer Spur als Mermaid (Standard) oder DOT.");
        return g;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Diagramm(string spur, string? format, DiagrammHandler handler)
    {
        if (!Enum.GetNames<Spur>().Contains(spur, StringComparer.Ordinal))
        {
            throw new Domain.Common.NichtGefundenException($"Die Spur „{(spur.Length > 40 ? spur[..40] : spur)}“ gibt es nicht.");
        }

        return Format(Enum.Parse<Spur>(spur), format, handler);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Format(Spur spur, string? format, DiagrammHandler handler) => format switch
    {
        null or "mermaid" => TypedResults.Text(handler.Mermaid(spur), "text/vnd.mermaid; charset=utf-8"),
        "dot" => TypedResults.Text(handler.Dot(spur), "text/vnd.graphviz; charset=utf-8"),
        _ => throw new Domain.Common.DomainException("Unbekanntes Format.", new Dictionary<string, string[]> { ["format"] = ["Erlaubt sind mermaid und dot."] }),
    };
}
