namespace Kim.Casemanagement.Application.Analysen;

/// <summary>Age at intake relative to the young-adult band of the rule table (source 000: 18-27).</summary>
public enum Altersgruppe
{
    /// <summary>Younger than the band (by default: under 18).</summary>
    Juengere = 1,

    /// <summary>Inside the band (by default: 18 to 27), the target group of the NRW initiatives.</summary>
    JungeErwachsene = 2,

    /// <summary>Older than the band (by default: 28 and older).</summary>
    Aeltere = 3,
}
