using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Application.Faelle.Berichtigung;

/// <summary>The result of a correction: the Fall's version now and the fields that changed (names only).</summary>
public sealed record KlientBerichtigungErgebnis(int Version, IReadOnlyList<string> GeaenderteFelder);

/// <summary>
/// Corrects the client's master data (Art. 16 DSGVO) for the case manager who leads the Fall. The old values go to the
/// audit trail only (action <see cref="AuditAktion"/>, stored in the same transaction as the change), encrypted with the
/// client's key (<see cref="IKlientSchluessel"/>, gone with the client at erasure: ADR 0007); the case file
/// gets a note naming the corrected fields. Invalid input is refused before anything is noted; if the save itself fails
/// (409 on a stale version), the noted row is written at the end of the request with that status, its old values being the
/// values that stay stored.
/// </summary>
public sealed class KlientBerichtigungHandler(FallBearbeitung bearbeitung, IKlientSchluessel schluessel)
{
    /// <summary>The audit action whose detail holds the corrected fields and their values before the correction.</summary>
    public const string AuditAktion = "Klient.Berichtigt";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task<KlientBerichtigungErgebnis> BerichtigenAsync(Guid fallId, KlientStammdaten neu, int? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(neu);
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.KlientBerichtigen, ct);
        var aenderungen = fall.KlientBerichtigen(neu, bearbeitung.Benutzer.Id, bearbeitung.Kalender.Heute, bearbeitung.Kalender.Jetzt);
        if (aenderungen.Count == 0)
        {
            return new KlientBerichtigungErgebnis(fall.Version, []);
        }

        var vorher = await schluessel.VerschluesselnAsync(fall.KlientId, VorherJson(aenderungen), ct);
        bearbeitung.Audit.Vormerken(AuditAktion, AuditDetail(aenderungen, vorher), fall.Id, fall.KlientId);
        await bearbeitung.SpeichernAsync(fall, ct);
        return new KlientBerichtigungErgebnis(fall.Version, [.. aenderungen.Select(a => a.Feld)]);
    }

    /// <summary>
    /// The audit detail: <c>{"felder":[...],"vorher":"v1:…"}</c>, the corrected fields' names in clear and their old
    /// values (<see cref="VorherJson"/>) encrypted with the client's key; the new values are in the client's row.
    /// </summary>
    public static string AuditDetail(IReadOnlyList<StammdatenAenderung> aenderungen, string vorherVerschluesselt)
    {
        ArgumentNullException.ThrowIfNull(aenderungen);
        return JsonSerializer.Serialize(new { felder = aenderungen.Select(a => a.Feld).ToArray(), vorher = vorherVerschluesselt }, Json);
    }

    /// <summary>The old values as JSON, <c>{feld: alter Wert}</c> (what the audit row holds encrypted).</summary>
    public static string VorherJson(IReadOnlyList<StammdatenAenderung> aenderungen)
    {
        ArgumentNullException.ThrowIfNull(aenderungen);
        return JsonSerializer.Serialize(aenderungen.ToDictionary(a => a.Feld, a => a.Vorher), Json);
    }
}
