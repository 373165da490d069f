namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>
/// One figure of one quarter (<paramref name="Quartal"/> = its first day) from the process track: <c>Neu</c>,
/// <c>Wiederaufnahme</c>, <c>Beendet:Abschluss:&lt;Grund&gt;</c>, <c>Beendet:Abbruch:&lt;Grund&gt;</c>, <c>Beendet:Verweisung</c>,
/// the stock changes <c>Bestand:Aktiv</c> and <c>Bestand:Ruhend</c> (sum of +1/−1), and <c>Fallmanager</c> (distinct
/// case managers who recorded a process step).
/// </summary>
public sealed record QuartalsWertRoh(DateOnly Quartal, string Merkmal, long Anzahl, long Faelle);
