namespace Kim.Casemanagement.Application.Datenschutz.Protokoll;

/// <summary>The first broken link of the audit chain: link <paramref name="Nr"/> (sealing audit row <paramref name="AuditId"/>, if known), and why.</summary>
public sealed record KettenBruch(long Nr, long? AuditId, string Grund);

/// <summary>
/// The result of verifying the audit hash chain (ADR 0006): the kept links verified, the first broken link, rows that
/// escaped sealing, the head (for anchoring outside the database), and the removed segments with the anchor the
/// verification started after.
/// </summary>
public sealed record KettenPruefung(
    long GepruefteSiegel,
    KettenBruch? ErsterBruch,
    long UnversiegelteAlteZeilen,
    long KopfNr,
    string KopfHash,
    long EntfernteAbschnitte,
    long EntfernteZeilen,
    long AnkerNr,
    string AnkerHash)
{
    /// <summary>Intact: no broken link and no row that escaped sealing.</summary>
    public bool Ok => ErsterBruch is null && UnversiegelteAlteZeilen == 0;

    /// <summary>The result in one line for the audit row of the verification (no personal data).</summary>
    public string Kurzfassung() => Ok
        ? $"{Intakt}: {GepruefteSiegel} Glieder geprüft, Kopf {KopfNr}"
        : ErsterBruch is { } b
            ? $"{Gebrochen}: {b.Grund} bei Glied {b.Nr}"
            : $"{Gebrochen}: {UnversiegelteAlteZeilen} unversiegelte Zeilen";

    public const string Intakt = "intakt";

    public const string Gebrochen = "gebrochen";
}
