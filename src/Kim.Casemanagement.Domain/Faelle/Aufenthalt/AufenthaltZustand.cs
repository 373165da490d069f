namespace Kim.Casemanagement.Domain.Faelle.Aufenthalt;

/// <summary>Residence status (Ausländerbehörde track), DOMAIN.md §3.2.</summary>
public enum AufenthaltZustand
{
    /// <summary>No status recorded yet.</summary>
    KeinStatus,

    /// <summary>Superstate of the asylum procedure.</summary>
    Asylverfahren,
    Asylgesuch,
    Ankunftsnachweis,
    Aufenthaltsgestattung,

    /// <summary>Protection granted (§ 25 I/II/III), residence permit not yet issued.</summary>
    Schutzstatus,
    Ausreisepflichtig,

    /// <summary>Superstate of the toleration states.</summary>
    Geduldet,
    Duldung,
    DuldungUngeklaerteIdentitaet,
    Ausbildungsduldung,
    Beschaeftigungsduldung,

    /// <summary>Superstate of fixed-term residence permits, including a pending extension.</summary>
    Aufenthaltstitel,
    AufenthaltserlaubnisSchutz,
    Aufenthaltserlaubnis24,
    Aufenthaltserlaubnis25a,
    Aufenthaltserlaubnis25b,
    Aufenthaltserlaubnis16g,
    Chancenaufenthaltsrecht,
    AufenthaltserlaubnisSonstige,
    VerlaengerungBeantragt,
    Fiktionsbescheinigung,

    Niederlassungserlaubnis,
    Eingebuergert,
    Ausgereist,
}
