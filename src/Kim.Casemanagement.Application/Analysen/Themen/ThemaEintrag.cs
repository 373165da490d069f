using System.Globalization;
using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Themen;

/// <summary>
/// A Thema as the Lenkungsgruppe sees it to decide on it: category, the case manager's description of the structural
/// problem, state and the quarter it was flagged in. No Fall, no person, no author, no exact date.
/// </summary>
public sealed record ThemaEintrag(Guid Id, ThemaKategorie Kategorie, string KategorieBezeichnung, string Beschreibung, ThemaStatus Status, string StatusBezeichnung, string GemeldetImQuartal, int Version)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static ThemaEintrag Aus(Thema thema)
    {
        ArgumentNullException.ThrowIfNull(thema);
        var tag = TimeZoneInfo.ConvertTime(thema.ErstelltAm, Berlin);
        var quartal = string.Create(CultureInfo.InvariantCulture, $"{tag.Year}-Q{((tag.Month - 1) / 3) + 1}");
        return new ThemaEintrag(thema.Id, thema.Kategorie, ThemaKatalog.Bezeichnung(thema.Kategorie), thema.Beschreibung, thema.Status, ThemaKatalog.Bezeichnung(thema.Status), quartal, thema.Version);
    }
}
