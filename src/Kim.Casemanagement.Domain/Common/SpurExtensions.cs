using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Domain.Common;

/// <summary>Which authority owns which track, and the tracks' German names (both kept in the track registry).</summary>
public static class SpurExtensions
{
    /// <summary>The partner authority that records events on the track, or null for the case-management track and referrals.</summary>
    public static Behoerde? ZustaendigeBehoerde(this Spur spur) => Spurregister.Finden(spur)?.ZustaendigeBehoerde;

    /// <summary>The track an authority owns.</summary>
    public static Spur AlsSpur(this Behoerde behoerde) =>
        Spurregister.Alle.FirstOrDefault(d => d.ZustaendigeBehoerde == behoerde)?.Spur
            ?? throw new ArgumentOutOfRangeException(nameof(behoerde), behoerde, null);

    /// <summary>German display name.</summary>
    public static string Bezeichnung(this Spur spur) => Spurregister.Finden(spur)?.Bezeichnung ?? spur.ToString();

    /// <summary>German display name.</summary>
    public static string Bezeichnung(this Behoerde behoerde) => behoerde switch
    {
        Behoerde.Auslaenderbehoerde => "Ausländerbehörde",
        Behoerde.Jobcenter => "Jobcenter",
        Behoerde.Bildungsberatung => "Bildungsberatung",
        _ => behoerde.ToString(),
    };
}
