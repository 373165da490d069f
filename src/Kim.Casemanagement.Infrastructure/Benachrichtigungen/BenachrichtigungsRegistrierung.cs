using Kim.Casemanagement.Application.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>
/// Notifications: the write path (part of <c>AddKimInfrastructure</c>: every saved change writes its notices) and the
/// background parts a serving host adds with <see cref="AddKimBenachrichtigungen"/> (dispatcher, deadline scheduler).
/// </summary>
public static class BenachrichtigungsRegistrierung
{
    /// <summary>Inbox, wake-up signal and the scheduler's single run (<see cref="TerminPruefung.LaufAsync"/>).</summary>
    internal static IServiceCollection AddKimBenachrichtigungsSchreibweg(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TerminOptionen>().Bind(configuration.GetSection(TerminOptionen.Abschnitt));
        services.AddOptions<VerteilerOptionen>().Bind(configuration.GetSection(VerteilerOptionen.Abschnitt));
        services.AddScoped<IBenachrichtigungen, BenachrichtigungsSammlung>();
        services.AddSingleton<BenachrichtigungsWecker>();
        services.AddSingleton<Posteingang>();
        services.AddSingleton<TerminPruefung>();
        return services;
    }

    /// <summary>Runs the dispatcher (needs an <see cref="IBenachrichtigungsZustellung"/> from the host) and the deadline scheduler.</summary>
    public static IServiceCollection AddKimBenachrichtigungen(this IServiceCollection services)
    {
        services.AddSingleton<BenachrichtigungsVerteiler>();
        services.AddHostedService(sp => sp.GetRequiredService<BenachrichtigungsVerteiler>());
        services.AddHostedService(sp => sp.GetRequiredService<TerminPruefung>());
        return services;
    }
}
