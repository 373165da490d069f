using Kim.Casemanagement.Application.Sicherheit;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>Makes sure the six roles exist (after the migrations ran).</summary>
internal sealed class RollenAnlegen(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rollen = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var rolle in Enum.GetNames<Rolle>())
        {
            if (!await rollen.RoleExistsAsync(rolle))
            {
                await rollen.CreateAsync(new IdentityRole(rolle));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
