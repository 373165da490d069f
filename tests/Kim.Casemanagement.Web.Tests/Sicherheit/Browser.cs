using System.Text.RegularExpressions;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>A browser's way of posting forms: fetch the page for the antiforgery token, then post the form.</summary>
internal static partial class Browser
{
    public static async Task<HttpResponseMessage> AnmeldenAsync(HttpClient client, string benutzername, string passwort, string? code) =>
        await PostFormularAsync(client, "/Konto/Anmelden", "/Konto/Anmelden", [new("Benutzername", benutzername), new("Passwort", passwort), new("Code", code ?? string.Empty)]);

    /// <summary>GETs <paramref name="seite"/> to obtain the antiforgery field, then POSTs the form to <paramref name="ziel"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormularAsync(HttpClient client, string seite, string ziel, IEnumerable<KeyValuePair<string, string>> felder)
    {
        var html = await client.GetStringAsync(seite);
        var token = AntiforgeryFeld().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"Kein Antiforgery-Feld auf {seite}.");
        }

        var alle = felder.Append(new("__kimaf", token.Groups[1].Value)).ToList();
        return await client.PostAsync(ziel, new FormUrlEncodedContent(alle));
    }

    [GeneratedRegex("name=\"__kimaf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryFeld();
}
