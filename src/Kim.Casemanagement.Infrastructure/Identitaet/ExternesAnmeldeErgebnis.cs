namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// Outcome of a sign-in through the Kommune's identity provider: on success the local sign-in result (principal,
/// session); when the TOTP step follows, the local account's id; <see cref="NeuAngelegt"/> when the account was created
/// just now.
/// </summary>
public sealed record ExternesAnmeldeErgebnis(ExterneAnmeldeStatus Status, AnmeldeErgebnis? Anmeldung, string? BenutzerId, bool NeuAngelegt);
