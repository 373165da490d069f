using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Kim.Casemanagement.Benchmarks.Umgebung;

/// <summary>
/// The app as its own process (Release build, Production environment, HTTPS with a self-signed certificate on
/// loopback), so that its resident memory can be read from /proc while clients and drivers run in other processes.
/// </summary>
internal sealed class AppProzess : IAsyncDisposable
{
    private readonly Process _prozess;
    private readonly X509Certificate2 _zertifikat;
    private readonly CancellationTokenSource _ende = new();
    private readonly Task _messung;
    private long _spitzeRss;

    private AppProzess(Process prozess, Uri adresse, X509Certificate2 zertifikat, string zertifikatPem)
    {
        _prozess = prozess;
        Adresse = adresse;
        _zertifikat = zertifikat;
        ZertifikatPem = zertifikatPem;
        _messung = Task.Run(MessenAsync);
    }

    public Uri Adresse { get; }

    /// <summary>PEM of the server certificate (NODE_EXTRA_CA_CERTS for the JavaScript clients).</summary>
    public string ZertifikatPem { get; }

    public int Pid => _prozess.Id;

    /// <summary>Resident memory now, in MiB.</summary>
    public double RssMiB => Rss(_prozess.Id) / 1024.0 / 1024.0;

    /// <summary>Highest resident memory sampled (every 200 ms) since <see cref="SpitzeZuruecksetzen"/>, in MiB.</summary>
    public double SpitzeRssMiB => Interlocked.Read(ref _spitzeRss) / 1024.0 / 1024.0;

    public void SpitzeZuruecksetzen() => Interlocked.Exchange(ref _spitzeRss, 0);

    public static async Task<AppProzess> StartenAsync(string appConnectionString, string ownerConnectionString, IDictionary<string, string>? weitere = null, bool tls = true, int? festerPort = null)
    {
        var ordner = Directory.CreateTempSubdirectory("kim-bench-");
        var zertifikat = Testing.TestZertifikat.Erzeugen();
        var pfx = Path.Combine(ordner.FullName, "server.pfx");
        await File.WriteAllBytesAsync(pfx, zertifikat.Export(X509ContentType.Pfx, "bench"));
        var pem = Path.Combine(ordner.FullName, "server.pem");
        await File.WriteAllTextAsync(pem, zertifikat.ExportCertificatePem());
        var port = festerPort ?? FreierPort();
        var start = new ProcessStartInfo("dotnet", [Pfade.WebDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Pfade.WebDll)!,
        };
        var umgebung = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"{(tls ? "https" : "http")}://127.0.0.1:{port}",
            ["Kestrel__Certificates__Default__Path"] = pfx,
            ["Kestrel__Certificates__Default__Password"] = "bench",
            ["ConnectionStrings__Kim"] = appConnectionString,
            ["ConnectionStrings__KimMigration"] = ownerConnectionString,
            ["Tokendienst__Signaturschluessel"] = Signaturschluessel.Value,
            ["Sicherheit__AnmeldungenProMinute"] = "1000000",
            ["Sicherheit__ApiAnfragenProSekunde"] = "1000000",
            ["Sicherheit__ApiSpitze"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (k, v) in weitere ?? new Dictionary<string, string>())
        {
            umgebung[k] = v;
        }

        foreach (var (k, v) in umgebung)
        {
            start.Environment[k] = v;
        }

        var prozess = Process.Start(start)!;
        prozess.OutputDataReceived += (_, e) => Ausgabe(e.Data);
        prozess.ErrorDataReceived += (_, e) => Ausgabe(e.Data);
        prozess.BeginOutputReadLine();
        prozess.BeginErrorReadLine();
        var app = new AppProzess(prozess, new Uri($"{(tls ? "https" : "http")}://127.0.0.1:{port}"), zertifikat, pem);
        await app.BereitAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    /// <summary>
    /// The token service's signing key (production refuses to start without one, ADR 0010): one PEM file per benchmark
    /// run, shared by every instance it starts (as the instances behind nginx share theirs), deleted at exit.
    /// </summary>
    private static readonly Lazy<string> Signaturschluessel = new(() =>
    {
        var pfad = Path.Combine(Path.GetTempPath(), $"kim-bench-signatur-{Environment.ProcessId}.pem");
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        File.WriteAllText(pfad, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(pfad, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(pfad);
        return pfad;
    });

    /// <summary>An HTTP client that trusts the server's certificate.</summary>
    public HttpClient NeuerClient(int verbindungen = 64) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = verbindungen,
        PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == _zertifikat.GetCertHashString(),
        },
    })
    {
        BaseAddress = Adresse,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Starts an app command against the database as a separate process (output redirected; the caller reads or drains it).</summary>
    public static Process KommandoStarten(string appConnectionString, string ownerConnectionString, IDictionary<string, string> umgebung, params string[] argumente)
    {
        var start = new ProcessStartInfo("dotnet", [Pfade.WebDll, .. argumente]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Pfade.WebDll)! };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Kim"] = appConnectionString;
        start.Environment["ConnectionStrings__KimMigration"] = ownerConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in umgebung)
        {
            start.Environment[k] = v;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs an app command (e.g. create-admin) against the same database, as a separate process.</summary>
    public static async Task<int> KommandoAsync(string appConnectionString, string ownerConnectionString, IDictionary<string, string> umgebung, params string[] argumente)
    {
        using var p = KommandoStarten(appConnectionString, ownerConnectionString, umgebung, argumente);
        var aus = p.StandardOutput.ReadToEndAsync();
        var fehler = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            Console.Error.WriteLine(await aus);
            Console.Error.WriteLine(await fehler);
        }

        return p.ExitCode;
    }

    public int Port => Adresse.Port;

    /// <summary>kill -9: no shutdown, no flush, open transactions die with their connections.</summary>
    public void Toeten()
    {
        if (!_prozess.HasExited)
        {
            _prozess.Kill(entireProcessTree: false);
            _prozess.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _ende.CancelAsync();
        await _messung;
        if (!_prozess.HasExited)
        {
            // SIGTERM: the host shuts down in order.
            Process.Start("kill", ["-TERM", _prozess.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var frist = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _prozess.WaitForExitAsync(frist.Token);
            }
            catch (OperationCanceledException)
            {
                _prozess.Kill(entireProcessTree: true);
            }
        }

        _prozess.Dispose();
        _zertifikat.Dispose();
        _ende.Dispose();
    }

    internal static long Rss(int pid)
    {
        try
        {
            foreach (var zeile in File.ReadLines($"/proc/{pid}/status"))
            {
                if (zeile.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(zeile.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    private static void Ausgabe(string? zeile)
    {
        if (!string.IsNullOrWhiteSpace(zeile))
        {
            Console.Error.WriteLine("[app] " + zeile);
        }
    }

    internal static int FreierPort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task BereitAsync(TimeSpan hoechstens)
    {
        using var client = NeuerClient();
        var bis = DateTime.UtcNow + hoechstens;
        while (DateTime.UtcNow < bis)
        {
            if (_prozess.HasExited)
            {
                throw new InvalidOperationException($"Die Anwendung hat sich beendet (Exit-Code {_prozess.ExitCode}).");
            }

            try
            {
                using var antwort = await client.GetAsync("/health/ready");
                if (antwort.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("Die Anwendung wurde nicht bereit.");
    }

    private async Task MessenAsync()
    {
        while (!_ende.IsCancellationRequested)
        {
            var rss = Rss(_prozess.Id);
            long alt;
            do
            {
                alt = Interlocked.Read(ref _spitzeRss);
            }
            while (rss > alt && Interlocked.CompareExchange(ref _spitzeRss, rss, alt) != alt);
            try
            {
                await Task.Delay(200, _ende.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
