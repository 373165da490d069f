using System.Globalization;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>What one replay worker found: counts and violations by kind, with a few examples.</summary>
internal sealed class Befund
{
    private const int MaxBeispiele = 20;

    public Dictionary<string, long> Verstoesse { get; } = new(StringComparer.Ordinal);

    public List<string> Beispiele { get; } = [];

    public long Faelle { get; set; }

    public long Ereignisse { get; set; }

    public long Nachgespielt { get; set; }

    public void Verstoss(string art, FallAkte akte, int nr, string text)
    {
        Verstoesse[art] = Verstoesse.GetValueOrDefault(art) + 1;
        if (Beispiele.Count < MaxBeispiele)
        {
            Beispiele.Add(string.Create(CultureInfo.InvariantCulture, $"{akte.Aktenzeichen} Ereignis {nr}: {art}: {text}"));
        }
    }

    public void Hinzufuegen(Befund anderer)
    {
        Faelle += anderer.Faelle;
        Ereignisse += anderer.Ereignisse;
        Nachgespielt += anderer.Nachgespielt;
        foreach (var (art, anzahl) in anderer.Verstoesse)
        {
            Verstoesse[art] = Verstoesse.GetValueOrDefault(art) + anzahl;
        }

        Beispiele.AddRange(anderer.Beispiele.Take(MaxBeispiele - Math.Min(MaxBeispiele, Beispiele.Count)));
    }
}
