using FluentValidation;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Faelle.Art13;
using Kim.Casemanagement.Application.Faelle.Aufnahme;
using Kim.Casemanagement.Application.Faelle.Diagramme;
using Kim.Casemanagement.Application.Faelle.Einwilligungen;
using Kim.Casemanagement.Application.Faelle.Ereignisse;
using Kim.Casemanagement.Application.Faelle.FaelleSuchen;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Application.Faelle.Kompetenzprofile;
using Kim.Casemanagement.Application.Faelle.Notizen;
using Kim.Casemanagement.Application.Faelle.SchrittAusfuehren;
using Kim.Casemanagement.Application.Faelle.Ueberleitungen;
using Kim.Casemanagement.Application.Faelle.Wiedervorlagen;
using Kim.Casemanagement.Application.Faelle.Ziele;
using Kim.Casemanagement.Application.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Application;

/// <summary>Registers the use cases (handler classes injected directly, no mediator).</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddKimApplication(this IServiceCollection services)
    {
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("de-DE");
        // FluentValidation's DI package is not in the package source: every validator of this assembly, registered by reflection.
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            var validatorInterface = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>));
            if (validatorInterface is not null)
            {
                services.AddSingleton(validatorInterface, type);
            }
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IKalender, Kalender>();
        services.AddScoped<FallBearbeitung>();
        services.AddScoped<Benachrichtigungen.BenachrichtigungsRegeln>();
        services.AddScoped<Sicherheit.FallZugriff>();
        services.AddScoped<Faelle.Zustaendigkeit.ZustaendigkeitHandler>();
        services.AddScoped<AufnahmeHandler>();
        services.AddScoped<FallAnzeigenHandler>();
        services.AddSingleton<FallDetailZwischenspeicher>();
        services.AddScoped<FaelleSuchenHandler>();
        services.AddScoped<SchrittHandler>();
        services.AddScoped<EreignisseHandler>();
        services.AddSingleton<DiagrammHandler>();
        services.AddScoped<EinwilligungHandler>();
        services.AddScoped<Art13Handler>();
        services.AddScoped<Faelle.Berichtigung.KlientBerichtigungHandler>();
        services.AddScoped<KompetenzprofilHandler>();
        services.AddScoped<ZielHandler>();
        services.AddScoped<WiedervorlageHandler>();
        services.AddScoped<NotizHandler>();
        services.AddScoped<NotizenHandler>();
        services.AddScoped<UeberleitungHandler>();
        services.AddScoped<Faelle.Auslastung.AuslastungHandler>();
        services.AddScoped<Datenschutz.Einwilligungsregister.EinwilligungsRegisterHandler>();
        services.AddScoped<Datenschutz.Protokoll.ProtokollHandler>();
        services.AddScoped<Datenschutz.Aufbewahrung.AufbewahrungHandler>();
        services.AddScoped<Datenschutz.Arbeitsplatz.ArbeitsplatzHandler>();
        services.AddScoped<Datenschutz.Sperrung.SperrungHandler>();
        services.AddScoped<Datenschutz.Loeschung.EinzelloeschungHandler>();
        return services;
    }
}
