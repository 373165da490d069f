using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>One Fall as stored: the columns the replay needs, its client, consents, goals, referrals and events (by number).</summary>
internal sealed record FallAkte(
    Guid Id,
    string Mandant,
    string Aktenzeichen,
    string? FallmanagerId,
    Guid? TeamId,
    DateOnly? Art13InformiertAm,
    string KompetenzprofilJson,
    int EreignisAnzahl,
    string ProzessZustand,
    string AufenthaltZustand,
    string LeistungenZustand,
    string BildungZustand,
    Schutzform? Schutzform,
    KlientZeile Klient)
{
    public List<EinwilligungZeile> Einwilligungen { get; } = [];

    public List<ZielZeile> Ziele { get; } = [];

    public List<UeberleitungZeile> Ueberleitungen { get; } = [];

    public List<EreignisZeile> Ereignisse { get; } = [];

    /// <summary>A generated Fall as it will be stored (for replaying before or without a database).</summary>
    public static FallAkte Aus(FallDatensatz d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var f = d.Fall;
        var akte = new FallAkte(
            f.Id, f.Mandant, f.Aktenzeichen, f.FallmanagerId, f.TeamId, f.Art13InformiertAm, f.KompetenzprofilJson, f.EreignisAnzahl,
            f.Prozess.Zustand.ToString(), f.Aufenthalt.Zustand.ToString(), f.Leistungen.Zustand.ToString(), f.Bildung.Zustand.ToString(), f.Aufenthalt.Schutzform, d.Klient);
        akte.Einwilligungen.AddRange(d.Einwilligungen);
        akte.Ziele.AddRange(d.Ziele);
        akte.Ueberleitungen.AddRange(d.Ueberleitungen);
        akte.Ereignisse.AddRange(d.Ereignisse);
        return akte;
    }
}
