using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Application.Analysen;

namespace Kim.Casemanagement.Application.Einstellungen;

/// <summary>
/// What a Kommune overrides of the installation's settings; null everywhere means "the installation's default". A track
/// missing from <see cref="Idealverlauf"/> keeps the installation's ideal flow.
/// </summary>
public sealed record MandantUeberschreibungen(
    int? Mindestgroesse,
    decimal? Vollzeitstellen,
    IReadOnlyDictionary<Spur, IdealverlaufSpur>? Idealverlauf,
    int? TitelVorlaufWochen,
    int? EinwilligungVorlaufTage,
    int? KooperationsplanVorlaufTage,
    int? ChancenaufenthaltsrechtVorlaufWochen)
{
    /// <summary>Nothing overridden.</summary>
    public static MandantUeberschreibungen Keine { get; } = new(null, null, null, null, null, null, null);
}

/// <summary>A Mandant's stored overrides with when and by whom (account id) they were last saved.</summary>
public sealed record GespeicherteUeberschreibungen(string Mandant, MandantUeberschreibungen Werte, DateTimeOffset GeaendertAm, string GeaendertVon);

/// <summary>The storage of the overrides (<c>mandant_einstellungen</c>, migration 0022).</summary>
public interface IMandantEinstellungenSpeicher
{
    /// <summary>The row of one Mandant; null when it has none (everything from the installation).</summary>
    Task<GespeicherteUeberschreibungen?> LesenAsync(string mandant, CancellationToken ct);

    /// <summary>Every stored row (the deadline scheduler, installation-wide).</summary>
    Task<IReadOnlyList<GespeicherteUeberschreibungen>> AlleAsync(CancellationToken ct);

    /// <summary>
    /// Inserts or replaces the Mandant's row; with <paramref name="erwartet"/> only if the row is still the one the
    /// caller read (in the same statement). Returns false, storing nothing, when it is not.
    /// </summary>
    Task<bool> SpeichernAsync(string mandant, MandantUeberschreibungen werte, DateTimeOffset am, string von, Versionserwartung? erwartet, CancellationToken ct);
}

/// <summary>The stored row a change expects to replace: the one saved at <see cref="GeaendertAm"/>, or none (null: the installation's settings alone).</summary>
public sealed record Versionserwartung(DateTimeOffset? GeaendertAm);
