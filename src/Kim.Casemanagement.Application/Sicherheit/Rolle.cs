namespace Kim.Casemanagement.Application.Sicherheit;

/// <summary>The roles of DOMAIN.md §2. A user has one or more.</summary>
public enum Rolle
{
    /// <summary>Case manager: own and deputised Fälle.</summary>
    Fallmanagement = 1,

    /// <summary>Contact person of a partner authority: consented Fälle, own track only.</summary>
    Partner = 2,

    /// <summary>Team lead: the team's Fälle, workload, reassignment, deputies.</summary>
    Teamleitung = 3,

    /// <summary>Steering board: anonymised aggregates only, never a Fall.</summary>
    Lenkungsgruppe = 4,

    /// <summary>Data-protection officer: audit log and consent register.</summary>
    Datenschutz = 5,

    /// <summary>Users, roles, teams; no case content.</summary>
    Administration = 6,

    /// <summary>
    /// The provider's administration (kommunaler IT-Dienstleister), above every Kommune's own Administration: creates,
    /// lists, disables and enables Mandanten. No accounts of a Kommune, no case content (ADR 0014).
    /// </summary>
    Anbieteradministration = 7,
}
