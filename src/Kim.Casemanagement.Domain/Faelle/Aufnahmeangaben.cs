using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>Where the client stands on each track when the Fall is opened (intake).</summary>
public sealed record Aufnahmeangaben(
    AufenthaltZustand Aufenthaltsstatus,
    DateOnly? AufenthaltSeit,
    Schutzform? Schutzform,
    DateOnly? AufenthaltGueltigBis,
    string? Rechtsgrundlage,
    LeistungenZustand Leistungsstatus,
    DateOnly? LeistungenSeit,
    BildungZustand Bildungsstand,
    DateOnly? BildungSeit,
    Sprachniveau? Deutschniveau)
{
    public static Aufnahmeangaben OhneVorgeschichte { get; } =
        new(AufenthaltZustand.KeinStatus, null, null, null, null, LeistungenZustand.KeinLeistungsbezug, null, BildungZustand.KeineBeratung, null, null);
}
