using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Einstellungen;

/// <summary>
/// The settings that apply to one Mandant: each its override, else the installation's default.
/// <see cref="Version"/> names the stored row they come from ("standard" without one); the stored analysis report of the
/// Mandant carries it, so a report computed under other settings is not shown.
/// </summary>
public sealed record WirksameEinstellungen(
    string Mandant,
    int Mindestgroesse,
    decimal? Vollzeitstellen,
    IReadOnlyDictionary<Spur, IdealverlaufSpur> Idealverlauf,
    int TitelVorlaufWochen,
    int EinwilligungVorlaufTage,
    int KooperationsplanVorlaufTage,
    int ChancenaufenthaltsrechtVorlaufWochen,
    MandantUeberschreibungen Ueberschreibungen,
    DateTimeOffset? GeaendertAm,
    string Version)
{
    /// <summary>The tracks that have an ideal flow (the others are not evaluated for conformance).</summary>
    public IReadOnlyList<Spur> SpurenMitIdealverlauf() => Idealverlauf.Where(i => i.Value.Pfade.Count > 0).Select(i => i.Key).Order().ToList();

    /// <summary>The allowed steps of every ideal flow.</summary>
    public IReadOnlyList<SollKante> SollKanten() =>
        Idealverlauf.OrderBy(i => i.Key).SelectMany(i => i.Value.Kanten().Select(k => new SollKante(i.Key, k.Von, k.Nach))).ToList();
}
