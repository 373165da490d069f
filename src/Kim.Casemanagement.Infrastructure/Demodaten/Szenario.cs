namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>Where a client stands on the residence track when the Fall is opened; it decides the start states and the likely paths.</summary>
internal enum Szenario
{
    /// <summary>Asylum seekers: Asylgesuch, Ankunftsnachweis or Aufenthaltsgestattung; AsylbLG.</summary>
    Asylverfahren,

    /// <summary>Temporary protection (§ 24 AufenthG), mostly from Ukraine.</summary>
    Paragraph24,

    /// <summary>Already tolerated (§ 60a/§ 60b) for some time: the Duldung paths.</summary>
    Geduldet,

    /// <summary>Protection already granted (§ 25 Abs. 1-3).</summary>
    Anerkannt,

    /// <summary>Other residence permits: family reunification, skilled workers, training.</summary>
    SonstigerTitel,

    /// <summary>Settlement permit already held.</summary>
    Niederlassung,
}
