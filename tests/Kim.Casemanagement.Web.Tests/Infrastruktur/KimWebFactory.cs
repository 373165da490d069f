using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>
/// The real application on real Kestrel with real TLS (a self-signed certificate for loopback, so that Secure
/// <c>__Host-</c> cookies work as in production) against a real PostgreSQL database.
/// </summary>
public sealed class KimWebFactory : WebApplicationFactory<Program>
{
    private static readonly Lazy<X509Certificate2> Zertifikat = new(Kim.Casemanagement.Testing.TestZertifikat.Erzeugen);
    private static readonly Lazy<string> ZertifikatDatei = new(() =>
    {
        // In the test cluster's folder, which its watchdog deletes once this process is gone (the test runner kills
        // the test host too soon for exit handlers).
        var ordner = Kim.Casemanagement.Testing.PostgresTestCluster.GetAsync().GetAwaiter().GetResult().RootDirectory;
        var pfad = Path.Combine(ordner, "server-zertifikat.pem");
        File.WriteAllText(pfad, Zertifikat.Value.ExportCertificatePem());
        return pfad;
    });
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ILoggerProvider? _protokoll;
    private readonly Action<IServiceCollection>? _dienste;

    /// <param name="tls">false: plain HTTP on loopback, as an instance behind nginx (infra/nginx) listens.</param>
    /// <param name="dienste">Registrations after the app's own (e.g. an in-memory telemetry exporter).</param>
    public KimWebFactory(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? protokoll = null, bool tls = true, Action<IServiceCollection>? dienste = null)
    {
        _settings = settings;
        _protokoll = protokoll;
        _dienste = dienste;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            if (tls)
            {
                l.UseHttps(Zertifikat.Value);
            }
        }));
    }

    /// <summary>Settings for a test database (app role for requests, owner role for migrations), with rate limits out of the way.</summary>
    public static Dictionary<string, string?> FuerDatenbank(string appConnectionString, string ownerConnectionString) => new()
    {
        ["ConnectionStrings:Kim"] = appConnectionString,
        ["ConnectionStrings:KimMigration"] = ownerConnectionString,
        ["Sicherheit:AnmeldungenProMinute"] = "100000",
        ["Sicherheit:ApiAnfragenProSekunde"] = "100000",
        ["Sicherheit:ApiSpitze"] = "100000",
        ["Tokendienst:TokenAnfragenProMinute"] = "100000",
        ["Termine:Aktiv"] = "false",
        ["Analysen:StandAktualisieren"] = "false",
    };

    /// <summary>A PEM file with the test certificate, for clients outside .NET (NODE_EXTRA_CA_CERTS).</summary>
    public static string ZertifikatPem => ZertifikatDatei.Value;

    /// <summary>The base address the server listens on (https unless made without TLS).</summary>
    public Uri Adresse
    {
        get
        {
            StartServer();
            var server = Services.GetRequiredService<IServer>();
            return new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    /// <summary>A client for the real server that trusts its test certificate (no cookies unless <paramref name="cookies"/> is given).</summary>
    public HttpClient NeuerClient(CookieContainer? cookies = null, bool weiterleitungen = false)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = weiterleitungen,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == Zertifikat.Value.GetCertHashString(),
            },
        };
        return new HttpClient(handler) { BaseAddress = Adresse };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_protokoll is not null)
        {
            builder.ConfigureLogging(l => l.AddProvider(_protokoll));
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_dienste is not null)
        {
            builder.ConfigureServices(_dienste);
        }
    }
}
