using System.Diagnostics;
using System.Text.Json.Nodes;
using Kim.Casemanagement.Benchmarks.Umgebung;

namespace Kim.Casemanagement.Benchmarks.Benachrichtigungen;

/// <summary>The Node load client (tests/signalr-client/last.mjs) as a child process, JSON lines in and out.</summary>
internal sealed class NodeLast : IAsyncDisposable
{
    private readonly Process _node;
    private readonly List<JsonObject> _ereignisse = [];
    private readonly Task _leser;

    private NodeLast(Process node)
    {
        _node = node;
        _leser = Task.Run(async () =>
        {
            while (await node.StandardOutput.ReadLineAsync() is { } zeile)
            {
                if (JsonNode.Parse(zeile) is JsonObject e)
                {
                    lock (_ereignisse)
                    {
                        _ereignisse.Add(e);
                    }
                }
            }
        });
        node.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } z)
            {
                Console.Error.WriteLine("[node] " + z);
            }
        };
        node.BeginErrorReadLine();
    }

    public static async Task<NodeLast> StartenAsync(string konfiguration, string zertifikatPem)
    {
        if (!File.Exists(Path.Combine(Pfade.SignalRClient, "node_modules", "@microsoft", "signalr", "package.json")))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = Pfade.SignalRClient })!;
            await npm.WaitForExitAsync();
        }

        var start = new ProcessStartInfo("node", ["--max-old-space-size=2048", "last.mjs", konfiguration])
        {
            WorkingDirectory = Pfade.SignalRClient,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NODE_EXTRA_CA_CERTS"] = zertifikatPem;
        return new NodeLast(Process.Start(start)!);
    }

    public async Task SendenAsync(JsonObject befehl)
    {
        await _node.StandardInput.WriteLineAsync(befehl.ToJsonString());
        await _node.StandardInput.FlushAsync();
    }

    public async Task<JsonObject> WartenAufAsync(string art, TimeSpan hoechstens)
    {
        var bis = DateTime.UtcNow + hoechstens;
        while (DateTime.UtcNow < bis)
        {
            lock (_ereignisse)
            {
                if (_ereignisse.FirstOrDefault(e => (string?)e["ev"] == "fehler") is { } fehler)
                {
                    throw new InvalidOperationException("Lastclient: " + fehler["text"]);
                }

                if (_ereignisse.FirstOrDefault(e => (string?)e["ev"] == art) is { } e)
                {
                    return e;
                }
            }

            if (_node.HasExited)
            {
                throw new InvalidOperationException($"Lastclient beendet (Exit-Code {_node.ExitCode}) ohne \"{art}\".");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Lastclient: kein \"{art}\" in {hoechstens}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
        }

        await _leser;
        _node.Dispose();
    }
}
