namespace Kim.Casemanagement.Domain.Faelle.Bildung;

/// <summary>Whether the client may (Berechtigung) or must (Verpflichtung) attend the integration course.</summary>
public enum IntegrationskursArt
{
    Berechtigung = 1,
    Verpflichtung = 2,
}
