using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>A follow-up: something to look at again on a given day.</summary>
public sealed class Wiedervorlage
{
    private Wiedervorlage()
    {
        Betreff = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FallId { get; private set; }

    public DateOnly Faellig { get; private set; }

    public string Betreff { get; private set; }

    public WiedervorlageArt Art { get; private set; }

    /// <summary>Deduplication key for generated follow-ups (e.g. the permit expiry it stems from); null for manual ones.</summary>
    public string? Schluessel { get; private set; }

    /// <summary>User responsible; null means the lead case manager.</summary>
    public string? ZustaendigId { get; private set; }

    public DateTimeOffset ErstelltAm { get; private set; }

    public DateTimeOffset? ErledigtAm { get; private set; }

    public string? ErledigtVon { get; private set; }

    public bool IstOffen => ErledigtAm is null;

    internal static Wiedervorlage Anlegen(Guid id, Guid fallId, DateOnly faellig, string betreff, WiedervorlageArt art, string? schluessel, string? zustaendigId, DateTimeOffset jetzt)
    {
        betreff = Texte.Normalisieren(betreff) ?? string.Empty;
        if (betreff.Length == 0 || !Texte.IstGueltigerKurztext(betreff))
        {
            throw new DomainException("Der Betreff der Wiedervorlage fehlt oder ist ungültig.", new Dictionary<string, string[]> { ["betreff"] = [$"1 bis {Texte.KurztextMaxLaenge} Zeichen, keine Steuerzeichen."] });
        }

        return new Wiedervorlage { Id = id, FallId = fallId, Faellig = faellig, Betreff = betreff, Art = art, Schluessel = schluessel, ZustaendigId = zustaendigId, ErstelltAm = jetzt };
    }

    internal void Erledigen(string akteur, DateTimeOffset jetzt)
    {
        if (ErledigtAm is not null)
        {
            throw new DomainException("Die Wiedervorlage ist bereits erledigt.");
        }

        ErledigtAm = jetzt;
        ErledigtVon = akteur;
    }
}
