using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kim.Casemanagement.Testing;

/// <summary>A self-signed server certificate for localhost and 127.0.0.1 (test hosts and benchmark processes).</summary>
public static class TestZertifikat
{
    public static X509Certificate2 Erzeugen()
    {
        using var rsa = RSA.Create(2048);
        var anfrage = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        anfrage.CertificateExtensions.Add(san.Build());
        anfrage.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var zertifikat = anfrage.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(zertifikat.Export(X509ContentType.Pfx), null);
    }
}
