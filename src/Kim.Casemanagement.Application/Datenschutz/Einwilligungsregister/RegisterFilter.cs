using System.Globalization;
using System.Text;

namespace Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;

/// <summary>
/// Filter and page of the consent register. Every given criterion must match: <see cref="Status"/> one of
/// <see cref="RegisterStatus"/> (with <see cref="Tage"/> for <see cref="RegisterStatus.Ablaufend"/>),
/// <see cref="Empfaenger"/> and <see cref="Kategorie"/> as the enum names of the domain, <see cref="Von"/> and
/// <see cref="Bis"/> a period in which the consent was valid on at least one day (withdrawal counted),
/// <see cref="Aktenzeichen"/> the beginning of the file number (a whole one or e.g. <c>KIM-2026-</c>).
/// </summary>
public sealed record RegisterFilter
{
    public const int MaxGroesse = 500;

    /// <summary>How many rows a CSV download holds at most.</summary>
    public const int MaxExport = 10_000;

    public const int StandardTage = 30;

    public string? Status { get; init; }

    /// <summary>For <see cref="RegisterStatus.Ablaufend"/>: ends within this many days from today (1 to 366; default 30).</summary>
    public int? Tage { get; init; }

    public string? Empfaenger { get; init; }

    public string? Kategorie { get; init; }

    public DateOnly? Von { get; init; }

    public DateOnly? Bis { get; init; }

    public string? Aktenzeichen { get; init; }

    public Guid? FallId { get; init; }

    public int Seite { get; init; } = 1;

    public int Groesse { get; init; } = 50;

    /// <summary>The filter for the audit trail: criteria only, no free text beyond the file number.</summary>
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

        Teil("status", Status);
        Teil("tage", Status == RegisterStatus.Ablaufend ? (Tage ?? StandardTage).ToString(CultureInfo.InvariantCulture) : null);
        Teil("empfaenger", Empfaenger);
        Teil("kategorie", Kategorie);
        Teil("von", Von?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Teil("bis", Bis?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Teil("aktenzeichen", Aktenzeichen);
        Teil("seite", Seite.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
