namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// What the Kommune's identity provider said about a person in a validated ID token: issuer and subject (together the
/// stable key of the link to the local account), name and e-mail (shown, never used for matching), groups, and how the
/// person authenticated (<c>amr</c>, <c>acr</c>).
/// </summary>
public sealed record ExterneIdentitaet(
    string Aussteller,
    string Subjekt,
    string? Name,
    string? Email,
    IReadOnlyList<string> Gruppen,
    IReadOnlyList<string> Amr,
    string? Acr);
