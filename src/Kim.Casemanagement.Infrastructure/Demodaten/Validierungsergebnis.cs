namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The result of replaying every stored Fall through the domain: how many Fälle and events were read, how many events the
/// domain accepted again, and every refusal by kind (unknown transition, unmet guard by name, date going backwards, …).
/// </summary>
public sealed record Validierungsergebnis(
    long Faelle,
    long Ereignisse,
    long Nachgespielt,
    IReadOnlyDictionary<string, long> Verstoesse,
    IReadOnlyList<string> Beispiele,
    TimeSpan Dauer)
{
    public long VerstoesseGesamt => Verstoesse.Values.Sum();

    public bool Fehlerfrei => VerstoesseGesamt == 0;
}
