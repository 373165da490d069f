using Kim.Casemanagement.Application;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Infrastructure;
using Kim.Casemanagement.Web.Api;
using Kim.Casemanagement.Web.Benutzer;
using Kim.Casemanagement.Web.Fehler;
using Kim.Casemanagement.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

var builder = WebApplication.CreateBuilder(args);

if (Kommandos.IstKommando(args))
{
    return await Kommandos.AusfuehrenAsync(args, builder);
}

builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 256 * 1024;
});

builder.Services.Configure<JsonOptions>(o => StrikteJson.Anwenden(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTexte.Eindeutschen);
builder.Services.AddExceptionHandler<KimExceptionHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Kim.Casemanagement API";
    doc.Info.Description = "Rechtskreisübergreifendes Case Management (KIM Modul 2, NRW).";
    return Task.CompletedTask;
}));

builder.Services.AddKimApplication();
builder.Services.AddKimInfrastructure(builder.Configuration);
builder.Services.AddScoped<IAktuellerBenutzer, AnonymerBenutzer>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Kim.Casemanagement API v1");
    o.RoutePrefix = "api-doku";
    o.DocumentTitle = "Kim.Casemanagement API";
});

app.MapFaelleApi();
app.MapSpurenApi();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the application.</summary>
public partial class Program;
