using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>German texts for ASP.NET Core Identity's validation errors.</summary>
internal sealed class DeutscheIdentityFehler : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Das Passwort muss mindestens {length} Zeichen lang sein." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "Diesen Benutzernamen gibt es in dieser Kommune bereits." };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "Der Benutzername darf nur Buchstaben, Ziffern und . - _ @ enthalten." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Das bisherige Passwort ist nicht korrekt." };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Ein unbekannter Fehler ist aufgetreten." };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Der Code ist ungültig." };

    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "Für dieses Konto ist keine Sperre möglich." };

    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = "Diese Rolle gibt es bereits." };
}
