using System.Globalization;
using Kim.Casemanagement.Application.Abstractions;

namespace Kim.Casemanagement.Application.Common;

/// <summary>
/// A change of a Fall under an active hold (Sperrung, Art. 18 DSGVO, § 84 Abs. 3 SGB X) was refused: the Fall is
/// read-only until the Datenschutz role lifts the hold or its end date passes. Maps to 409, like every conflict with the
/// Fall's state; nothing was written.
/// </summary>
public sealed class FallGesperrtException : KonfliktException
{
    /// <summary>The reason a step of a held Fall is not possible (the read model; the dates are in its hold).</summary>
    public const string SchrittGrund = "Der Fall ist gesperrt (Art. 18 DSGVO) und kann nur gelesen werden.";

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public FallGesperrtException(FallSperrvermerk sperre)
        : base(Text(sperre))
    {
        Sperre = sperre;
    }

    public FallGesperrtException()
        : base(SchrittGrund)
    {
    }

    public FallGesperrtException(string message)
        : base(message)
    {
    }

    public FallGesperrtException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The hold that refused the change, if known.</summary>
    public FallSperrvermerk? Sperre { get; }

    /// <summary>The German reason, e.g. "Der Fall ist gesperrt (Art. 18 DSGVO) seit 05.12.2026 bis 31.01.2027 …".</summary>
    public static string Text(FallSperrvermerk sperre)
    {
        ArgumentNullException.ThrowIfNull(sperre);
        var de = CultureInfo.GetCultureInfo("de-DE");
        var seit = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sperre.Seit, Berlin).DateTime);
        var bis = sperre.Bis is { } b ? string.Create(de, $"bis {b:dd.MM.yyyy}") : "bis auf Weiteres";
        return string.Create(de, $"Der Fall ist gesperrt (Art. 18 DSGVO, § 84 Abs. 3 SGB X) seit {seit:dd.MM.yyyy} {bis} und kann nur gelesen werden. ")
            + "Änderungen sind erst wieder möglich, wenn der Datenschutz die Sperre aufhebt.";
    }
}
