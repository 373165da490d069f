using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>
/// Configuration of the Lenkungsgruppe's analyses (section <c>Analysen</c>). Tracks without a configured ideal flow and an
/// empty milestone list get the defaults of <see cref="AnalysenStandards"/>.
/// </summary>
public sealed class AnalysenOptionen
{
    public const string Abschnitt = "Analysen";

    /// <summary>Minimum group size: every published count whose group has fewer Fälle is suppressed (default 5, at least 2).</summary>
    public int Mindestgroesse { get; set; } = 5;

    /// <summary>Caseload per FTE is only shown when at least this many case managers are counted (it would describe one person's work otherwise).</summary>
    public int MindestzahlFallmanager { get; set; } = 3;

    /// <summary>At most this many variants are listed; the rest are counted as "sonstige Varianten".</summary>
    public int MaxVarianten { get; set; } = 20;

    /// <summary>At most this many deviations from the ideal flow are listed.</summary>
    public int MaxAbweichungen { get; set; } = 10;

    /// <summary>At most this many bottlenecks per authority.</summary>
    public int MaxEngpaesseJeZustaendigkeit { get; set; } = 5;

    /// <summary>Spacing of the published Kaplan-Meier curve points, in days.</summary>
    public int KurvenIntervallTage { get; set; } = 30;

    /// <summary>Case-manager FTE for the caseload figure; null: the number of case managers who recorded a process step in the quarter.</summary>
    public decimal? Vollzeitstellen { get; set; }

    /// <summary>
    /// No longer supported: the XES export once named traces by an HMAC of the Fall id under this key, stable across
    /// exports; that is a pseudonym, i.e. personal data (Art. 4(5) DSGVO). Trace ids are now random per export and there is
    /// no key; a configured value fails validation at startup so that nobody relies on stable ids unnoticed.
    /// </summary>
    public string? PseudonymSchluessel { get; set; }

    /// <summary>
    /// The stored report of all Fälle (report page without filters) is recomputed at most this often while the data
    /// change, and always on a new business day (default 15 minutes).
    /// </summary>
    public TimeSpan StandIntervall { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the background job checks whether a stored report is due (default 1 minute).</summary>
    public TimeSpan StandPruefintervall { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the per-Fall projection the filtered report page is computed from (ADR 0004) is brought up to date with
    /// the event log (default 30 seconds): the "Stand" of a filtered page is at most this old.
    /// </summary>
    public TimeSpan ProjektionIntervall { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// False turns the background jobs off: the stored report and the per-Fall projection (tests call
    /// <see cref="AnalysenHandler.StandErneuernAsync"/> directly; without a projection a filtered page is computed over the event log).
    /// </summary>
    public bool StandAktualisieren { get; set; } = true;

    /// <summary>The ideal flow per track.</summary>
    public Dictionary<Spur, IdealverlaufSpur> Idealverlauf { get; set; } = [];

    /// <summary>The milestone durations.</summary>
    public List<MeilensteinDefinition> Meilensteine { get; set; } = [];
}
