var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health/live", () => Results.Ok());
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the application.</summary>
public partial class Program;
