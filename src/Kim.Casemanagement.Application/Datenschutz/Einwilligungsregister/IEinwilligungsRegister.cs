namespace Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;

/// <summary>Reads the consents of a tenant for the data-protection officer.</summary>
public interface IEinwilligungsRegister
{
    /// <summary>One page of the consents matching <paramref name="filter"/> (already validated), newest recorded first.</summary>
    Task<RegisterSeite> SuchenAsync(string mandant, RegisterFilter filter, DateOnly heute, DateTimeOffset jetzt, CancellationToken ct);

    Task<EinwilligungsKennzahlen> KennzahlenAsync(string mandant, DateOnly heute, int ablaufTage, CancellationToken ct);
}
