using System.Globalization;
using System.Text;

namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>
/// Filter and page of the audit log viewer. Every given criterion must match: the Fall by its id or its file number
/// (not both), the user by id, the period <see cref="Von"/> (inclusive) to <see cref="Bis"/> (exclusive), the action
/// exactly or, when it ends with a dot (<c>Fall.</c>), every action of that area. <see cref="Seite"/> is 1-based,
/// <see cref="Groesse"/> 1 to <see cref="MaxGroesse"/>.
/// </summary>
public sealed record ProtokollFilter
{
    public const int MaxGroesse = 500;

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public Guid? FallId { get; init; }

    public string? Aktenzeichen { get; init; }

    public string? BenutzerId { get; init; }

    public DateTimeOffset? Von { get; init; }

    public DateTimeOffset? Bis { get; init; }

    public string? Aktion { get; init; }

    public int Seite { get; init; } = 1;

    public int Groesse { get; init; } = 50;

    /// <summary>The start of a day in the Kommune's time zone (Europe/Berlin), for a period given in days.</summary>
    public static DateTimeOffset Tagesbeginn(DateOnly tag)
    {
        var ortszeit = tag.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(ortszeit, Berlin.GetUtcOffset(ortszeit));
    }

    /// <summary>The filter for the audit trail: criteria only.</summary>
    public string Beschreibung()
    {
        var sb = new StringBuilder();
        void Teil(string name, string? wert)
        {
            if (!string.IsNullOrEmpty(wert))
            {
                sb.Append(sb.Length == 0 ? string.Empty : ", ").Append(name).Append('=').Append(wert);
            }
        }

        Teil("aktenzeichen", Aktenzeichen);
        Teil("benutzer", BenutzerId);
        Teil("von", Von?.ToString("O", CultureInfo.InvariantCulture));
        Teil("bis", Bis?.ToString("O", CultureInfo.InvariantCulture));
        Teil("aktion", Aktion);
        Teil("seite", Seite.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
