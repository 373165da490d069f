using Kim.Casemanagement.Application.Faelle.FaelleSuchen;

namespace Kim.Casemanagement.Application.Datenschutz.Sperrung;

/// <summary>The stored holds (table <c>fall_sperren</c>); changes only through a <see cref="ISperrvorgang"/>.</summary>
public interface IFallSperren
{
    /// <summary>
    /// Starts a change of the holds of one Fall: a transaction that locks the Fall's row (<c>SELECT … FOR UPDATE</c>)
    /// until it is completed or disposed, so that it serialises with every write to the Fall and with its erasure.
    /// Null when no Fall with this id exists (an anonymised Fall does not count). <paramref name="heute"/> decides
    /// whether the hold that is not lifted is still active.
    /// </summary>
    Task<ISperrvorgang?> OeffnenAsync(Guid fallId, DateOnly heute, CancellationToken ct);

    /// <summary>One page of the tenant's holds, newest first.</summary>
    Task<Seite<SperreDetail>> SuchenAsync(string mandant, SperrenFilter filter, DateOnly heute, CancellationToken ct);

    /// <summary>The id of the tenant's Fall with this file number, or null.</summary>
    Task<Guid?> FallIdAsync(string mandant, string aktenzeichen, CancellationToken ct);
}
