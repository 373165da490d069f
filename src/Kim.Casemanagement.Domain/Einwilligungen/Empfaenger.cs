namespace Kim.Casemanagement.Domain.Einwilligungen;

/// <summary>Who a consent permits to receive data: KIM case management itself, or one partner authority.</summary>
public enum Empfaenger
{
    /// <summary>Consent to take part in KIM case management (needed before the Assessment).</summary>
    CaseManagement = 0,
    Auslaenderbehoerde = 1,
    Jobcenter = 2,
    Bildungsberatung = 3,
}
