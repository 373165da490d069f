namespace Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

/// <summary>Referral to a partner authority, DOMAIN.md §3.5.</summary>
public enum UeberleitungZustand
{
    Entwurf,
    Angefragt,
    Angenommen,
    Abgelehnt,
    Erledigt,
    Zurueckgezogen,
}
