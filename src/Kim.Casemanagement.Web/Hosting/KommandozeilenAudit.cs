using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Audit;
using Kim.Casemanagement.Infrastructure.Persistence;

namespace Kim.Casemanagement.Web.Hosting;

/// <summary>
/// The audit rows of the provider's commands (<c>mandant-anlegen</c>, <c>mandant-deaktivieren</c>,
/// <c>mandant-aktivieren</c>, <c>create-admin</c>): the same actions as the API and the pages note
/// (<c>Anbieter.Mandant…</c>, <c>Admin.BenutzerAngelegt</c>), built by the same <see cref="AuditProtokoll"/> and written
/// through the same <see cref="AuditSchreiber"/> write path (inserted in a transaction of the EF context before the
/// command returns, then sealed into the hash chain by a running instance like every other row). The actor is
/// <c>CLI:</c> plus the operating system's user name (<see cref="Environment.UserName"/>), nothing else about the person;
/// no roles, no address. Refused commands are audited too, with an HTTP-like outcome (400, 404, 409) as in the API.
/// </summary>
internal static class KommandozeilenAudit
{
    /// <summary>The actor of a command's audit rows: <c>CLI:</c> plus the OS user name (control characters removed, at most 64 characters).</summary>
    public static string Akteur
    {
        get
        {
            var name = new string((Environment.UserName ?? string.Empty).Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).Take(64).ToArray());
            return "CLI:" + (name.Length == 0 ? "unbekannt" : name);
        }
    }

    /// <summary>
    /// Writes one audit row now. <paramref name="mandant"/>: the Kommune the row belongs to (the Mandant of an account
    /// created by <c>create-admin</c>, so its Datenschutz sees it); null for the provider's actions on Mandanten, which
    /// belong to no Kommune (like a failed sign-in's row).
    /// </summary>
    public static async Task SchreibenAsync(IServiceProvider dienste, string aktion, string? detail, int ergebnis, string? mandant)
    {
        await using var scope = dienste.CreateAsyncScope();
        var schreiber = scope.ServiceProvider.GetRequiredService<AuditSchreiber>();
        var protokoll = new AuditProtokoll(new Kommandozeile(), schreiber, scope.ServiceProvider.GetRequiredService<TimeProvider>(), () => null);
        protokoll.Vormerken(aktion, detail, null, null);
        var eintraege = protokoll.AlsEintraege(ergebnis);
        foreach (var e in eintraege)
        {
            e.Mandant = mandant;
        }

        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        schreiber.Hinzufuegen(db, eintraege);
        await db.SaveChangesAsync();
        protokoll.AlsGespeichertMarkieren();
    }

    /// <summary>The outcome to audit for a refusal (as the API would answer it).</summary>
    public static int Ergebnis(Exception e) => e switch
    {
        NichtGefundenException => 404,
        Application.Common.KonfliktException => 409,
        _ => 400,
    };

    /// <summary>The "user" of a command: no account, no Mandant, no roles, no address.</summary>
    private sealed class Kommandozeile : IAktuellerBenutzer
    {
        public string Id { get; } = Akteur;

        public string Mandant => string.Empty;

        public bool IstAngemeldet => false;

        public IReadOnlySet<Rolle> Rollen { get; } = new HashSet<Rolle>();

        public Guid? TeamId => null;

        public Behoerde? Behoerde => null;

        public string? Herkunft => null;
    }
}
