using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Themen;

/// <summary>A Thema as the Fall's case manager sees it; <see cref="Version"/> is the expected version of a change of state.</summary>
public sealed record ThemaDetail(Guid Id, ThemaKategorie Kategorie, string KategorieBezeichnung, string Beschreibung, ThemaStatus Status, string StatusBezeichnung, DateTimeOffset ErstelltAm, int Version)
{
    public static ThemaDetail Aus(Thema thema)
    {
        ArgumentNullException.ThrowIfNull(thema);
        return new ThemaDetail(thema.Id, thema.Kategorie, ThemaKatalog.Bezeichnung(thema.Kategorie), thema.Beschreibung, thema.Status, ThemaKatalog.Bezeichnung(thema.Status), thema.ErstelltAm, thema.Version);
    }
}
