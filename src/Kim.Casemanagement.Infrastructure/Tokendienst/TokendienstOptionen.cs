namespace Kim.Casemanagement.Infrastructure.Tokendienst;

/// <summary>The token service's settings (section <c>Tokendienst</c>; ADR 0010, README).</summary>
public sealed class TokendienstOptionen
{
    public const string Abschnitt = "Tokendienst";

    /// <summary>The API resource (audience of every access token).</summary>
    public const string Api = "kim-api";

    /// <summary>The issuer; empty: the origin of the request (behind nginx: the public origin from X-Forwarded-*).</summary>
    public string? Aussteller { get; set; }

    /// <summary>PEM file with the current signing key (RSA or EC private key). Required outside Development and Testing.</summary>
    public string? Signaturschluessel { get; set; }

    /// <summary>PEM files of earlier keys (public or private): still valid for verification during the overlap period.</summary>
    public List<string> FruehereSchluessel { get; set; } = [];

    /// <summary>Lifetime of an access token for an application used by people.</summary>
    public TimeSpan ZugriffstokenDauer { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of a partner system's access token (a disabled client is refused at once anyway).</summary>
    public TimeSpan MaschinenTokenDauer { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the previous secret of a partner system stays valid after a rotation.</summary>
    public TimeSpan GeheimnisUeberlappung { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Token requests per minute and client address (rate limit of /connect/token).</summary>
    public int TokenAnfragenProMinute { get; set; } = 30;

    /// <summary>Development only: a demo partner system registered at start with this known secret (README, Development).</summary>
    public DemoPartnersystemKonfiguration? DemoPartnersystem { get; set; }

    /// <summary>Applications used by people (authorization code + PKCE), created or updated in the database at start.</summary>
    public List<AnwendungsKonfiguration> Anwendungen { get; set; } = [];
}

/// <summary>One application client from configuration.</summary>
public sealed class AnwendungsKonfiguration
{
    public string ClientId { get; set; } = string.Empty;

    public string Anzeigename { get; set; } = string.Empty;

    public string Mandant { get; set; } = "standard";

    public List<string> Scopes { get; set; } = [];

    public List<string> RedirectUris { get; set; } = [];

    public List<string> AbmeldeUris { get; set; } = [];
}

/// <summary>The demo partner system of the Development run.</summary>
public sealed class DemoPartnersystemKonfiguration
{
    public string ClientId { get; set; } = string.Empty;

    public Domain.Common.Behoerde Behoerde { get; set; } = Domain.Common.Behoerde.Auslaenderbehoerde;

    public string Geheimnis { get; set; } = string.Empty;
}
