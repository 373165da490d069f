using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>Registers the audit trail. Needs <see cref="Datenbank"/> and an <see cref="IAktuellerBenutzer"/> (scoped).</summary>
public static class AuditRegistrierung
{
    /// <summary>
    /// Registers <see cref="AuditSchreiber"/> and <see cref="AuditVersiegelung"/> (singletons and hosted services),
    /// <see cref="AuditPruefung"/>, <see cref="AuditAufbewahrung"/> (run by the scheduler, <c>TerminPruefung</c>) and
    /// <see cref="AuditAbfrage"/> (singletons on the app's data source), and the scoped
    /// <see cref="AuditProtokoll"/>, also as <see cref="IAuditProtokoll"/>. Call it after <c>AddKimInfrastructure</c>:
    /// hosted services stop in reverse order, so the writer flushes its queue before the database is disposed.
    /// </summary>
    public static IServiceCollection AddKimAudit(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AuditSchreiber(
            sp.GetRequiredService<Datenbank>().DataSource,
            sp.GetRequiredService<ILogger<AuditSchreiber>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<AuditSchreiber>());
        services.AddSingleton(sp => new AuditVersiegelung(
            sp.GetRequiredService<Datenbank>().DataSource,
            sp.GetRequiredService<ILogger<AuditVersiegelung>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<AuditVersiegelung>());
        services.AddSingleton(sp => new AuditPruefung(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddSingleton(sp => new AuditAufbewahrung(
            sp.GetRequiredService<Datenbank>().DataSource,
            sp.GetRequiredService<Rechtsregeltabelle>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AuditAufbewahrung>>()));
        services.AddSingleton(sp => new AuditAbfrage(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddScoped(sp => new AuditProtokoll(
            sp.GetRequiredService<IAktuellerBenutzer>(),
            sp.GetRequiredService<AuditSchreiber>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IAuditProtokoll>(sp => sp.GetRequiredService<AuditProtokoll>());
        return services;
    }
}
