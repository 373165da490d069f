using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>
/// One directly-follows step of a process map before suppression: from a state to the next one (or, with
/// <paramref name="Nach"/> null, the end of the trace: the last recorded state), how often, by how many Fälle, and the
/// days between the two fachliche Daten (median, 80th percentile). For ends, the Fälle whose case is still open and the
/// days they have been waiting in the state until today.
/// </summary>
public sealed record KanteRoh(
    Spur VonSpur,
    string? VonGruppe,
    string Von,
    Spur? NachSpur,
    string? NachGruppe,
    string? Nach,
    long Anzahl,
    long Faelle,
    double? MedianTage,
    double? P80Tage,
    long Offen,
    long OffenFaelle,
    double? OffenMedianTage,
    double? OffenP80Tage)
{
    public string VonSchluessel => Knotenschluessel.Von(VonSpur, VonGruppe, Von);

    public string? NachSchluessel => Nach is null ? null : Knotenschluessel.Von(NachSpur!.Value, NachGruppe, Nach);
}
