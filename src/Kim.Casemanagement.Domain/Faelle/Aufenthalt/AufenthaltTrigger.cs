namespace Kim.Casemanagement.Domain.Faelle.Aufenthalt;

/// <summary>Steps on the residence track.</summary>
public enum AufenthaltTrigger
{
    AsylSuchen,
    AnkunftsnachweisAusstellen,
    AsylantragStellen,
    Anerkennen,
    AbschiebungsverbotFeststellen,
    AsylantragAblehnen,
    AufenthaltserlaubnisErteilen,
    DuldungErteilen,
    DuldungUngeklaerteIdentitaetErteilen,
    IdentitaetKlaeren,
    AusbildungsduldungErteilen,
    BeschaeftigungsduldungErteilen,
    Paragraph16gErteilen,
    Paragraph25aErteilen,
    Paragraph25bErteilen,
    ChancenaufenthaltsrechtErteilen,
    ChancenaufenthaltsrechtAblaufen,
    Paragraph24Erteilen,
    SonstigeAufenthaltserlaubnisErteilen,
    VerlaengerungBeantragen,
    FiktionsbescheinigungAusstellen,
    Verlaengern,
    NiederlassungserlaubnisErteilen,
    Einbuergern,
    Ausreisen,
}
