using System.Security.Cryptography;
using Kim.Casemanagement.Infrastructure.Tokendienst;
using Microsoft.IdentityModel.Tokens;

namespace Kim.Casemanagement.Web.Tokendienst;

/// <summary>
/// The token service's keys from configuration: the current signing key (PEM, RSA or EC) and earlier keys that still
/// verify during the overlap of a rotation. Outside Development and Testing a key file is required. Development keeps
/// a generated key in the data folder (so tokens survive a restart); Testing without a file gets a key per process.
/// </summary>
internal sealed class Signaturschluessel
{
    private Signaturschluessel(SigningCredentials aktuell, IReadOnlyList<SecurityKey> frueher)
    {
        Aktuell = aktuell;
        Frueher = frueher;
    }

    /// <summary>The key new tokens are signed with.</summary>
    public SigningCredentials Aktuell { get; }

    /// <summary>Earlier keys, valid for verification only.</summary>
    public IReadOnlyList<SecurityKey> Frueher { get; }

    /// <summary>Every key a token may be signed with.</summary>
    public IEnumerable<SecurityKey> Alle => Frueher.Prepend(Aktuell.Key);

    public static Signaturschluessel Laden(TokendienstOptionen optionen, IHostEnvironment umgebung, IConfiguration konfiguration)
    {
        var pfad = optionen.Signaturschluessel;
        if (string.IsNullOrWhiteSpace(pfad))
        {
            if (umgebung.IsDevelopment())
            {
                var ordner = konfiguration["Database:Embedded:DataDirectory"] is { Length: > 0 } d ? d : Path.Combine(umgebung.ContentRootPath, ".kim-data");
                pfad = Path.Combine(Path.GetFullPath(ordner, umgebung.ContentRootPath), "tokendienst-signatur.pem");
                if (!File.Exists(pfad))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(pfad)!);
                    using var rsa = RSA.Create(2048);
                    File.WriteAllText(pfad, rsa.ExportPkcs8PrivateKeyPem());
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(pfad, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                }
            }
            else if (umgebung.IsEnvironment("Testing"))
            {
                var rsa = RSA.Create(2048);
                return new Signaturschluessel(Zeichnung(new RsaSecurityKey(rsa) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] }), []);
            }
            else
            {
                throw new InvalidOperationException("Tokendienst:Signaturschluessel fehlt: Pfad einer PEM-Datei mit dem Signaturschlüssel (RSA oder EC) angeben (README, Abschnitt Betrieb).");
            }
        }

        var aktuell = SchluesselLesen(pfad, privat: true);
        var frueher = optionen.FruehereSchluessel.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => SchluesselLesen(p, privat: false)).ToList();
        return new Signaturschluessel(Zeichnung(aktuell), frueher);
    }

    /// <summary>Reads a PEM file (private key, or public key for an earlier one); the key id is derived from the public key.</summary>
    public static AsymmetricSecurityKey SchluesselLesen(string pfad, bool privat)
    {
        var pem = File.ReadAllText(pfad);
        AsymmetricSecurityKey schluessel;
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || PemIstEc(pem))
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            schluessel = new ECDsaSecurityKey(ec) { KeyId = KeyId(ec.ExportSubjectPublicKeyInfo()) };
        }
        else
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            schluessel = new RsaSecurityKey(rsa) { KeyId = KeyId(rsa.ExportSubjectPublicKeyInfo()) };
        }

        if (privat && schluessel.PrivateKeyStatus == PrivateKeyStatus.DoesNotExist)
        {
            throw new InvalidOperationException($"Der Signaturschlüssel in {pfad} enthält keinen privaten Schlüssel.");
        }

        return schluessel;
    }

    private static bool PemIstEc(string pem)
    {
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static string KeyId(byte[] spki) => Base64UrlEncoder.Encode(SHA256.HashData(spki)[..16]);

    private static SigningCredentials Zeichnung(SecurityKey key) =>
        new(key, key is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256);
}
