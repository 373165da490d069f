namespace Kim.Casemanagement.Application.Datenschutz.Loeschung;

/// <summary>What the anonymisation of one Fall on request found.</summary>
public enum EinzelloeschungErgebnis
{
    /// <summary>Anonymised now (the client deleted with their last Fall).</summary>
    Anonymisiert,

    /// <summary>No such Fall in the tenant (or anonymised already).</summary>
    NichtGefunden,

    /// <summary>The Fall is held (Sperrung): not erased.</summary>
    Gesperrt,

    /// <summary>The Fall's process track is not closed (Abschluss, Abbruch, Verweisung): it must be closed first.</summary>
    NichtBeendet,
}

/// <summary>
/// The erasure job's anonymisation of one Fall at once, without waiting for its period (Art. 17 DSGVO, § 84 SGB X:
/// erasure on request, e.g. after consent was withdrawn): the same transaction, checks and erasure record as a run.
/// </summary>
public interface IEinzelloeschung
{
    Task<EinzelloeschungErgebnis> AnonymisierenAsync(Guid fallId, string mandant, CancellationToken ct);
}
