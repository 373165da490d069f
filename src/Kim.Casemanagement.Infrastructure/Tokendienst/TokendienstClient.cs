using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Tokendienst;

/// <summary>The kinds of clients of the token service.</summary>
public static class ClientArt
{
    /// <summary>An application used by people: authorization code + PKCE (S256), refresh tokens with rotation.</summary>
    public const string Anwendung = "Anwendung";

    /// <summary>A partner authority's own system: client credentials, bound to one Kommune and one Behörde.</summary>
    public const string Partnersystem = "Partnersystem";
}

/// <summary>One row of <c>tokendienst_clients</c> (without secrets).</summary>
public sealed record TokendienstClient(
    string ClientId,
    string Art,
    string Anzeigename,
    string Mandant,
    Behoerde? Behoerde,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> AbmeldeUris,
    bool Aktiv,
    bool HatGeheimnis,
    DateTimeOffset? VorherigesGeheimnisBis,
    DateTimeOffset ErstelltAm,
    DateTimeOffset GeaendertAm);

/// <summary>A client with the SHA-256 values of its secrets (for the token service's client store only).</summary>
public sealed record TokendienstClientMitGeheimnis(TokendienstClient Client, string? GeheimnisSha256, string? VorherigesSha256);
