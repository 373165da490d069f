namespace Kim.Casemanagement.Domain.Themen;

/// <summary>Where a generatives Thema stands: flagged, taken up by the Lenkungsgruppe, dealt with.</summary>
public enum ThemaStatus
{
    Offen = 1,
    InLenkungsgruppe = 2,
    Erledigt = 3,
}
