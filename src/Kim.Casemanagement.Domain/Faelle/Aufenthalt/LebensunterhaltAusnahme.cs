namespace Kim.Casemanagement.Domain.Faelle.Aufenthalt;

/// <summary>Legal exceptions to the livelihood requirement for Einbürgerung. Which apply on a day is decided by the rule table.</summary>
public enum LebensunterhaltAusnahme
{
    /// <summary>§ 10 Abs. 1 Nr. 3 StAG a. F.: benefits received through no fault of one's own (until 26.06.2024).</summary>
    NichtZuVertreten = 1,

    /// <summary>Full-time work for 20 of the last 24 months.</summary>
    Vollzeit20Von24Monaten = 2,

    /// <summary>Spouse or partner works full time and lives with a minor child.</summary>
    EhegatteVollzeitMitKind = 3,

    /// <summary>Came as a recruited worker (Gastarbeiter / Vertragsarbeitnehmer).</summary>
    Anwerbeabkommen = 4,
}
