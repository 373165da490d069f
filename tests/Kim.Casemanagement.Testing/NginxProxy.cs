using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Kim.Casemanagement.Testing;

/// <summary>
/// Debian's nginx (installed by scripts/test.sh) in front of app instances on loopback, configured with the shipped
/// site file <c>infra/nginx/kim-casemanagement.conf</c>: only its ports, certificate paths and upstream servers are
/// replaced (<see cref="SeiteErzeugen"/>), so a change to the shipped file is what the tests run. TLS with a test
/// certificate made here. A detached watchdog stops nginx when the test process is gone (also after kill -9).
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private const string WatchdogScript = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$1"; do sleep 1; done
        if [ -f "$2/nginx.pid" ]; then kill -QUIT "$(cat "$2/nginx.pid")"; fi
        sleep 2
        rm -rf "$2"
        """;

    private readonly Process _nginx;

    private NginxProxy(Process nginx, string ordner, int httpsPort, int httpPort, X509Certificate2 zertifikat, string zertifikatPem)
    {
        _nginx = nginx;
        Ordner = ordner;
        Adresse = new Uri($"https://127.0.0.1:{httpsPort}");
        HttpAdresse = new Uri($"http://127.0.0.1:{httpPort}");
        Zertifikat = zertifikat;
        ZertifikatPem = zertifikatPem;
    }

    /// <summary>The shipped site file.</summary>
    public static string Vorlage => Path.Combine(Repository(), "infra", "nginx", "kim-casemanagement.conf");

    /// <summary>The TLS address browsers and clients use.</summary>
    public Uri Adresse { get; }

    /// <summary>The plain-HTTP address (the shipped file redirects it to HTTPS).</summary>
    public Uri HttpAdresse { get; }

    /// <summary>nginx' prefix folder: configuration, certificate, logs.</summary>
    public string Ordner { get; }

    /// <summary>The test certificate nginx presents (self-signed for 127.0.0.1 and localhost).</summary>
    public X509Certificate2 Zertifikat { get; }

    /// <summary>Its PEM file (NODE_EXTRA_CA_CERTS for JavaScript clients).</summary>
    public string ZertifikatPem { get; }

    /// <summary>The access log: one line per request, "METHOD URI STATUS UPSTREAM-ADDRESS".</summary>
    public IReadOnlyList<string> Zugriffe() => File.Exists(Path.Combine(Ordner, "access.log")) ? File.ReadAllLines(Path.Combine(Ordner, "access.log")) : [];

    /// <summary>nginx' error log (for failure messages).</summary>
    public string Fehlerprotokoll() => File.Exists(Path.Combine(Ordner, "error.log")) ? File.ReadAllText(Path.Combine(Ordner, "error.log")) : string.Empty;

    /// <summary>
    /// The shipped site with test values: every active <c>server 127.0.0.1:PORT;</c> line of the upstream replaced by
    /// the given instances, the two listen lines bound to loopback ports, the certificate paths. Throws when one of
    /// these lines is missing, so that the shipped file cannot drift away from what is tested.
    /// </summary>
    public static string SeiteErzeugen(string vorlage, IReadOnlyList<int> instanzen, int httpsPort, int httpPort, string zertifikat, string schluessel)
    {
        ArgumentNullException.ThrowIfNull(vorlage);
        ArgumentNullException.ThrowIfNull(instanzen);
        if (instanzen.Count == 0)
        {
            throw new ArgumentException("Mindestens eine Instanz.", nameof(instanzen));
        }

        var ersteZeile = true;
        var seite = UpstreamServer().Replace(vorlage, m =>
        {
            if (!ersteZeile)
            {
                return string.Empty;
            }

            ersteZeile = false;
            var einzug = m.Groups[1].Value;
            return string.Join('\n', instanzen.Select(p => $"{einzug}server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)};"));
        });
        if (ersteZeile)
        {
            throw new InvalidOperationException("infra/nginx/kim-casemanagement.conf: keine Zeile \"server 127.0.0.1:PORT;\" im upstream-Block.");
        }

        seite = Ersetzen(seite, "listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort.ToString(CultureInfo.InvariantCulture)} ssl http2;");
        seite = Ersetzen(seite, "listen 80;", $"listen 127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)};");
        seite = Ersetzen(seite, "ssl_certificate     /etc/ssl/kim/fullchain.pem;", $"ssl_certificate     {zertifikat};");
        seite = Ersetzen(seite, "ssl_certificate_key /etc/ssl/kim/privkey.pem;", $"ssl_certificate_key {schluessel};");
        return seite;
    }

    /// <summary>Starts nginx in front of the instances (ports on 127.0.0.1, plain HTTP as in production).</summary>
    public static async Task<NginxProxy> StartenAsync(IReadOnlyList<int> instanzen)
    {
        var nginx = Programm();
        var ordner = Directory.CreateTempSubdirectory("kim-nginx-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // Workers run as nginx' unprivileged user when the tests run as root: they must reach the temp folders.
            File.SetUnixFileMode(ordner, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var zertifikat = TestZertifikat.Erzeugen();
        var zertifikatPem = Path.Combine(ordner, "fullchain.pem");
        var schluessel = Path.Combine(ordner, "privkey.pem");
        await File.WriteAllTextAsync(zertifikatPem, zertifikat.ExportCertificatePem());
        await File.WriteAllTextAsync(schluessel, zertifikat.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var httpsPort = FreierPort();
        var httpPort = FreierPort();
        await File.WriteAllTextAsync(Path.Combine(ordner, "kim-casemanagement.conf"),
            SeiteErzeugen(await File.ReadAllTextAsync(Vorlage), instanzen, httpsPort, httpPort, zertifikatPem, schluessel));
        foreach (var t in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(ordner, "tmp", t));
        }

        // The main configuration Debian's /etc/nginx/nginx.conf would give, in the test's folder; the site is included
        // as Debian includes sites-enabled/*. The log line names the instance that served each request.
        await File.WriteAllTextAsync(Path.Combine(ordner, "nginx.conf"), $$"""
            daemon off;
            worker_processes 2;
            worker_rlimit_nofile 16384;
            pid {{ordner}}/nginx.pid;
            error_log {{ordner}}/error.log warn;
            events { worker_connections 8192; }
            http {
                log_format kim '$request_method $uri $status $upstream_addr';
                access_log {{ordner}}/access.log kim;
                client_body_temp_path {{ordner}}/tmp/body;
                proxy_temp_path {{ordner}}/tmp/proxy;
                fastcgi_temp_path {{ordner}}/tmp/fastcgi;
                uwsgi_temp_path {{ordner}}/tmp/uwsgi;
                scgi_temp_path {{ordner}}/tmp/scgi;
                include {{ordner}}/kim-casemanagement.conf;
            }
            """);

        var pruefung = await AusfuehrenAsync(nginx, ["-t", "-p", ordner, "-e", Path.Combine(ordner, "error.log"), "-c", Path.Combine(ordner, "nginx.conf")]);
        if (pruefung.ExitCode != 0)
        {
            throw new InvalidOperationException("nginx -t lehnt die erzeugte Konfiguration ab: " + pruefung.Ausgabe);
        }

        var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-p", ordner, "-e", Path.Combine(ordner, "error.log"), "-c", Path.Combine(ordner, "nginx.conf") })
        {
            start.ArgumentList.Add(a);
        }

        var prozess = Process.Start(start)!;
        prozess.OutputDataReceived += (_, _) => { };
        prozess.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } z)
            {
                Console.Error.WriteLine("[nginx] " + z);
            }
        };
        prozess.BeginOutputReadLine();
        prozess.BeginErrorReadLine();
        WatchdogStarten(ordner);
        var proxy = new NginxProxy(prozess, ordner, httpsPort, httpPort, zertifikat, zertifikatPem);
        await proxy.BereitAsync();
        return proxy;
    }

    /// <summary>The nginx binary, or a clear message that scripts/test.sh installs it.</summary>
    public static string Programm() =>
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx fehlt (Debian-Paket nginx-light). scripts/test.sh installiert es; von Hand: apt-get install nginx-light.");

    /// <summary>Runs a program and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Ausgabe)> AusfuehrenAsync(string programm, IEnumerable<string> argumente, IDictionary<string, string>? umgebung = null)
    {
        var start = new ProcessStartInfo(programm) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in argumente)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in umgebung ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var p = Process.Start(start)!;
        var aus = p.StandardOutput.ReadToEndAsync();
        var fehler = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, (await aus) + (await fehler));
    }

    public static int FreierPort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>The repository root (the folder with Kim.Casemanagement.sln).</summary>
    public static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kim.Casemanagement.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository-Wurzel (Kim.Casemanagement.sln) nicht gefunden.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_nginx.HasExited)
        {
            // SIGQUIT: graceful shutdown of master and workers.
            Process.Start("kill", ["-QUIT", _nginx.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var frist = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _nginx.WaitForExitAsync(frist.Token);
            }
            catch (OperationCanceledException)
            {
                _nginx.Kill(entireProcessTree: true);
            }
        }

        _nginx.Dispose();
        Zertifikat.Dispose();
    }

    private static string Ersetzen(string text, string alt, string neu)
    {
        if (!text.Contains(alt, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"infra/nginx/kim-casemanagement.conf: Zeile \"{alt}\" fehlt (der Test ersetzt sie).");
        }

        return text.Replace(alt, neu, StringComparison.Ordinal);
    }

    private static void WatchdogStarten(string ordner)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        List<string> argumente = ["-c", "\"$@\" & exit 0", "sh"];
        if (File.Exists("/usr/bin/setsid"))
        {
            argumente.Add("/usr/bin/setsid");
        }

        argumente.AddRange(["/bin/sh", "-c", WatchdogScript, "kim-nginx-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ordner]);
        argumente.ForEach(start.ArgumentList.Add);
        using var shell = Process.Start(start)!;
        shell.StandardInput.Close();
        shell.WaitForExit(5000);
    }

    private async Task BereitAsync()
    {
        var bis = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < bis)
        {
            if (_nginx.HasExited)
            {
                throw new InvalidOperationException($"nginx hat sich beendet (Exit-Code {_nginx.ExitCode}): {Fehlerprotokoll()}");
            }

            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Adresse.Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx nimmt keine Verbindungen an: " + Fehlerprotokoll());
    }

    [GeneratedRegex(@"^([ \t]*)server[ \t]+127\.0\.0\.1:\d+;[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
