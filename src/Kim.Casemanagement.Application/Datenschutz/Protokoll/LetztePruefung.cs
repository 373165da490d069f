namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>
/// The latest verification of the audit chain run by a Datenschutz account of the tenant (page or API), from the audit
/// trail: when, by whom, and its one-line result (<see cref="Intakt"/> null when the row does not say, e.g. older rows).
/// </summary>
public sealed record LetztePruefung(DateTimeOffset Zeitpunkt, string BenutzerId, string? Ergebnis)
{
    public bool? Intakt => Ergebnis switch
    {
        { } e when e.StartsWith(KettenPruefung.Intakt, StringComparison.Ordinal) => true,
        { } e when e.StartsWith(KettenPruefung.Gebrochen, StringComparison.Ordinal) => false,
        _ => null,
    };
}
