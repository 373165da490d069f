using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>Two-factor enrolment shared by the API and the browser page.</summary>
internal static class ZweiFaktorEinrichtung
{
    public const string Aussteller = "Kim.Casemanagement";

    public static string OtpAuthUri(string benutzername, string schluessel) =>
        $"otpauth://totp/{Uri.EscapeDataString(Aussteller)}:{Uri.EscapeDataString(benutzername)}?secret={schluessel}&issuer={Uri.EscapeDataString(Aussteller)}&digits=6&period=30";

    /// <summary>Checks the first code; on success switches two-factor sign-in on and returns ten recovery codes, otherwise null.</summary>
    public static async Task<string[]?> BestaetigenAsync(UserManager<Benutzer> benutzer, Benutzer user, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || !await benutzer.VerifyTwoFactorTokenAsync(user, EinmalAuthenticatorTokenProvider.Name, code))
        {
            return null;
        }

        await benutzer.SetTwoFactorEnabledAsync(user, true);
        return (await benutzer.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []).ToArray();
    }
}
