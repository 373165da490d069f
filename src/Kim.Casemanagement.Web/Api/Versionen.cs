using System.Globalization;

namespace Kim.Casemanagement.Web.Api;

/// <summary>Optimistic concurrency over HTTP: the Fall version as ETag, expected version from If-Match or the body.</summary>
internal static class Versionen
{
    public static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>The expected version: the body's value wins, else a (weak or strong) If-Match ETag; null when none was sent.</summary>
    public static int? Erwartet(HttpContext http, int? ausBody)
    {
        if (ausBody is not null)
        {
            return ausBody;
        }

        var wert = IfMatch(http);
        if (wert is null)
        {
            return null;
        }

        return int.TryParse(wert, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new Domain.Common.DomainException("If-Match ist keine gültige Version.", new Dictionary<string, string[]> { ["If-Match"] = ["Erwartet wird die Version des Falls, z. B. \"5\"."] });
    }

    /// <summary>The entity tag of an If-Match header without quotes (a weak one too); null without one or for "*".</summary>
    public static string? IfMatch(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var wert = http.Request.Headers.IfMatch.ToString().Trim();
        if (wert.Length == 0 || wert == "*")
        {
            return null;
        }

        return (wert.StartsWith("W/", StringComparison.Ordinal) ? wert[2..] : wert).Trim('"');
    }
}
