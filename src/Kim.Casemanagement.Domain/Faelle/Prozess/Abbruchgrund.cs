namespace Kim.Casemanagement.Domain.Faelle.Prozess;

/// <summary>Why a Fall was broken off.</summary>
public enum Abbruchgrund
{
    EinwilligungWiderrufen = 1,
    Wegzug = 2,
    KeinKontakt = 3,
    Ausreise = 4,
    Sonstiges = 9,
}
