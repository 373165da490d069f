using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Datenschutz.Aufbewahrung;
using Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;
using Kim.Casemanagement.Application.Datenschutz.Protokoll;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// Registers the data-protection officer's workplace: the queries behind consent register, audit trail and retention
/// (<see cref="AddKimDatenschutzAbfragen"/>), and the Art. 15 copy (<see cref="AuskunftErstellung"/>) and Art. 30 record
/// (<see cref="VerzeichnisErstellung"/>) with their settings (section <c>Datenschutz</c>, <see cref="AddKimDatenschutz"/>).
/// </summary>
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

    public static IServiceCollection AddKimDatenschutz(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatenschutzOptionen>().Bind(configuration.GetSection(DatenschutzOptionen.Abschnitt));
        services.AddOptions<SitzungsOptionen>();
        services.AddOptions<AnalysenOptionen>();
        services.AddSingleton(sp => new AuskunftErstellung(
            sp.GetRequiredService<Datenbank>().DataSource,
            sp.GetRequiredService<Rechtsregeltabelle>(),
            sp.GetRequiredService<IOptions<DatenschutzOptionen>>()));
        services.AddSingleton<VerzeichnisErstellung>();
        return services;
    }
}
