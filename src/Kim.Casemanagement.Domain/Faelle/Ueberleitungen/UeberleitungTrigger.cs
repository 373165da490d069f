namespace Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

/// <summary>Steps of a referral.</summary>
public enum UeberleitungTrigger
{
    Anfragen,
    Annehmen,
    Ablehnen,
    Erledigen,
    Zurueckziehen,
}
