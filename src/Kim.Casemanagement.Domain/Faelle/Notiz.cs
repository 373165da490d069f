using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>A free-text note in the case file. Stored as written; rendered encoded.</summary>
public sealed class Notiz
{
    private Notiz()
    {
        Text = VerfasstVon = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FallId { get; private set; }

    public string Text { get; private set; }

    public string VerfasstVon { get; private set; }

    public DateTimeOffset VerfasstAm { get; private set; }

    internal static Notiz Verfassen(Guid id, Guid fallId, string text, string akteur, DateTimeOffset jetzt)
    {
        text = Texte.Normalisieren(text) ?? string.Empty;
        if (text.Length == 0 || !Texte.IstGueltigerFreitext(text))
        {
            throw new DomainException("Die Notiz ist leer, zu lang oder enthält Steuerzeichen.", new Dictionary<string, string[]> { ["text"] = [$"1 bis {Texte.FreitextMaxLaenge} Zeichen; Zeilenumbrüche sind erlaubt, andere Steuerzeichen nicht."] });
        }

        return new Notiz { Id = id, FallId = fallId, Text = text, VerfasstVon = akteur, VerfasstAm = jetzt };
    }
}
