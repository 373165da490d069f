namespace Kim.Casemanagement.Web.Echtzeit;

/// <summary>
/// Cross-site WebSocket hijacking guard: a browser always sends <c>Origin</c> on the hub's handshake; it must be this
/// site (or one configured in <c>Sicherheit:ErlaubteUrspruenge</c>). Non-browser clients (no Origin) authenticate with
/// a bearer token, which a foreign page cannot make a browser send.
/// </summary>
internal sealed class UrsprungsPruefung(RequestDelegate next, IConfiguration configuration)
{
    private readonly string[] _erlaubt = configuration.GetSection("Sicherheit:ErlaubteUrspruenge").Get<string[]>() ?? [];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            var eigener = $"{context.Request.Scheme}://{context.Request.Host}";
            if (!string.Equals(origin, eigener, StringComparison.OrdinalIgnoreCase) && !_erlaubt.Contains(origin, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }

        await next(context);
    }
}
