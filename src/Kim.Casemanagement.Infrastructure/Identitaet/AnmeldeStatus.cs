namespace Kim.Casemanagement.Infrastructure.Identitaet;

public enum AnmeldeStatus
{
    Erfolgreich,
    Fehlgeschlagen,
    Gesperrt,
    ZweiterFaktorErforderlich,
}
