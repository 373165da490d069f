using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>State names and labels of the tracks as the analyses show them, and who owns a track.</summary>
public static class Spurzustaende
{
    /// <summary>Who the case management process belongs to (it has no partner authority).</summary>
    public const string Fallmanagement = "Fallmanagement (KIM)";

    /// <summary>The state names of a track (track registry).</summary>
    public static IReadOnlyList<string> Namen(Spur spur) => Spurregister.Finden(spur)?.Zustaende ?? [];

    public static bool IstGueltig(Spur spur, string zustand) => Namen(spur).Contains(zustand, StringComparer.Ordinal);

    /// <summary>The German label of a state.</summary>
    public static string Bezeichnung(Spur spur, string zustand) => Fall.ZustandBezeichnung(spur, zustand);

    /// <summary>Short German name of a track (track registry).</summary>
    public static string Kurzname(Spur spur) => Spurregister.Finden(spur)?.Kurzname ?? spur.ToString();

    /// <summary>
    /// Who owns the waiting on a track: the partner authority of the track, the receiving authority of a referral
    /// (<paramref name="empfaenger"/>), or the case management itself.
    /// </summary>
    public static string Zustaendig(Spur spur, string? empfaenger = null)
    {
        if (spur == Spur.Ueberleitung)
        {
            return empfaenger is not null && Enum.TryParse<Behoerde>(empfaenger, out var b) && Enum.IsDefined(b) ? b.Bezeichnung() : "Partnerbehörde";
        }

        return spur.ZustaendigeBehoerde() is { } behoerde ? behoerde.Bezeichnung() : Fallmanagement;
    }

    /// <summary>"Spur.Zustand" → (Spur, Zustand), or null when it does not name a state of a track.</summary>
    public static (Spur Spur, string Zustand)? Lesen(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var teile = text.Split('.', 2, StringSplitOptions.TrimEntries);
        return teile.Length == 2 && Enum.TryParse<Spur>(teile[0], ignoreCase: false, out var spur) && Enum.IsDefined(spur) && IstGueltig(spur, teile[1])
            ? (spur, teile[1])
            : null;
    }
}
