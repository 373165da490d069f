using System.Security.Claims;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Web.Echtzeit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Casemanagement.Web.Api;

/// <summary>The caller's own inbox over HTTP (the same as the hub offers): catch-up, unread count, mark as read.</summary>
internal static class BenachrichtigungenApi
{
    public static void MapBenachrichtigungenApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/benachrichtigungen").WithTags("Benachrichtigungen").RequireRateLimiting(Sicherheit.SicherheitsKonfiguration.RateApi);
        g.MapGet("/", Nachholen).WithName("BenachrichtigungenNachholen").WithSummary("Benachrichtigungen nach einer Folgenummer (seq), älteste zuerst.");
        g.MapGet("/stand", Stand).WithName("PosteingangStand").WithSummary("Anzahl ungelesener Benachrichtigungen und höchste Folgenummer.");
        g.MapPost("/{seq:long}/gelesen", Gelesen).WithName("BenachrichtigungGelesen");
        g.MapPost("/gelesen", AlleGelesen).WithName("AlleBenachrichtigungenGelesen");
    }

    private static async Task<Ok<IReadOnlyList<BenachrichtigungDto>>> Nachholen(long? nachSeq, int? anzahl, Posteingang posteingang, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await posteingang.NachholenAsync(Ich(http), Math.Max(0, nachSeq ?? 0), anzahl ?? 100, ct));

    private static async Task<Ok<PosteingangStand>> Stand(Posteingang posteingang, HttpContext http, CancellationToken ct)
    {
        var (ungelesen, letzte) = await posteingang.StandAsync(Ich(http), ct);
        return TypedResults.Ok(new PosteingangStand(ungelesen, letzte));
    }

    private static async Task<Ok<PosteingangStand>> Gelesen(long seq, Posteingang posteingang, HttpContext http, TimeProvider zeit, CancellationToken ct)
    {
        await posteingang.GelesenAsync(Ich(http), seq, zeit.GetUtcNow(), ct);
        return await Stand(posteingang, http, ct);
    }

    private static async Task<Ok<PosteingangStand>> AlleGelesen(Posteingang posteingang, HttpContext http, TimeProvider zeit, CancellationToken ct)
    {
        await posteingang.GelesenAsync(Ich(http), null, zeit.GetUtcNow(), ct);
        return await Stand(posteingang, http, ct);
    }

    private static string Ich(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
