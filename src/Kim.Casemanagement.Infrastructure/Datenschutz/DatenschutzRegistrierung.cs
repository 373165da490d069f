using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;
using Kim.Casemanagement.Application.Datenschutz.Protokoll;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>Registers the queries behind the data-protection officer's workplace (consent register, audit trail, retention).</summary>
public static class DatenschutzRegistrierung
{
    public static IServiceCollection AddKimDatenschutzAbfragen(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IEinwilligungsRegister, EinwilligungsRegister>();
        services.AddSingleton<IProtokollAbfrage, ProtokollAbfrage>();
        services.AddSingleton<IAuditKettenPruefung, AuditKettenPruefung>();
        services.AddSingleton<IAufbewahrungsUebersicht, AufbewahrungsUebersicht>();
        services.AddSingleton<ILoeschnachweise, Loeschnachweise>();
        return services;
    }
}
