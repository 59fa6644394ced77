namespace PlanBot.Host.Hosting;

internal static class BadRequestMiddleware
{
    /// <summary>
    /// A request Kestrel or the framework could not read (a body cut short, a bad length) is the
    /// client's fault: answer 400 with the reason, never 500.
    /// </summary>
    public static IApplicationBuilder UseBadRequestsAsClientErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = bad.StatusCode;
                await context.Response.WriteAsync(bad.Message, context.RequestAborted);
            }
        });
}
