using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen.Entscheidungen;
using Kim.Casemanagement.Application.Analysen.Themen;
using Kim.Casemanagement.Infrastructure.Analysen.Projektion;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>Registers the Lenkungsgruppe's analyses, their exports and the generative Themen.</summary>
public static class AnalysenRegistrierung
{
    /// <summary>
    /// Options from the configuration section <c>Analysen</c> (defaults filled in, validated at start-up), the SQL data port,
    /// the XES and CSV exports, the stored report and its background refresh, the per-Fall projection of the filtered page and its refresh, <see cref="AnalysenHandler"/> and <see cref="ThemenHandler"/> (scoped) and the Themen
    /// repository. Needs <c>AddKimApplication</c>, <c>AddKimInfrastructure</c> and <c>AddKimAudit</c>.
    /// </summary>
    public static IServiceCollection AddKimAnalysen(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AnalysenOptionen>().BindConfiguration(AnalysenOptionen.Abschnitt).ValidateOnStart();
        services.AddSingleton<AnalysenOptionenPruefung>();
        services.AddSingleton<IPostConfigureOptions<AnalysenOptionen>>(sp => sp.GetRequiredService<AnalysenOptionenPruefung>());
        services.AddSingleton<IValidateOptions<AnalysenOptionen>>(sp => sp.GetRequiredService<AnalysenOptionenPruefung>());
        services.AddSingleton<IAnalysenDaten>(sp => new AnalysenDaten(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddSingleton<IXesExport>(sp => new XesExport(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddSingleton<ICsvExport, CsvExport>();
        services.AddScoped<IThemenRepository, ThemenRepository>();
        services.AddSingleton<IAnalysenStand>(sp => new AnalysenStand(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddSingleton<AnalysenStandAktualisierung>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalysenStandAktualisierung>());
        services.AddSingleton(sp => new AnalysenProjektion(sp.GetRequiredService<Datenbank>().DataSource, sp.GetRequiredService<IKalender>()));
        services.AddSingleton<IAnalysenProjektion>(sp => sp.GetRequiredService<AnalysenProjektion>());
        services.AddSingleton<AnalysenProjektionAktualisierung>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalysenProjektionAktualisierung>());
        services.AddScoped<AnalysenHandler>();
        services.AddScoped<IEntscheidungen, EntscheidungenRepository>();
        services.AddScoped<EntscheidungenHandler>();
        services.AddScoped<ThemenHandler>();
        return services;
    }
}
