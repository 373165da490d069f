using Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Web.Pages.Faelle;

/// <summary>The person's master data as a form posts them: at intake and when they are corrected (Art. 16 DSGVO). An empty required field is rejected by the domain with its German message.</summary>
public sealed class KlientEingabe
{
    public string? Vorname { get; set; }

    public string? Nachname { get; set; }

    public DateOnly? Geburtsdatum { get; set; }

    public Geschlecht Geschlecht { get; set; }

    public string? Herkunftsland { get; set; }

    public DateOnly? Einreisedatum { get; set; }

    public int? MinderjaehrigeKinder { get; set; }

    public KlientStammdaten AlsStammdaten() =>
        new(Vorname ?? string.Empty, Nachname ?? string.Empty, Geburtsdatum ?? DateOnly.MinValue, Geschlecht, Herkunftsland ?? string.Empty, Einreisedatum, MinderjaehrigeKinder ?? -1);
}
