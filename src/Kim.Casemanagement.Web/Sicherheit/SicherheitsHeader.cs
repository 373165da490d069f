namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>
/// Security headers on every response: a CSP without 'unsafe-inline', HSTS, nosniff, no framing, no referrer, and
/// <c>Cache-Control: no-store</c> on everything except the bundled static assets (every page and API answer may hold personal data).
/// </summary>
internal sealed class SicherheitsHeader(RequestDelegate next)
{
    public const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = Csp;
            h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            if (!IstStatischesAsset(context.Request.Path))
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IstStatischesAsset(PathString pfad) =>
        pfad.StartsWithSegments("/assets") || pfad.StartsWithSegments("/dist") || (pfad.StartsWithSegments("/api-doku") && !pfad.Value!.EndsWith(".html", StringComparison.Ordinal));
}
