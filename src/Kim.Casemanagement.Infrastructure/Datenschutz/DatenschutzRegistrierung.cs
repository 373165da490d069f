using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>Registers the Art. 15 copy (<see cref="AuskunftErstellung"/>) and the Art. 30 record (<see cref="VerzeichnisErstellung"/>) with their settings (section <c>Datenschutz</c>).</summary>
public static class DatenschutzRegistrierung
{
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
