using System.Security.Claims;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Identitaet;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>The signed-in user of the current request, read from the principal (checked against its server-side session).</summary>
internal sealed class AktuellerBenutzer(IHttpContextAccessor accessor) : IAktuellerBenutzer
{
    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>The user's id; "system" for background work (no request), "anonym" for a request without sign-in.</summary>
    public string Id => accessor.HttpContext is null ? "system" : User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonym";

    public string Mandant => User.FindFirstValue(Anspruch.Mandant) ?? "standard";

    public bool IstAngemeldet => User.Identity?.IsAuthenticated == true;

    public IReadOnlySet<Rolle> Rollen => field ??= User.FindAll(ClaimTypes.Role)
        .Select(c => Enum.TryParse<Rolle>(c.Value, out var r) ? (Rolle?)r : null)
        .OfType<Rolle>()
        .ToHashSet();

    public Guid? TeamId => Guid.TryParse(User.FindFirstValue(Anspruch.Team), out var team) ? team : null;

    public Behoerde? Behoerde => Enum.TryParse<Behoerde>(User.FindFirstValue(Anspruch.Behoerde), out var b) ? b : null;

    public string? Herkunft => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
