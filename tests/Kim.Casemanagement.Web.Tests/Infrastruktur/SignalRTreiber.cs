using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>
/// The official <c>@microsoft/signalr</c> JavaScript client in a Node process (tests/signalr-client/treiber.mjs), driven
/// over stdin and reporting every event over stdout. It trusts the test certificate via NODE_EXTRA_CA_CERTS.
/// </summary>
public sealed class SignalRTreiber : IAsyncDisposable
{
    private static readonly SemaphoreSlim Installation = new(1, 1);
    private readonly Process _node;
    private readonly List<JsonObject> _ereignisse = [];
    private readonly List<string> _fehlerausgabe = [];
    private readonly Task _leser;

    private SignalRTreiber(Process node)
    {
        _node = node;
        _leser = Task.Run(LesenAsync);
        node.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } zeile)
            {
                lock (_fehlerausgabe)
                {
                    _fehlerausgabe.Add(zeile);
                }
            }
        };
        node.BeginErrorReadLine();
    }

    /// <summary>The folder of the Node package (installs it with <c>npm ci</c> if needed).</summary>
    public static async Task<string> PaketAsync()
    {
        var ordner = Path.Combine(Wurzel(), "tests", "signalr-client");
        await Installation.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(ordner, "node_modules", "@microsoft", "signalr", "package.json")))
            {
                using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = ordner, RedirectStandardOutput = true, RedirectStandardError = true })!;
                var fehler = npm.StandardError.ReadToEndAsync();
                await npm.StandardOutput.ReadToEndAsync();
                await npm.WaitForExitAsync();
                if (npm.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci in {ordner} fehlgeschlagen: {await fehler}");
                }
            }
        }
        finally
        {
            Installation.Release();
        }

        return ordner;
    }

    public static async Task<SignalRTreiber> StartenAsync()
    {
        var ordner = await PaketAsync();
        var start = new ProcessStartInfo("node", "treiber.mjs")
        {
            WorkingDirectory = ordner,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NODE_EXTRA_CA_CERTS"] = KimWebFactory.ZertifikatPem;
        var treiber = new SignalRTreiber(Process.Start(start)!);
        await treiber.WartenAsync(e => e.Any(x => Art(x) == "bereit"), TimeSpan.FromSeconds(30), "Treiber bereit");
        return treiber;
    }

    /// <summary>Every event so far (copy).</summary>
    public IReadOnlyList<JsonObject> Ereignisse
    {
        get
        {
            lock (_ereignisse)
            {
                return [.. _ereignisse];
            }
        }
    }

    /// <summary>The notices client <paramref name="id"/> has handed on, in the order it handed them on.</summary>
    public IReadOnlyList<JsonObject> Benachrichtigungen(string id) =>
        Ereignisse.Where(e => Art(e) == "benachrichtigung" && (string?)e["id"] == id).Select(e => e["b"]!.AsObject()).ToList();

    /// <summary>Connects client <paramref name="id"/> (reusing what it had seen, if it was connected before); throws with the client's error text on failure.</summary>
    public async Task VerbindenAsync(string id, Uri adresse, string? token, string? origin = null)
    {
        var vorher = Ereignisse.Count;
        await SendenAsync(new JsonObject { ["cmd"] = "verbinden", ["id"] = id, ["url"] = adresse.ToString().TrimEnd('/'), ["token"] = token, ["origin"] = origin });
        var ergebnis = await WartenAufEreignisAsync(vorher, e => (string?)e["id"] == id && Art(e) is "verbunden" or "fehler", TimeSpan.FromSeconds(30), $"Verbindung {id}");
        if (Art(ergebnis) == "fehler")
        {
            throw new VerbindungAbgelehntException((string?)ergebnis["text"] ?? string.Empty);
        }
    }

    public async Task TrennenAsync(string id)
    {
        var vorher = Ereignisse.Count;
        await SendenAsync(new JsonObject { ["cmd"] = "trennen", ["id"] = id });
        await WartenAufEreignisAsync(vorher, e => (string?)e["id"] == id && Art(e) == "getrennt", TimeSpan.FromSeconds(30), $"Trennen {id}");
    }

    /// <summary>Server-side inbox state and the client's confirmed prefix.</summary>
    public async Task<(int Ungelesen, long LetzteSeq, long Bestaetigt)> StandAsync(string id)
    {
        var vorher = Ereignisse.Count;
        await SendenAsync(new JsonObject { ["cmd"] = "stand", ["id"] = id });
        var e = await WartenAufEreignisAsync(vorher, e => (string?)e["id"] == id && Art(e) is "stand" or "fehler", TimeSpan.FromSeconds(30), $"Stand {id}");
        return ((int?)e["ungelesen"] ?? -1, (long?)e["letzteSeq"] ?? -1, (long?)e["bestaetigt"] ?? -1);
    }

    public async Task<int> GelesenAsync(string id, long seq)
    {
        var vorher = Ereignisse.Count;
        await SendenAsync(new JsonObject { ["cmd"] = "gelesen", ["id"] = id, ["seq"] = seq });
        var e = await WartenAufEreignisAsync(vorher, e => (string?)e["id"] == id && Art(e) == "ungelesen", TimeSpan.FromSeconds(30), $"Gelesen {id}");
        return (int)e["anzahl"]!;
    }

    /// <summary>Waits until <paramref name="bedingung"/> holds over all events; fails with what was seen.</summary>
    public async Task WartenAsync(Func<IReadOnlyList<JsonObject>, bool> bedingung, TimeSpan hoechstens, string was)
    {
        var bis = DateTime.UtcNow + hoechstens;
        while (!bedingung(Ereignisse))
        {
            if (DateTime.UtcNow > bis || _node.HasExited)
            {
                throw new TimeoutException($"{was}: nicht eingetreten. Ereignisse: {string.Join(" | ", Ereignisse.TakeLast(20).Select(e => e.ToJsonString()))} Fehlerausgabe: {Fehlerausgabe()}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_node.HasExited)
            {
                await SendenAsync(new JsonObject { ["cmd"] = "ende" });
                using var frist = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _node.WaitForExitAsync(frist.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            _node.Kill(entireProcessTree: true);
        }

        await _leser;
        _node.Dispose();
    }

    private static string? Art(JsonObject e) => (string?)e["ev"];

    internal static string Wurzel()
    {
        var ordner = new DirectoryInfo(AppContext.BaseDirectory);
        while (ordner is not null && !File.Exists(Path.Combine(ordner.FullName, "Kim.Casemanagement.sln")))
        {
            ordner = ordner.Parent;
        }

        return ordner?.FullName ?? throw new InvalidOperationException("Repository-Wurzel nicht gefunden.");
    }

    private async Task<JsonObject> WartenAufEreignisAsync(int ab, Func<JsonObject, bool> passt, TimeSpan hoechstens, string was)
    {
        JsonObject? gefunden = null;
        await WartenAsync(e => (gefunden = e.Skip(ab).FirstOrDefault(passt)) is not null, hoechstens, was);
        return gefunden!;
    }

    private async Task SendenAsync(JsonObject befehl)
    {
        await _node.StandardInput.WriteLineAsync(befehl.ToJsonString());
        await _node.StandardInput.FlushAsync();
    }

    private string Fehlerausgabe()
    {
        lock (_fehlerausgabe)
        {
            return string.Join(" / ", _fehlerausgabe.TakeLast(10));
        }
    }

    private async Task LesenAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync() is { } zeile)
        {
            if (JsonNode.Parse(zeile, documentOptions: new JsonDocumentOptions()) is JsonObject e)
            {
                lock (_ereignisse)
                {
                    _ereignisse.Add(e);
                }
            }
        }
    }
}

/// <summary>The hub refused the connection (status or reason in the message).</summary>
public sealed class VerbindungAbgelehntException(string message) : Exception(message);
