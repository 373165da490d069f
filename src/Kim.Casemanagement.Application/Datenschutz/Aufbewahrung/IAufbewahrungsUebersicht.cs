namespace Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;

/// <summary>
/// Which of a tenant's Fälle are due for erasure and which are held, as counts. Today's definition of "due": the
/// process track has ended (Abschluss, Abbruch, Verweisung), the Fall is not anonymised, the end of the period
/// <c>Aufbewahrung.FallakteNachAbschluss</c> valid on the given day, counted from the day the track ended,
/// lies before the given day, and no hold is active (not lifted, its end date not passed). One port so that
/// the source can become the erasure job's dry run without touching the page.
/// </summary>
public interface IAufbewahrungsUebersicht
{
    Task<FaelleZurLoeschung> FaelleAsync(string mandant, DateOnly heute, CancellationToken ct);

    /// <summary>
    /// What the next run of the erasure job would anonymise (a dry run that stores nothing): the due Fälle without an
    /// active hold, oldest closing first, at most <paramref name="hoechstens"/>.
    /// </summary>
    Task<IReadOnlyList<FaelligerFallZurLoeschung>> VorschauAsync(string mandant, DateOnly heute, int hoechstens, CancellationToken ct);
}

/// <summary>A Fall the next erasure run would anonymise: file number, closing state, since when, and from which day it is due.</summary>
public sealed record FaelligerFallZurLoeschung(Guid FallId, string Aktenzeichen, string Zustand, DateOnly BeendetSeit, DateOnly LoeschbarAb);
