namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Outcome of a sign-in through the Kommune's identity provider.</summary>
public enum ExterneAnmeldeStatus
{
    /// <summary>Signed in; a session is open.</summary>
    Erfolgreich,

    /// <summary>The provider did not vouch for a second factor and the account has TOTP: the local code step follows.</summary>
    ZweiterFaktorErforderlich,

    /// <summary>None of the person's groups is mapped to a role here.</summary>
    KeineZuordnung,

    /// <summary>The local account is deactivated.</summary>
    Deaktiviert,

    /// <summary>The local account is locked (too many wrong codes).</summary>
    Gesperrt,
}
