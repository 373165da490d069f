using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kim.Casemanagement.Web.Pages.Datenschutz;

/// <summary>One page of the data-protection officer's workplace, as the start page and the workplace navigation name it.</summary>
public sealed record ArbeitsplatzSeite(string Pfad, string Titel, string Beschreibung);

/// <summary>
/// The pages of the workplace (issue 15, item 10). Links are shown only to pages the application has: a page of the
/// list that is not built yet (or not in this build) is left out instead of leading to a 404, and appears by itself once
/// its Razor page exists (checked against the app's page routes, not configured by hand).
/// </summary>
public static class ArbeitsplatzSeiten
{
    public const string Start = "/Datenschutz";

    public static IReadOnlyList<ArbeitsplatzSeite> Alle { get; } =
    [
        new(Start, "Übersicht", "Kennzahlen des Arbeitsplatzes auf einen Blick."),
        new("/Datenschutz/Einwilligungen", "Einwilligungsregister", "Alle Einwilligungen mit Empfänger, Datenkategorien, Zweck und Gültigkeit; Filter und CSV-Download."),
        new("/Datenschutz/Protokoll", "Zugriffsprotokoll", "Wer hat wann welchen Fall gelesen oder geändert; Prüfung der Hash-Kette."),
        new("/Datenschutz/Aufbewahrung", "Aufbewahrung und Löschung", "Geltende Fristen, fällige und gesperrte Fälle, Löschläufe mit Löschprotokoll, Aufbewahrung des Zugriffsprotokolls."),
        new("/Datenschutz/Sperren", "Sperrungen", "Fälle sperren (Art. 18 DSGVO, § 84 Abs. 3 SGB X) und Sperren aufheben."),
        new("/Datenschutz/Auskunft", "Auskunft nach Art. 15 DSGVO", "Kopie aller Daten einer Person mit dem Protokoll der Zugriffe."),
        new("/Datenschutz/Verzeichnis", "Verzeichnis nach Art. 30 DSGVO", "Das Verzeichnis der Verarbeitungstätigkeiten zum Herunterladen."),
    ];

    /// <summary>The pages of <see cref="Alle"/> that exist in the running application, in that order.</summary>
    public static IReadOnlyList<ArbeitsplatzSeite> Vorhandene(IActionDescriptorCollectionProvider aktionen)
    {
        ArgumentNullException.ThrowIfNull(aktionen);
        var seiten = aktionen.ActionDescriptors.Items.OfType<PageActionDescriptor>().Select(d => d.ViewEnginePath).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Alle.Where(s => seiten.Contains(s.Pfad) || seiten.Contains(s.Pfad + "/Index")).ToArray();
    }
}
