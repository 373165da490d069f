using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Einwilligungen;

/// <summary>
/// A client's consent: recipient × data categories × purpose × validity, with a reference to the signed form.
/// Blanket consent is invalid: recipient, at least one category and a concrete purpose are required.
/// </summary>
public sealed class Einwilligung
{
    public const int ZweckMinLaenge = 10;

    private Einwilligung()
    {
        Zweck = FormularReferenz = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FallId { get; private set; }

    public Empfaenger Empfaenger { get; private set; }

    public Datenkategorie Datenkategorien { get; private set; }

    public string Zweck { get; private set; }

    public DateOnly GueltigAb { get; private set; }

    public DateOnly? GueltigBis { get; private set; }

    /// <summary>Reference to the signed consent form (file number or document id).</summary>
    public string FormularReferenz { get; private set; }

    public DateTimeOffset ErfasstAm { get; private set; }

    public string ErfasstVon { get; private set; } = string.Empty;

    public DateTimeOffset? WiderrufenAm { get; private set; }

    public string? WiderrufenVon { get; private set; }

    public static Einwilligung Erteilen(Guid id, Guid fallId, Empfaenger empfaenger, Datenkategorie kategorien, string zweck, DateOnly gueltigAb, DateOnly? gueltigBis, string formularReferenz, string akteur, DateTimeOffset jetzt)
    {
        var errors = new Dictionary<string, string[]>();
        zweck = Texte.Normalisieren(zweck) ?? string.Empty;
        formularReferenz = Texte.Normalisieren(formularReferenz) ?? string.Empty;
        if (!Enum.IsDefined(empfaenger))
        {
            errors["empfaenger"] = ["Unbekannter Empfänger der Einwilligung."];
        }

        var alleKategorien = Enum.GetValues<Datenkategorie>().Aggregate(Datenkategorie.Keine, (a, b) => a | b);
        if (kategorien == Datenkategorie.Keine || (kategorien & ~alleKategorien) != 0)
        {
            errors["datenkategorien"] = ["Eine Einwilligung muss mindestens eine bekannte Datenkategorie benennen (Pauschaleinwilligungen sind unwirksam)."];
        }

        if (zweck.Length < ZweckMinLaenge || !Texte.IstGueltigerKurztext(zweck))
        {
            errors["zweck"] = [$"Der Zweck muss konkret benannt werden ({ZweckMinLaenge} bis {Texte.KurztextMaxLaenge} Zeichen, keine Steuerzeichen)."];
        }

        if (formularReferenz.Length == 0 || !Texte.IstGueltigerKurztext(formularReferenz, 100))
        {
            errors["formularReferenz"] = ["Die Referenz auf das unterschriebene Formular fehlt oder ist ungültig (höchstens 100 Zeichen)."];
        }

        if (gueltigBis is { } bis && bis < gueltigAb)
        {
            errors["gueltigBis"] = ["„Gültig bis“ darf nicht vor „Gültig ab“ liegen."];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Die Einwilligung ist unvollständig oder ungültig.", errors);
        }

        return new Einwilligung
        {
            Id = id,
            FallId = fallId,
            Empfaenger = empfaenger,
            Datenkategorien = kategorien,
            Zweck = zweck,
            GueltigAb = gueltigAb,
            GueltigBis = gueltigBis,
            FormularReferenz = formularReferenz,
            ErfasstAm = jetzt,
            ErfasstVon = akteur,
        };
    }

    /// <summary>Valid on the day: started, not expired, not withdrawn before that day.</summary>
    public bool IstGueltigAm(DateOnly datum) =>
        datum >= GueltigAb
        && (GueltigBis is null || datum <= GueltigBis.Value)
        && (WiderrufenAm is null || datum < DateOnly.FromDateTime(WiderrufenAm.Value.UtcDateTime));

    /// <summary>Valid at an instant: like <see cref="IstGueltigAm"/>, and a withdrawal takes effect the moment it is recorded.</summary>
    public bool IstGueltigZu(DateTimeOffset zeitpunkt, DateOnly heute) =>
        WiderrufenAm is null ? IstGueltigAm(heute) : zeitpunkt < WiderrufenAm.Value && IstGueltigAm(heute);

    /// <summary>
    /// May data be processed under this consent for a step dated <paramref name="fachlichesDatum"/> and recorded at
    /// <paramref name="jetzt"/>: valid on the step's day and still in force now (not withdrawn, not expired). A backdated
    /// step cannot get round a withdrawal.
    /// </summary>
    public bool ErlaubtVerarbeitung(DateOnly fachlichesDatum, DateTimeOffset jetzt, DateOnly heute) =>
        IstGueltigAm(fachlichesDatum) && IstGueltigZu(jetzt, heute);

    public bool Umfasst(Datenkategorie kategorie) => (Datenkategorien & kategorie) == kategorie;

    public void Widerrufen(string akteur, DateTimeOffset jetzt)
    {
        if (WiderrufenAm is not null)
        {
            throw new DomainException("Die Einwilligung ist bereits widerrufen.");
        }

        WiderrufenAm = jetzt;
        WiderrufenVon = akteur;
    }
}
