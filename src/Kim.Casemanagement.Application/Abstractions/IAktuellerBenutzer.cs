using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>The person (or system process) on whose behalf a use case runs, and where the request came from.</summary>
public interface IAktuellerBenutzer
{
    /// <summary>Stable user id, written as actor into events and audit rows.</summary>
    string Id { get; }

    /// <summary>The tenant (Kommune) the user works for.</summary>
    string Mandant { get; }

    /// <summary>True for a signed-in user; false for anonymous requests.</summary>
    bool IstAngemeldet { get; }

    IReadOnlySet<Rolle> Rollen { get; }

    /// <summary>The user's team, if any.</summary>
    Guid? TeamId { get; }

    /// <summary>The partner authority of a Partner user.</summary>
    Behoerde? Behoerde { get; }

    /// <summary>Remote address of the request (for the audit trail), if any.</summary>
    string? Herkunft { get; }

    bool HatRolle(Rolle rolle) => Rollen.Contains(rolle);
}
