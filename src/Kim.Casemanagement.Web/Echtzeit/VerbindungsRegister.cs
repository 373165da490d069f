using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Kim.Casemanagement.Web.Echtzeit;

/// <summary>
/// Live hub connections by session and user, so that ending a session (logout, deactivation) also closes its
/// real-time connections at once: a WebSocket outlives the request that authenticated it.
/// </summary>
public sealed class VerbindungsRegister
{
    private readonly ConcurrentDictionary<string, (string? Sitzung, string Benutzer, HubCallerContext Kontext)> _verbindungen = new();

    public int Anzahl => _verbindungen.Count;

    public void Hinzufuegen(string? sitzung, string benutzer, HubCallerContext kontext)
    {
        ArgumentNullException.ThrowIfNull(kontext);
        _verbindungen[kontext.ConnectionId] = (sitzung, benutzer, kontext);
    }

    public void Entfernen(string connectionId) => _verbindungen.TryRemove(connectionId, out _);

    /// <summary>The distinct sessions with a live connection (null sessions, which cannot happen behind the session check, included as "").</summary>
    public IReadOnlyList<string> Sitzungen() => _verbindungen.Values.Select(v => v.Sitzung ?? string.Empty).Distinct().ToList();

    public void SitzungBeenden(Guid sitzung) => SitzungBeenden(sitzung.ToString("D"));

    /// <summary>Closes every connection of the session; returns how many.</summary>
    public int SitzungBeenden(string sitzung)
    {
        var anzahl = 0;
        foreach (var (id, v) in _verbindungen.Where(v => (v.Value.Sitzung ?? string.Empty) == sitzung).ToList())
        {
            v.Kontext.Abort();
            _verbindungen.TryRemove(id, out _);
            anzahl++;
        }

        return anzahl;
    }

    public void BenutzerBeenden(string benutzer)
    {
        foreach (var (id, v) in _verbindungen.Where(v => v.Value.Benutzer == benutzer).ToList())
        {
            v.Kontext.Abort();
            _verbindungen.TryRemove(id, out _);
        }
    }
}
