using Kim.Casemanagement.Domain.Themen;

namespace Kim.Casemanagement.Application.Analysen.Entscheidungen;

/// <summary>
/// A decision of the Lenkungsgruppe: what was decided (<paramref name="Titel"/>, no personal data), for which authority,
/// from which day, optionally for which categories of generative Themen. Who recorded it is in the audit log only.
/// </summary>
public sealed record Entscheidung(Guid Id, string Mandant, string Titel, EntscheidungsBehoerde Behoerde, DateOnly GiltAb, IReadOnlyList<ThemaKategorie> Themen, DateTimeOffset ErfasstAm);

/// <summary>The authority whose process a decision changes: one of the partner authorities, or the case management itself.</summary>
public enum EntscheidungsBehoerde
{
    Auslaenderbehoerde,
    Jobcenter,
    Bildungsberatung,
    Fallmanagement,
}

/// <summary>The decisions of a tenant (port; Infrastructure stores them with the request's audit entries in one transaction).</summary>
public interface IEntscheidungen
{
    Task HinzufuegenAsync(Entscheidung entscheidung, CancellationToken ct);

    Task<Entscheidung?> LadenAsync(Guid id, string mandant, CancellationToken ct);

    /// <summary>The tenant's decisions, newest first (by the day they apply from).</summary>
    Task<IReadOnlyList<Entscheidung>> ListeAsync(string mandant, CancellationToken ct);
}

/// <summary>A decision and its before/after comparison: the Fälle taken in during the same number of days before and from the day it applies (at most two years each).</summary>
public sealed record EntscheidungsVergleich(Entscheidung Entscheidung, DateOnly VorherVon, DateOnly VorherBis, DateOnly NachherVon, DateOnly NachherBis, Ergebnisse.Vergleich Vergleich);
