using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure.Benachrichtigungen;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kim.Casemanagement.Infrastructure;

/// <summary>Registers persistence: the database (embedded or configured), EF Core, repositories, queries, migrations.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddKimInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatenbankOptionen>().Bind(configuration.GetSection(DatenbankOptionen.Abschnitt));
        services.AddSingleton<Datenbank>();
        // Pooled: a request reuses a context instance (EF resets its state) instead of building one per request.
        services.AddDbContextPool<KimDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<Datenbank>().EfDataSource).AddInterceptors(Mandanten.MandantBefehlsInterceptor.Instanz, Mandanten.MandantTransaktionsInterceptor.Instanz, Mandanten.MandantSpeichernInterceptor.Instanz));
        services.AddScoped<IFallRepository, FallRepository>();
        // The business day the repository's hold check and the lists need (the application registers the same).
        services.TryAddSingleton<IKalender, Application.Common.Kalender>();
        services.AddScoped<Application.Datenschutz.Sperrung.IFallSperren, Datenschutz.FallSperren>();
        services.AddSingleton<Persistence.Aggregat.FallZwischenspeicher>();
        services.AddScoped<Idempotenz.IdempotenzKontext>();
        services.AddSingleton<Idempotenz.IdempotenzSpeicher>();
        services.AddSingleton<Aufbewahrung.KurzzeitAufbewahrung>();
        services.AddSingleton<Application.Abstractions.IKlientSchluessel>(sp => new Datenschutz.KlientSchluessel(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddSingleton(sp => new Datenschutz.FallLoeschung(
            sp.GetRequiredService<Datenbank>().OwnerConnectionString,
            sp.GetRequiredService<Domain.Rechtsregeln.Rechtsregeltabelle>(),
            sp.GetRequiredService<Application.Abstractions.IKalender>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Datenschutz.FallLoeschung>>()));
        services.AddSingleton<Application.Datenschutz.Loeschung.IEinzelloeschung>(sp => sp.GetRequiredService<Datenschutz.FallLoeschung>());
        services.AddScoped<IFallAbfragen, FallAbfragen>();
        services.AddScoped<IBenutzerVerzeichnis, Identitaet.BenutzerVerzeichnis>();
        services.AddScoped<Identitaet.BenutzerVerwaltung>();
        services.AddSingleton(sp => new Mandanten.MandantenVerwaltung(
            sp.GetRequiredService<Datenbank>().DataSource, sp.GetRequiredService<Identitaet.SitzungsDienst>(), sp.GetRequiredService<TimeProvider>()));
        services.AddKimDatenschutzAbfragen();
        // The standard rule table with the deployment's dated rows (section Rechtsregeln), e.g. a Kommune's retention periods.
        services.AddSingleton(Rechtsregeln.RechtsregelKonfiguration.Laden(configuration));
        services.AddKimBenachrichtigungsSchreibweg(configuration);
        // Settings per Mandant (migration 0022): the installation's lead times are the defaults of every Kommune.
        services.AddOptions<Application.Einstellungen.TerminVorlaufOptionen>().Bind(configuration.GetSection(Application.Einstellungen.TerminVorlaufOptionen.Abschnitt));
        services.AddSingleton<Application.Einstellungen.IMandantEinstellungenSpeicher>(sp => new Mandanten.MandantEinstellungenSpeicher(sp.GetRequiredService<Datenbank>().DataSource));
        services.AddSingleton<Application.Einstellungen.MandantEinstellungen>();
        // First of all hosted services: DataProtection's own hosted service (registered earlier by Razor Pages and
        // antiforgery) reads the key ring from the database at start; on a fresh database the table must exist by then.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, MigrationBeimStart>());
        services.AddHealthChecks().AddCheck<DatenbankBereitCheck>("datenbank", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }
}
