using FluentValidation;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Benachrichtigungen;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Klienten;

namespace Kim.Casemanagement.Application.Faelle.Aufnahme;

/// <summary>Takes a new client in: Klient, Fall with its start states, first consents, Art. 13 note, in one transaction.</summary>
public sealed class AufnahmeHandler(IFallRepository repository, FallBearbeitung bearbeitung, IBenutzerVerzeichnis verzeichnis, IValidator<AufnahmeBefehl> validator, BenachrichtigungsRegeln benachrichtigungen)
{
    private static bool IstFallmanagementImTeam(BenutzerInfo? ziel, IAktuellerBenutzer teamleitung) =>
        ziel is { Aktiv: true } && ziel.Rollen.Contains(Rolle.Fallmanagement) && ziel.TeamId == teamleitung.TeamId && ziel.Mandant == teamleitung.Mandant;

    public async Task<AufnahmeErgebnis> HandleAsync(AufnahmeBefehl befehl, CancellationToken ct)
    {
        bearbeitung.Zugriff.PruefeAufnahme();
        await validator.ValidateAndThrowAsync(befehl, ct);
        var benutzer = bearbeitung.Benutzer;

        // A case manager leads what they take in; a team lead may name a case manager of the team or leave it in the intake queue.
        var fallmanager = befehl.FallmanagerId;
        if (benutzer.HatRolle(Rolle.Teamleitung))
        {
            if (fallmanager is not null && !IstFallmanagementImTeam(await verzeichnis.FindenAsync(fallmanager, ct), benutzer))
            {
                throw new DomainException("Die fallführende Person ist unbekannt oder nicht im Team.", new Dictionary<string, string[]> { ["fallmanagerId"] = ["Bitte eine Person mit der Rolle Fallmanagement aus Ihrem Team wählen."] });
            }
        }
        else if (fallmanager is not null && fallmanager != benutzer.Id)
        {
            throw new ZugriffVerweigertException("Nur die Teamleitung weist Fälle anderen Personen zu.");
        }
        else
        {
            fallmanager = benutzer.Id;
        }

        var kalender = bearbeitung.Kalender;
        if (befehl.Aufnahmedatum > kalender.Heute)
        {
            throw new DomainException("Das Aufnahmedatum darf nicht in der Zukunft liegen.", new Dictionary<string, string[]> { ["aufnahmedatum"] = ["Das Datum darf nicht in der Zukunft liegen."] });
        }

        var k = befehl.Klient;
        var jetzt = kalender.Jetzt;
        var klient = Klient.Erfassen(Guid.CreateVersion7(jetzt), k.Vorname, k.Nachname, k.Geburtsdatum, k.Geschlecht, k.Herkunftsland, k.Einreisedatum, k.HaushaltId, k.MinderjaehrigeKinder, kalender.Heute, jetzt);
        if (befehl.Aufnahmedatum < klient.Geburtsdatum)
        {
            throw new DomainException("Das Aufnahmedatum liegt vor der Geburt.", new Dictionary<string, string[]> { ["aufnahmedatum"] = ["Das Aufnahmedatum liegt vor der Geburt."] });
        }

        var angaben = new Aufnahmeangaben(
            befehl.Aufenthaltsstatus, befehl.AufenthaltSeit, befehl.Schutzform, befehl.AufenthaltGueltigBis, befehl.Rechtsgrundlage,
            befehl.Leistungsstatus, befehl.LeistungenSeit, befehl.Bildungsstand, befehl.BildungSeit, befehl.Deutschniveau);
        var aktenzeichen = await repository.NaechstesAktenzeichenAsync(kalender.Heute, ct);
        var rahmen = bearbeitung.Rahmen(befehl.Aufnahmedatum, befehl.Notiz);
        var schritt = rahmen.Schritt(SchrittDefinition.Einfach(Fall.AufnahmeTrigger, "Aufnahme"), null);
        var fall = Fall.Eroeffnen(Guid.CreateVersion7(jetzt), aktenzeichen, benutzer.Mandant, klient, fallmanager, benutzer.TeamId, angaben, schritt);

        foreach (var e in befehl.Einwilligungen ?? [])
        {
            fall.EinwilligungErteilen(Guid.CreateVersion7(jetzt), e.Empfaenger, e.Kategorien, e.Zweck, e.GueltigAb, e.GueltigBis, e.FormularReferenz, bearbeitung.Benutzer.Id, jetzt);
        }

        if (befehl.Art13InformiertAm is { } art13)
        {
            fall.Art13InformationVermerken(art13, kalender.Heute, jetzt);
        }

        bearbeitung.Audit.Vormerken("Fall.Aufnahme", null, fall.Id, klient.Id);
        await benachrichtigungen.NachAufnahmeAsync(fall, ct);

        await repository.HinzufuegenAsync(fall, ct);
        return new AufnahmeErgebnis(fall.Id, klient.Id, fall.Aktenzeichen, fall.Version);
    }
}
