using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>A deputy (Vertretung) for the lead case manager during a period.</summary>
public sealed class Vertretung
{
    private Vertretung()
    {
        BenutzerId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FallId { get; private set; }

    public string BenutzerId { get; private set; }

    public DateOnly Von { get; private set; }

    public DateOnly Bis { get; private set; }

    public bool IstAktivAm(DateOnly datum) => datum >= Von && datum <= Bis;

    internal static Vertretung Anlegen(Guid id, Guid fallId, string benutzerId, DateOnly von, DateOnly bis)
    {
        if (bis < von)
        {
            throw new DomainException("Das Ende der Vertretung darf nicht vor ihrem Beginn liegen.", new Dictionary<string, string[]> { ["bis"] = ["„Bis“ liegt vor „Von“."] });
        }

        if (string.IsNullOrWhiteSpace(benutzerId))
        {
            throw new DomainException("Die Vertretung braucht eine Person.");
        }

        return new Vertretung { Id = id, FallId = fallId, BenutzerId = benutzerId, Von = von, Bis = bis };
    }
}
