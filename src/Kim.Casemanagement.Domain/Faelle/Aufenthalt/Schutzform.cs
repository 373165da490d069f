namespace Kim.Casemanagement.Domain.Faelle.Aufenthalt;

/// <summary>The protection granted at the end of an asylum procedure.</summary>
public enum Schutzform
{
    /// <summary>Art. 16a GG, § 25 Abs. 1 AufenthG.</summary>
    Asylberechtigung = 1,

    /// <summary>§ 3 AsylG, § 25 Abs. 2 Satz 1 Alt. 1 AufenthG.</summary>
    Fluechtlingseigenschaft = 2,

    /// <summary>§ 4 AsylG, § 25 Abs. 2 Satz 1 Alt. 2 AufenthG.</summary>
    SubsidiaererSchutz = 3,

    /// <summary>§ 60 Abs. 5/7 AufenthG, § 25 Abs. 3 AufenthG.</summary>
    Abschiebungsverbot = 4,
}
