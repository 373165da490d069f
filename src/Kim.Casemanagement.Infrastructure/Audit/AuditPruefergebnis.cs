namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>What <see cref="AuditPruefung"/> found.</summary>
/// <param name="GepruefteSiegel">Kept links verified intact, from the first kept link up to the first break (all kept links when intact).</param>
/// <param name="ErsterBruch">The first broken link, if any.</param>
/// <param name="UnversiegelteAlteZeilen">
/// Audit rows that should have been sealed but are not: xid below the last link's <see cref="AuditSiegel.BisXid"/>
/// and no link. Rows inserted behind the sealer's back with an old xid, or rows whose link was deleted.
/// </param>
/// <param name="KopfNr">Nr of the last link (0 when nothing is sealed yet).</param>
/// <param name="KopfHash">Hash of the last link in lower-case hex (empty when nothing is sealed yet), for external anchoring.</param>
/// <param name="EntfernteAbschnitte">Segments removed after their retention period (their checkpoints remain).</param>
/// <param name="EntfernteZeilen">Audit rows those segments held.</param>
/// <param name="AnkerNr">The last link of the newest removed segment: verification starts after it (0 when nothing was removed).</param>
/// <param name="AnkerHash">That link's hash in lower-case hex, recorded in its checkpoint (empty when nothing was removed).</param>
public sealed record AuditPruefergebnis(
    long GepruefteSiegel,
    AuditBruch? ErsterBruch,
    long UnversiegelteAlteZeilen,
    long KopfNr,
    string KopfHash,
    long EntfernteAbschnitte = 0,
    long EntfernteZeilen = 0,
    long AnkerNr = 0,
    string AnkerHash = "")
{
    /// <summary>Intact: no broken link and no row that escaped sealing.</summary>
    public bool Ok => ErsterBruch is null && UnversiegelteAlteZeilen == 0;
}
