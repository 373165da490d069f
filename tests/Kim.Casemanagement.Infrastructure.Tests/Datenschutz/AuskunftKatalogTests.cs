using Kim.Casemanagement.Infrastructure.Datenschutz;

namespace Kim.Casemanagement.Infrastructure.Tests.Datenschutz;

/// <summary>
/// What the Art. 15 copy needs from the catalogue: it selects every case-file table by the client or the Fall, shows staff
/// columns as role and authority, and shows links to other persons only as "verknüpft".
/// </summary>
public sealed class AuskunftKatalogTests
{
    [Fact]
    public void Fallakte_EveryTableCanBeSelectedForOneClient()
    {
        foreach (var t in Datenkatalog.Fallakte)
        {
            var spalte = t.Fallbezug switch
            {
                Fallbezug.Klient => "id",
                Fallbezug.Fall => "klient_id",
                _ => "fall_id",
            };
            t.Spalten.ShouldContain(s => s.Name == spalte, $"{t.Name}: die Auskunft wählt die Zeilen über {spalte}");
            t.Spalten.ShouldContain(s => s.Name == "id", $"{t.Name}: eine Zeile der Auskunft braucht ihre Kennung");
        }

        // The copy reads the Fälle before the tables that hang on them.
        var namen = Datenkatalog.Fallakte.Select(t => t.Name).ToList();
        namen.IndexOf("faelle").ShouldBeLessThan(namen.IndexOf("einwilligungen"));
        Datenkatalog.Fallakte.Count(t => t.Fallbezug == Fallbezug.Klient).ShouldBe(1);
        Datenkatalog.Fallakte.Count(t => t.Fallbezug == Fallbezug.Fall).ShouldBe(1);
    }

    [Fact]
    public void Spalten_StaffAppearAsRoleAndAuthority_TheHouseholdOnlyAsALink()
    {
        foreach (var s in Datenkatalog.Tabellen.SelectMany(t => t.Spalten))
        {
            if (s.Darstellung is null)
            {
                s.InAuskunft.ShouldBe(s.Art == Datenart.Beschaeftigte ? Auskunftsform.Beschaeftigte : Auskunftsform.Wert, s.Name);
            }
        }

        Datenkatalog.Tabelle("klienten").Spalte("haushalt_id").InAuskunft.ShouldBe(Auskunftsform.NurVerknuepfung);
        Datenkatalog.Tabelle("faelle").Spalte("fallmanager_id").InAuskunft.ShouldBe(Auskunftsform.Beschaeftigte);
        Datenkatalog.Tabelle("fall_ereignisse").Spalte("akteur").InAuskunft.ShouldBe(Auskunftsform.Beschaeftigte);
    }

    [Theory]
    [InlineData("Geburtsdatum; am anonymisierten Fall bleibt nur das Alter in vollen Jahren bei Aufnahme", "Geburtsdatum")]
    [InlineData("Wohnsitzauflage (anonymisiert: nein)", "Wohnsitzauflage")]
    [InlineData("zuständiges Team (Filter der Analysen)", "zuständiges Team (Filter der Analysen)")]
    [InlineData("Vorname", "Vorname")]
    public void Kurzbezeichnung_LeavesOutWhatTheCatalogueSaysAboutErasure(string beschreibung, string kurz) =>
        AuskunftHtml.Kurzbezeichnung(beschreibung).ShouldBe(kurz);
}
