using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// The authenticator (TOTP) token provider with replay protection: a code is accepted once; the last accepted time
/// step is stored per user and a code of the same or an earlier step is refused (ASVS 5.0, V6). One step of clock
/// drift either way is tolerated.
/// </summary>
public sealed class EinmalAuthenticatorTokenProvider(TimeProvider zeit) : IUserTwoFactorTokenProvider<Benutzer>
{
    public const string Name = "KimAuthenticator";
    private const string Anbieter = "[Kim]";
    private const string LetzterSchritt = "TotpLetzterSchritt";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Benutzer> manager, Benutzer user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    public Task<string> GenerateAsync(string purpose, UserManager<Benutzer> manager, Benutzer user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Benutzer> manager, Benutzer user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var code = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var schluesselText = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(schluesselText))
        {
            return false;
        }

        var schluessel = Totp.Base32Dekodieren(schluesselText);
        var jetzt = Totp.Zeitschritt(zeit.GetUtcNow());
        var letzter = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Anbieter, LetzterSchritt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        for (var schritt = jetzt - 1; schritt <= jetzt + 1; schritt++)
        {
            if (schritt > letzter && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(Totp.Code(schluessel, schritt)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                await manager.SetAuthenticationTokenAsync(user, Anbieter, LetzterSchritt, schritt.ToString(CultureInfo.InvariantCulture));
                return true;
            }
        }

        return false;
    }
}
