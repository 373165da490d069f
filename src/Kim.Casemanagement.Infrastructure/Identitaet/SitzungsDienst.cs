using System.Collections.Concurrent;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>
/// Server-side sessions behind cookies and bearer tokens: created at sign-in, checked on every request (idle and
/// absolute timeout, ended by logout or deactivation), ended on the server. Checks are cached briefly per instance;
/// ending a session removes it from this instance's cache at once, and other instances re-read it within
/// <see cref="SitzungsOptionen.Zwischenspeicher"/> (and at once when they receive the end notice).
/// </summary>
public sealed class SitzungsDienst(IServiceScopeFactory scopes, TimeProvider zeit, IOptions<SitzungsOptionen> optionen)
{
    public const string Kanal = "kim_sitzung";

    private readonly ConcurrentDictionary<Guid, Eintrag> _cache = new();

    /// <summary>A session ended (on this or, via NOTIFY, another instance): live connections of it must close.</summary>
    public event Action<Guid>? SitzungBeendet;

    /// <summary>Sessions of a user ended (deactivation, password or role change).</summary>
    public event Action<string>? BenutzerSitzungenBeendet;

    public async Task<Sitzung> AnlegenAsync(string benutzerId, string art, bool zweiterFaktor, CancellationToken ct)
    {
        var jetzt = zeit.GetUtcNow();
        var sitzung = new Sitzung
        {
            Id = Guid.CreateVersion7(jetzt),
            BenutzerId = benutzerId,
            Art = art,
            ZweiterFaktor = zweiterFaktor,
            ErstelltAm = jetzt,
            LetzteAktivitaet = jetzt,
            AblaufAbsolut = jetzt + optionen.Value.Hoechstdauer,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        db.Sitzungen.Add(sitzung);
        await db.SaveChangesAsync(ct);
        return sitzung;
    }

    /// <summary>The session if it is still valid now (and marks activity); null when ended, idle too long or expired.</summary>
    public Task<Sitzung?> PruefenAsync(Guid sitzungId, CancellationToken ct) => PruefenAsync(sitzungId, aktivitaet: true, ct);

    /// <summary>Like <see cref="PruefenAsync(Guid, CancellationToken)"/>; with <paramref name="aktivitaet"/> false the check itself does not count as activity (background checks of live connections).</summary>
    public async Task<Sitzung?> PruefenAsync(Guid sitzungId, bool aktivitaet, CancellationToken ct)
    {
        var jetzt = zeit.GetUtcNow();
        var o = optionen.Value;
        if (_cache.TryGetValue(sitzungId, out var eintrag) && jetzt - eintrag.GelesenAm < o.Zwischenspeicher)
        {
            return Gueltig(eintrag.Sitzung, jetzt) ? eintrag.Sitzung : null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        var sitzung = await db.Sitzungen.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sitzungId, ct);
        if (sitzung is null)
        {
            _cache.TryRemove(sitzungId, out _);
            return null;
        }

        if (!Gueltig(sitzung, jetzt))
        {
            if (sitzung.BeendetAm is null)
            {
                await BeendenAsync(db, sitzungId, jetzt - sitzung.LetzteAktivitaet > o.Leerlauf ? "Leerlauf" : "Ablauf", jetzt, ct);
            }

            _cache.TryRemove(sitzungId, out _);
            return null;
        }

        if (aktivitaet && jetzt - sitzung.LetzteAktivitaet > o.AktivitaetSchreibenAlle)
        {
            await db.Sitzungen.Where(s => s.Id == sitzungId && s.BeendetAm == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LetzteAktivitaet, jetzt), ct);
            sitzung.LetzteAktivitaet = jetzt;
        }

        _cache[sitzungId] = new Eintrag(sitzung, jetzt);
        return sitzung;
    }

    /// <summary>Marks activity in memory (so a cached session does not run into its idle timeout while in use).</summary>
    public void Aktiv(Guid sitzungId)
    {
        if (_cache.TryGetValue(sitzungId, out var eintrag))
        {
            eintrag.Sitzung.LetzteAktivitaet = zeit.GetUtcNow();
        }
    }

    public async Task BeendenAsync(Guid sitzungId, string grund, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        await BeendenAsync(db, sitzungId, grund, zeit.GetUtcNow(), ct);
        _cache.TryRemove(sitzungId, out _);
        SitzungBeendet?.Invoke(sitzungId);
        await MeldenAsync(db, "sitzung:" + sitzungId.ToString("D"), ct);
    }

    /// <summary>Ends every open session of a user (deactivation, password change); returns how many.</summary>
    public async Task<int> AlleBeendenAsync(string benutzerId, string grund, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        var jetzt = zeit.GetUtcNow();
        var ids = await db.Sitzungen.Where(s => s.BenutzerId == benutzerId && s.BeendetAm == null).Select(s => s.Id).ToListAsync(ct);
        var anzahl = await db.Sitzungen.Where(s => s.BenutzerId == benutzerId && s.BeendetAm == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BeendetAm, jetzt).SetProperty(s => s.BeendetGrund, grund), ct);
        foreach (var id in ids)
        {
            _cache.TryRemove(id, out _);
        }

        foreach (var (id, eintrag) in _cache)
        {
            if (eintrag.Sitzung.BenutzerId == benutzerId)
            {
                _cache.TryRemove(id, out _);
            }
        }

        BenutzerSitzungenBeendet?.Invoke(benutzerId);
        await MeldenAsync(db, "benutzer:" + benutzerId, ct);
        return anzahl;
    }

    /// <summary>Ends every open session of a user except one (password change keeps the current session).</summary>
    public async Task AlleAusserBeendenAsync(string benutzerId, Guid ausser, string grund, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        var jetzt = zeit.GetUtcNow();
        await db.Sitzungen.Where(s => s.BenutzerId == benutzerId && s.BeendetAm == null && s.Id != ausser)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BeendetAm, jetzt).SetProperty(s => s.BeendetGrund, grund), ct);
        foreach (var (id, eintrag) in _cache)
        {
            if (eintrag.Sitzung.BenutzerId == benutzerId && id != ausser)
            {
                _cache.TryRemove(id, out _);
            }
        }

        foreach (var id in await db.Sitzungen.AsNoTracking().Where(s => s.BenutzerId == benutzerId && s.BeendetAm != null && s.BeendetAm >= jetzt).Select(s => s.Id).ToListAsync(ct))
        {
            SitzungBeendet?.Invoke(id);
            await MeldenAsync(db, "sitzung:" + id.ToString("D"), ct);
        }
    }

    /// <summary>Another instance reported an ended session or user (payload <c>sitzung:&lt;id&gt;</c> or <c>benutzer:&lt;id&gt;</c>).</summary>
    public void FremdBeendet(string meldung)
    {
        ArgumentNullException.ThrowIfNull(meldung);
        if (meldung.StartsWith("sitzung:", StringComparison.Ordinal) && Guid.TryParse(meldung["sitzung:".Length..], out var sid))
        {
            _cache.TryRemove(sid, out _);
            SitzungBeendet?.Invoke(sid);
        }
        else if (meldung.StartsWith("benutzer:", StringComparison.Ordinal))
        {
            var benutzerId = meldung["benutzer:".Length..];
            Vergessen(benutzerId);
            BenutzerSitzungenBeendet?.Invoke(benutzerId);
        }
    }

    private static async Task MeldenAsync(KimDbContext db, string meldung, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Kanal, meldung], ct);

    /// <summary>The user just proved the second factor in this session (enrolment): the session counts as two-factor from now on.</summary>
    public async Task ZweiterFaktorBestaetigtAsync(Guid sitzungId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        await db.Sitzungen.Where(s => s.Id == sitzungId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ZweiterFaktor, true), ct);
        if (_cache.TryGetValue(sitzungId, out var eintrag))
        {
            eintrag.Sitzung.ZweiterFaktor = true;
        }
    }

    /// <summary>Forgets cached sessions of a user (called when another instance reports that they ended).</summary>
    public void Vergessen(string benutzerId)
    {
        foreach (var (id, eintrag) in _cache)
        {
            if (eintrag.Sitzung.BenutzerId == benutzerId)
            {
                _cache.TryRemove(id, out _);
            }
        }
    }

    private bool Gueltig(Sitzung s, DateTimeOffset jetzt) =>
        s.BeendetAm is null && jetzt < s.AblaufAbsolut && jetzt - s.LetzteAktivitaet <= optionen.Value.Leerlauf;

    private static Task<int> BeendenAsync(KimDbContext db, Guid sitzungId, string grund, DateTimeOffset jetzt, CancellationToken ct) =>
        db.Sitzungen.Where(s => s.Id == sitzungId && s.BeendetAm == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BeendetAm, jetzt).SetProperty(s => s.BeendetGrund, grund), ct);

    private sealed record Eintrag(Sitzung Sitzung, DateTimeOffset GelesenAm);
}
