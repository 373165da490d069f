namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>
/// The first broken link of the audit chain: at link <paramref name="Nr"/> (sealing audit row <paramref name="AuditId"/>;
/// null when the link itself is missing), for <paramref name="Grund"/> (one of the constants below).
/// </summary>
public sealed record AuditBruch(long Nr, long? AuditId, string Grund)
{
    /// <summary>The sealed row's content differs from what was sealed.</summary>
    public const string ZeileVeraendert = "Zeile verändert";

    /// <summary>The sealed row no longer exists.</summary>
    public const string ZeileGeloescht = "Zeile gelöscht";

    /// <summary>The link's own hashes do not fit together, or it does not continue its predecessor.</summary>
    public const string SiegelVeraendert = "Siegel verändert";

    /// <summary>A link number is missing (a link was deleted).</summary>
    public const string Luecke = "Lücke in der Kette";

    /// <summary>The link is intact but in the wrong place: it continues another link than its predecessor, or its row is not after the previous one in (xid, id) order.</summary>
    public const string ReihenfolgeVeraendert = "Reihenfolge verändert";

    /// <summary>
    /// A checkpoint (<c>audit_pruefpunkte</c>) does not fit the chain: its end link has another hash, the segments are
    /// not numbered without gaps, a segment's count does not match, or a removed segment follows a kept one.
    /// </summary>
    public const string PruefpunktVeraendert = "Prüfpunkt verändert";

    /// <summary>A segment is marked as removed, but links of it are still there: it did not leave through the removal function.</summary>
    public const string AbschnittNichtEntfernt = "Als entfernt markierter Abschnitt noch vorhanden";
}
