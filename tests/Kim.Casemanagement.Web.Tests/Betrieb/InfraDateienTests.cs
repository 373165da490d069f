using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Kim.Casemanagement.Testing;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Betrieb;

/// <summary>
/// The shipped deployment files of infra/ checked with the real tools: the systemd unit with <c>systemd-analyze
/// verify</c>, the PostgreSQL settings applied to a cluster of their own (initdb, the file included as an operator
/// would include it). Each check is also shown to fail on a broken copy, so that it cannot pass by accident.
/// </summary>
public sealed partial class InfraDateienTests
{
    private static string Infra(params string[] teile) => Path.Combine([NginxProxy.Repository(), "infra", .. teile]);

    [Fact]
    public async Task SystemdUnit_PassesSystemdAnalyzeVerify_ForAnInstanceOnAPort()
    {
        var ergebnis = await VerifyAsync(await File.ReadAllTextAsync(Infra("systemd", "kim-casemanagement@.service")));

        ergebnis.ExitCode.ShouldBe(0, ergebnis.Ausgabe);
        ergebnis.Ausgabe.Trim().ShouldBeEmpty();
    }

    [Fact]
    public async Task SystemdAnalyzeVerify_RejectsABrokenCopyOfTheUnit()
    {
        var unit = await File.ReadAllTextAsync(Infra("systemd", "kim-casemanagement@.service"));
        unit.ShouldContain("ExecStart=/usr/bin/dotnet ");

        var ergebnis = await VerifyAsync(unit.Replace("ExecStart=/usr/bin/dotnet ", "ExecStart=/usr/bin/dotnet-gibt-es-nicht ", StringComparison.Ordinal));

        ergebnis.ExitCode.ShouldNotBe(0);
        ergebnis.Ausgabe.ShouldContain("dotnet-gibt-es-nicht");
    }

    [Fact]
    public async Task NginxSite_IsAcceptedByNginxT_AndARemovedUpstreamLineIsReported()
    {
        var vorlage = await File.ReadAllTextAsync(NginxProxy.Vorlage);
        var seite = NginxProxy.SeiteErzeugen(vorlage, [5080, 5081, 5082], 8443, 8080, "/z/fullchain.pem", "/z/privkey.pem");

        seite.ShouldContain("server 127.0.0.1:5080;\n    server 127.0.0.1:5081;\n    server 127.0.0.1:5082;");
        seite.ShouldContain("listen 127.0.0.1:8443 ssl http2;");
        seite.ShouldContain("ssl_certificate     /z/fullchain.pem;");
        Should.Throw<InvalidOperationException>(() => NginxProxy.SeiteErzeugen(vorlage.Replace("listen 443 ssl http2;", "listen 443;", StringComparison.Ordinal), [5080], 1, 2, "a", "b"));

        // nginx -t of the real file runs in every start of NginxProxy; here a real start with one instance.
        await using var nginx = await NginxProxy.StartenAsync([NginxProxy.FreierPort()]);
        nginx.Fehlerprotokoll().ShouldNotContain("[emerg]");
    }

    [Fact]
    public async Task PostgresSettings_AreAllAppliedToACluster_WithTlsAndScramPasswords()
    {
        await using var cluster = await EigenerCluster.StartenAsync(await File.ReadAllTextAsync(Infra("postgresql", "kim.conf")));

        var imFile = SettingZeilen().Matches(await File.ReadAllTextAsync(Infra("postgresql", "kim.conf"))).Select(m => m.Groups[1].Value).ToList();
        imFile.Count.ShouldBeGreaterThan(10);
        await using var verbindung = await cluster.VerbindenAsync(tls: true);
        var dateizeilen = await ZeilenAsync(verbindung, "SELECT name || '|' || applied || '|' || coalesce(error, '') FROM pg_file_settings WHERE sourcefile LIKE '%/kim.conf'");
        dateizeilen.Select(z => z.Split('|')[0]).Order().ShouldBe(imFile.Order());
        dateizeilen.ShouldAllBe(z => z.EndsWith("|true|", StringComparison.Ordinal));
        var wirksam = await ZeilenAsync(verbindung, "SELECT name FROM pg_settings WHERE sourcefile LIKE '%/kim.conf'");
        wirksam.Order().ShouldBe(imFile.Order());
        (await ZeilenAsync(verbindung, "SHOW shared_buffers")).ShouldBe(["2GB"]);
        (await ZeilenAsync(verbindung, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).ShouldBe(["true"]);
        await using (var rolle = new NpgsqlCommand("CREATE ROLE probe LOGIN PASSWORD 'Ein-Probe-Passwort'", verbindung))
        {
            await rolle.ExecuteNonQueryAsync();
        }

        (await ZeilenAsync(verbindung, "SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = 'probe'")).ShouldBe(["SCRAM-SHA-256$"]);
    }

    [Fact]
    public async Task PostgresSettings_ASettingWithAWrongUnit_KeepsTheClusterFromStarting()
    {
        var fehler = await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await using var cluster = await EigenerCluster.StartenAsync("work_mem = '16 Megabyte'\n");
        });

        fehler.Message.ShouldContain("invalid value for parameter \"work_mem\"");
        fehler.Message.ShouldContain("kim.conf\" contains errors");
    }

    private static async Task<List<string>> ZeilenAsync(NpgsqlConnection verbindung, string sql)
    {
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        await using var leser = await befehl.ExecuteReaderAsync();
        var zeilen = new List<string>();
        while (await leser.ReadAsync())
        {
            zeilen.Add(leser.GetString(0));
        }

        return zeilen;
    }

    private static async Task<(int ExitCode, string Ausgabe)> VerifyAsync(string unit)
    {
        var ordner = Directory.CreateTempSubdirectory("kim-systemd-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(ordner.FullName, "kim-casemanagement@.service"), unit);
            return await NginxProxy.AusfuehrenAsync("systemd-analyze", ["verify", "--man=no", Path.Combine(ordner.FullName, "kim-casemanagement@5080.service")]);
        }
        finally
        {
            ordner.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"^\s*([a-z_]+)\s*=", RegexOptions.Multiline)]
    private static partial Regex SettingZeilen();

    /// <summary>
    /// A PostgreSQL cluster of its own (initdb in a temp folder; as the system user postgres when the tests run as root)
    /// whose postgresql.conf includes the given file as kim.conf, as an operator includes infra/postgresql/kim.conf.
    /// Port and socket folder come after the include (the file sets neither); a test certificate for ssl = on.
    /// </summary>
    private sealed class EigenerCluster : IAsyncDisposable
    {
        private readonly string _ordner;
        private readonly int _port;

        private EigenerCluster(string ordner, int port)
        {
            _ordner = ordner;
            _port = port;
        }

        private string Daten => Path.Combine(_ordner, "pgdata");

        public static async Task<EigenerCluster> StartenAsync(string kimConf)
        {
            var ordner = Directory.CreateTempSubdirectory("kim-pgconf-").FullName;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(ordner, (UnixFileMode)Convert.ToInt32("755", 8));
            }

            var cluster = new EigenerCluster(ordner, NginxProxy.FreierPort());
            try
            {
                await cluster.EinrichtenAsync(kimConf);
            }
            catch
            {
                await cluster.PostgresAsync("pg_ctl", "stop", "-m", "immediate", "-D", cluster.Daten).ContinueWith(_ => { }, TaskScheduler.Default);
                Directory.Delete(ordner, recursive: true);
                throw;
            }

            return cluster;
        }

        private async Task EinrichtenAsync(string kimConf)
        {
            var ordner = _ordner;
            var cluster = this;
            await cluster.AlsServerAsync("chown", "-R", "postgres", ordner);
            await cluster.PostgresAsync("initdb", "-D", cluster.Daten, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
            using var zertifikat = TestZertifikat.Erzeugen();
            await File.WriteAllTextAsync(Path.Combine(cluster.Daten, "server.crt"), zertifikat.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(cluster.Daten, "server.key"), zertifikat.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(cluster.Daten, "server.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await File.WriteAllTextAsync(Path.Combine(cluster.Daten, "kim.conf"), kimConf);
            await File.AppendAllTextAsync(Path.Combine(cluster.Daten, "postgresql.conf"), string.Create(CultureInfo.InvariantCulture,
                $"\ninclude 'kim.conf'\nport = {cluster._port}\nunix_socket_directories = '{ordner}'\n"));
            await cluster.AlsServerAsync("chown", "-R", "postgres", ordner);
            await cluster.PostgresAsync("pg_ctl", "start", "-w", "-t", "60", "-D", cluster.Daten, "-l", Path.Combine(ordner, "postgres.log"));
        }

        public async Task<NpgsqlConnection> VerbindenAsync(bool tls)
        {
            var verbindung = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = tls ? "localhost" : _ordner,
                Port = _port,
                Username = "postgres",
                Database = "postgres",
                SslMode = tls ? SslMode.Require : SslMode.Disable,
                Pooling = false,
            }.ConnectionString);
            await verbindung.OpenAsync();
            return verbindung;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await PostgresAsync("pg_ctl", "stop", "-m", "immediate", "-D", Daten);
            }
            finally
            {
                Directory.Delete(_ordner, recursive: true);
            }
        }

        /// <summary>A PostgreSQL program (from Debian's bin folder when not on PATH), as postgres when this process is root.</summary>
        private async Task PostgresAsync(string programm, params string[] argumente)
        {
            // Like scripts/test.sh: the programs on PATH (initdb, pg_ctl), else Debian's newest version folder.
            var pfad = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, programm))
                .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", programm)) : [])
                .FirstOrDefault(File.Exists) ?? programm;
            await AlsServerAsync(pfad, argumente);
        }

        private async Task AlsServerAsync(string programm, params string[] argumente)
        {
            var root = Environment.UserName == "root";
            if (programm == "chown" && !root)
            {
                return;
            }

            var ergebnis = root && programm != "chown"
                ? await NginxProxy.AusfuehrenAsync("runuser", ["-u", "postgres", "--", programm, .. argumente])
                : await NginxProxy.AusfuehrenAsync(programm, argumente);
            if (ergebnis.ExitCode != 0)
            {
                var protokoll = Path.Combine(_ordner, "postgres.log");
                throw new InvalidOperationException($"{programm} {string.Join(' ', argumente)}: {ergebnis.Ausgabe} {(File.Exists(protokoll) ? File.ReadAllText(protokoll) : string.Empty)}");
            }
        }
    }
}
