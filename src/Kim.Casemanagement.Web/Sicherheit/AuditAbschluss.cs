using Kim.Casemanagement.Infrastructure.Audit;

namespace Kim.Casemanagement.Web.Sicherheit;

/// <summary>At the end of each request, the audit entries no transaction carried (reads, refusals, failures) are written with the final status.</summary>
internal sealed class AuditAbschluss(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditProtokoll audit)
    {
        try
        {
            await next(context);
        }
        finally
        {
            await audit.AbschliessenAsync(context.Response.StatusCode);
        }
    }
}
