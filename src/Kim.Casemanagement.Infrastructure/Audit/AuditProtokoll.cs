using System.Diagnostics;
using Kim.Casemanagement.Application.Abstractions;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// The audit trail of one request (scoped). Use cases note accesses with <see cref="Vormerken"/>; a repository that
/// saves a change takes the open entries into its transaction (<see cref="AlsEintraege"/>, then
/// <see cref="AuditSchreiber.Hinzufuegen"/>, then <see cref="AlsGespeichertMarkieren"/> after the commit); whatever is
/// still open when the request ends (reads, refused or failed requests) goes to the background writer through
/// <see cref="AbschliessenAsync"/>, with the response status as outcome. Who and from where are read from
/// <see cref="IAktuellerBenutzer"/> when the rows are built, the trace id from <see cref="Activity.Current"/> unless
/// another source is given.
/// </summary>
public sealed class AuditProtokoll : IAuditProtokoll
{
    private readonly IAktuellerBenutzer _benutzer;
    private readonly AuditSchreiber _schreiber;
    private readonly TimeProvider _zeit;
    private readonly Func<string?> _traceId;
    private readonly List<AuditVorgang> _offen = [];
    private readonly Lock _sperre = new();

    public AuditProtokoll(IAktuellerBenutzer benutzer, AuditSchreiber schreiber, TimeProvider zeit, Func<string?>? traceId = null)
    {
        ArgumentNullException.ThrowIfNull(benutzer);
        ArgumentNullException.ThrowIfNull(schreiber);
        ArgumentNullException.ThrowIfNull(zeit);
        _benutzer = benutzer;
        _schreiber = schreiber;
        _zeit = zeit;
        _traceId = traceId ?? (() => Activity.Current?.Id);
    }

    public IReadOnlyList<AuditVorgang> Offen
    {
        get
        {
            lock (_sperre)
            {
                return [.. _offen];
            }
        }
    }

    public void Vormerken(string aktion, string? detail, Guid? fallId, Guid? klientId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aktion);
        var vorgang = new AuditVorgang(aktion, detail, fallId, klientId, _zeit.GetUtcNow());
        lock (_sperre)
        {
            _offen.Add(vorgang);
        }
    }

    public void AlsGespeichertMarkieren()
    {
        lock (_sperre)
        {
            _offen.Clear();
        }
    }

    /// <summary>The open entries as audit rows with outcome <paramref name="ergebnis"/>; they stay open until <see cref="AlsGespeichertMarkieren"/>.</summary>
    public IReadOnlyList<AuditEintrag> AlsEintraege(int ergebnis)
    {
        List<AuditVorgang> offen;
        lock (_sperre)
        {
            if (_offen.Count == 0)
            {
                return [];
            }

            offen = [.. _offen];
        }

        var benutzerId = _benutzer.Id ?? string.Empty;
        var rollen = string.Join(',', _benutzer.Rollen.Select(r => r.ToString()).Order(StringComparer.Ordinal));
        var herkunft = _benutzer.Herkunft;
        var mandant = _benutzer.IstAngemeldet ? _benutzer.Mandant : null;
        var traceId = _traceId();
        return offen.Select(v => new AuditEintrag
        {
            Zeitpunkt = v.Zeitpunkt,
            BenutzerId = benutzerId,
            Rollen = rollen,
            Aktion = v.Aktion,
            Detail = v.Detail,
            FallId = v.FallId,
            KlientId = v.KlientId,
            Ergebnis = ergebnis,
            Herkunft = herkunft,
            TraceId = traceId,
            Mandant = mandant,
        }).ToList();
    }

    /// <summary>End of the request: hands the entries still open, with the final <paramref name="statusCode"/> as outcome, to the background writer.</summary>
    public async Task AbschliessenAsync(int statusCode, CancellationToken ct = default)
    {
        var eintraege = AlsEintraege(statusCode);
        if (eintraege.Count == 0)
        {
            return;
        }

        AlsGespeichertMarkieren();
        await _schreiber.EinreihenAsync(eintraege, ct).ConfigureAwait(false);
    }
}
