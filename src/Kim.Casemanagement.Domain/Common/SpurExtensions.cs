namespace Kim.Casemanagement.Domain.Common;

/// <summary>Which authority owns which track.</summary>
public static class SpurExtensions
{
    /// <summary>The partner authority that records events on the track, or null for the case-management track and referrals.</summary>
    public static Behoerde? ZustaendigeBehoerde(this Spur spur) => spur switch
    {
        Spur.Aufenthalt => Behoerde.Auslaenderbehoerde,
        Spur.Leistungen => Behoerde.Jobcenter,
        Spur.Bildung => Behoerde.Bildungsberatung,
        _ => null,
    };

    /// <summary>The track an authority owns.</summary>
    public static Spur AlsSpur(this Behoerde behoerde) => behoerde switch
    {
        Behoerde.Auslaenderbehoerde => Spur.Aufenthalt,
        Behoerde.Jobcenter => Spur.Leistungen,
        Behoerde.Bildungsberatung => Spur.Bildung,
        _ => throw new ArgumentOutOfRangeException(nameof(behoerde), behoerde, null),
    };

    /// <summary>German display name.</summary>
    public static string Bezeichnung(this Spur spur) => spur switch
    {
        Common.Spur.Prozess => "Case-Management-Prozess",
        Common.Spur.Aufenthalt => "Aufenthalt (Ausländerbehörde)",
        Common.Spur.Leistungen => "Leistungen (Jobcenter/Sozialamt)",
        Common.Spur.Bildung => "Bildung (Bildungsberatung)",
        Common.Spur.Ueberleitung => "Überleitung",
        _ => spur.ToString(),
    };

    /// <summary>German display name.</summary>
    public static string Bezeichnung(this Behoerde behoerde) => behoerde switch
    {
        Behoerde.Auslaenderbehoerde => "Ausländerbehörde",
        Behoerde.Jobcenter => "Jobcenter",
        Behoerde.Bildungsberatung => "Bildungsberatung",
        _ => behoerde.ToString(),
    };
}
